"""Article headers: the seed's tag style, YAML-like front matter, and datelines."""

from __future__ import annotations

import datetime as dt
import re

from tracker.errors import TrackerError
from tracker.extract.types import Article

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_WORD = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
# "GENEVA, June 16, 2021 — ", "WOODSIDE, Calif., Nov. 16, 2023 -- " or a wire's
# "MOSCOW, March 3, 2022 (Reuters) - " at the start of the body; without its year
# ("DOHA/JERUSALEM, Jan. 15 (Xinhua) --") it is stripped but gives no publication date.
# A place may be written in small letters and a day with its ordinal, and a scraped wire name
# may be lost from its brackets: "Merida, August 11th, 2010 ( – "; a wire name may stand
# without a dash after it: "New Delhi, May 25 (IANS) US President ...".
DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'/\-]+,(?:\s*[A-Z][a-z]+\.?,)?\s*(" + _MONTH_WORD + r")\s+(\d{1,2})"
    r"(?:st|nd|rd|th)?(?:,\s*(\d{4}))?\s*(?:\([A-Za-z][A-Za-z .&-]*\)\s*(?:(?:—|–|--|-)\s*)?"
    r"|\(?\s*(?:—|–|--|-)\s*)"
)
# "ISLAMABAD: ...", "New Delhi: ...", "The Hague: ...", "ISLAMABAD/NEW DELHI: ...": a place
# named before a colon opens the body; it is where the report was filed, not a party.
PLACE_DATELINE = re.compile(
    r"^(?:The )?[A-Z][A-Za-z.'-]*(?:[ /][A-Z][A-Za-z.'-]*){0,3}\s?:\s+(?=[A-Z\"“‘'])"
)
# "RIYADH, (UrduPoint / Pakistan Point News / WAM - 02nd Apr, 2020) ...", "LONDON (Reuters) -":
# a place in capitals and the wire's credit in brackets; the credit names no party.
CREDIT_DATELINE = re.compile(
    r"^[A-Z][A-Z'.\-]+(?:[ /][A-Z][A-Z'.\-]+){0,3},?\s*\([^()]{1,100}\)\s*(?:(?:—|–|--|-)\s*)?"
)
_FRONT_KEY = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*)$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def _month_number(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")[:3]]


def _iso(value: str) -> dt.date | None:
    m = _ISO_DATE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    return out


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _skip_blank(lines: list[tuple[int, str]], i: int) -> int:
    while i < len(lines) and not lines[i][1].strip():
        i += 1
    return i


def read_article(
    text: str, source: str | None = None, published: dt.date | None = None
) -> Article:
    """Split an article into header facts (title, date, tags) and body, keeping offsets."""
    if not text or not text.strip():
        raise TrackerError("the article is empty: nothing to extract")
    lines = _lines_with_offsets(text)
    title, date, tags, src = "", None, [], None
    i = _skip_blank(lines, 0)
    if lines[i][1].strip() == "---":
        # Front matter: key: value lines up to the closing ---.
        j = i + 1
        while j < len(lines) and lines[j][1].strip() != "---":
            m = _FRONT_KEY.match(lines[j][1].strip())
            if m:
                key, value = m[1].lower(), _unquote(m[2])
                if key == "title":
                    title = value
                elif key in ("published", "date"):
                    date = _iso(value)
                elif key == "source":
                    src = value or None
                elif key in ("tags", "tag"):
                    tags = [t.strip() for t in value.strip("[]").split(",") if t.strip()]
            j += 1
        i = _skip_blank(lines, j + 1)
    else:
        first = lines[i][1].strip()
        k = _skip_blank(lines, i + 1)
        k2 = _skip_blank(lines, k + 1) if k < len(lines) else k
        if k2 < len(lines) and lines[k][1].strip() == lines[k2][1].strip() and first:
            # The seed's style: category, title, title again, tag lines up to a blank line.
            title = lines[k][1].strip()
            tags = [first]
            j = k2 + 1
            while j < len(lines) and lines[j][1].strip():
                tags.append(lines[j][1].strip())
                j += 1
            i = _skip_blank(lines, j)
        else:
            # A title line, then the body (which may open with a dateline).
            title = first
            i = k
    body_offset = lines[i][0] if i < len(lines) else len(text)
    body = text[body_offset:]
    if date is None:
        m = DATELINE.match(body)
        if m and m[3]:
            try:
                date = dt.date(int(m[3]), _month_number(m[1]), int(m[2]))
            except (ValueError, KeyError):
                date = None
    if published is not None:
        date = published
    return Article(
        title=title,
        published=date,
        body=body,
        body_offset=body_offset,
        text=text,
        tags=tags,
        source=source or src,
    )
