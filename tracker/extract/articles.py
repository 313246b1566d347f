"""An article's text as the extractor reads it: its header, its body and how its lines run.

- Header styles: the seed's tag style, YAML-like front matter, a title line and a dateline, and
  an e-mail's "From:"/"Subject:"/"Date:" lines.
- What a page copied from a web site holds beside its article: a site's name and menu before
  the headline, a "Published: 13 May 2019" line, links to other stories and picture captions
  inside it, the site's other headlines after it (word lists in data/web.json).
- A text without a headline (its lead on the first line), and hard-wrapped paragraphs
  (``unwrapped``); whether a text reads as English at all (``reads_as_english``).
"""

from __future__ import annotations

import datetime as dt
import re

from tracker.errors import TrackerError
from tracker.extract import lexicon
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
# "RIYADH, (UrduPoint / Pakistan Point News / WAM - 02nd Apr, 2020) ...", "LONDON (Reuters) -",
# "(Vatican Radio) US President ...": a place in capitals and the wire's credit in brackets, or
# the credit alone opening the lead; the credit names no party.
CREDIT_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'.\-]+(?:[ /][A-Z][A-Z'.\-]+){0,3},?\s*\([^()]{1,100}\)"
    r"|\([A-Z][^()]{0,60}\)(?=\s*(?:(?:—|–|--|-)\s*)?[A-Z\"“]))\s*(?:(?:—|–|--|-)\s*)?"
)
_FRONT_KEY = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*)$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


_WEB = lexicon.web_cues()
_END_MARKERS = frozenset(_WEB["end_markers"])
_LINK_PREFIXES = tuple(_WEB["link_prefixes"])
_LABELS = "|".join(
    re.escape(label).replace(r"\ ", r"\s+")
    for label in sorted(_WEB["published_labels"] + _WEB["updated_labels"], key=len, reverse=True)
)
_UPDATED = frozenset(_WEB["updated_labels"])
# "... in Danang, Vietnam November 10, 2017. REUTERS/Kham", "(AP Photo/Evan Vucci)"
_CAPTION_CREDIT = re.compile(
    r"(?:^|[\s(])(?:" + "|".join(re.escape(c) for c in _WEB["photo_credits"])
    + r")\s*/\s*[^/()]{1,40}\)?\.?\s*$"
)
_CAPTION_OPENINGS = tuple(_WEB["caption_openings"])
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
# A day with its year: "2019-05-13", "13 May 2019", "13th May, 2019", "May 13, 2019", "Jun. 17,
# 2021"
_PAGE_MONTH = _MONTH_WORD + r"\.?"
_FULL_DATE = (
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>" + _PAGE_MONTH + r"),?\s+(?P<y1>\d{4})"
    r"|(?P<m2>" + _PAGE_MONTH + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))"
)
# "Published: 13 May 2019 11:09 AM BdST", "date 2019-05-13 Home > World", "Posted on May 13,
# 2019", "Updated Tue 14 May 2019": a labelled date in a page's header
_LABELLED_DATE = re.compile(
    r"^\W{0,3}(?P<label>" + _LABELS + r")\b\s*(?::|on\b|-|–)?\s*" + _WEEKDAY + _FULL_DATE,
    re.IGNORECASE,
)
# "Mon 13 May 2019 10.03 BST", "November 10, 2017 / 5:57 AM / Updated an hour ago": a header
# line that opens with a date, a time after it at most
_DATE_ONLY = re.compile(r"^\W{0,3}" + _WEEKDAY + _FULL_DATE + r"(?P<rest>(?:\W.{0,40})?)$")
# "Muhammad Irfan Published September 19, 2022 | 08:32 PM": a byline, then the date
_BYLINE_DATE = re.compile(
    r"^[^.!?\d]{2,50}?\s(?:published|posted)\s*:?\s*(?:on\s+)?" + _WEEKDAY + _FULL_DATE
    + r"(?P<rest>.{0,30})$",
    re.IGNORECASE,
)
# "From CBC - November 10, 2017", "By Jane Doe | May 13, 2019": a credit, then the date
_CREDITED_DATE = re.compile(
    r"^[^.!?\d]{2,50}?\s(?:-|–|—|\||/|·)\s*(?P<update>(?:last\s+)?updated?\s*:?\s*)?"
    r"(?:(?:published|posted)\s*:?\s*)?(?:on\s+)?" + _WEEKDAY + _FULL_DATE + r"(?P<rest>.{0,30})$",
    re.IGNORECASE,
)
_DATE_LINES = (_LABELLED_DATE, _DATE_ONLY, _CREDITED_DATE, _BYLINE_DATE)
_COUNTED_COMMENTS = re.compile(r"^\d+\s+comments?$")  # "0 comments:"
_YEAR_IN_LINE = re.compile(r"\d{4}")  # every date form read here holds its year
_HEADER_REACH = 12  # a page's header lines looked at for its headline and its date
_CRUMB = re.compile(r"\s(?:>|»|›)\s")  # "Home > World": a site's menu, no headline
_SENTENCE_END = (".", "!", "?", ":", ";", ",")
_BULLETS = frozenset("-–—•|>*#")


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


def _full_date(m: re.Match[str]) -> dt.date | None:
    if m["iso"]:
        return _iso(m["iso"])
    day, month, year = (m["d1"], m["m1"], m["y1"]) if m["d1"] else (m["d2"], m["m2"], m["y2"])
    try:
        return dt.date(int(year), _month_number(month), int(day))
    except (ValueError, KeyError):
        return None


def _dated_line(line: str) -> tuple[dt.date, bool] | None:
    """The date a header line gives as the page's, and whether it is an update's."""
    if _YEAR_IN_LINE.search(line) is None:
        return None  # (most header lines: no year, no date)
    m = _LABELLED_DATE.match(line)
    if m:
        day = _full_date(m)
        label = " ".join(m["label"].lower().split())
        return (day, label in _UPDATED) if day else None
    m = _DATE_ONLY.match(line) or _CREDITED_DATE.match(line) or _BYLINE_DATE.match(line)
    if m:
        day = _full_date(m)
        return (day, bool(m.groupdict().get("update"))) if day else None
    return None


def _looks_dated(line: str) -> bool:
    """A header line that tells a date (a valid one or not): no headline."""
    if _YEAR_IN_LINE.search(line) is None:
        return False
    return any(p.match(line) is not None for p in _DATE_LINES)


def _page_date(lines: list[tuple[int, str]], start: int) -> dt.date | None:
    """A page's publication date from its header lines (an update's when no other is told)."""
    updated = None
    for _, line in _header_lines(lines, start):
        found = _dated_line(line.strip())
        if found is None:
            continue
        day, is_update = found
        if not is_update:
            return day
        updated = updated or day
    return updated


def _header_lines(lines: list[tuple[int, str]], start: int) -> list[tuple[int, str]]:
    """The first non-blank lines of a text, with their indices."""
    out: list[tuple[int, str]] = []
    for k in range(start, len(lines)):
        if lines[k][1].strip():
            out.append((k, lines[k][1]))
            if len(out) == _HEADER_REACH:
                break
    return out


def _site_line(line: str) -> bool:
    """A line of a site's page around its headline: a menu ("Home > World"), a date, or the
    site's name after a dash or a bullet ("- Sputnik International")."""
    line = line.strip()
    return line[:1] in _BULLETS or _CRUMB.search(line) is not None or _looks_dated(line)


def _headline_line(lines: list[tuple[int, str]], first: int) -> int:
    """The line that holds the headline: the first line, unless it is a site's name, menu or
    date; then the first header line of three words or more that is none of these and no
    sentence (a site's slogan or a standfirst ends with a full stop)."""
    if not _site_line(lines[first][1]):
        return first
    for k, line in _header_lines(lines, first):
        words = [w for w in line.split() if any(c.isalpha() for c in w)]
        if (
            len(words) >= 3 and not _site_line(line)
            and not line.rstrip().rstrip("\"'”’").endswith(".")
        ):
            return k
    return first


_OPENING_REACH = 40  # characters of a line that hold a link's or a caption's opening
_CREDIT_REACH = 80  # characters at a line's end that hold a picture's credit
_MARKER_REACH = 60  # no end marker line is longer


def _is_end_marker(line: str) -> bool:
    """ "More stories", "Related Articles", "Back to top": the site's page after the article."""
    if len(line) > _MARKER_REACH:
        return False  # (most lines: a paragraph)
    words = line.strip().strip(":.|»›>-–— ").lower()
    words = " ".join(words.split())
    return len(words) < 40 and (words in _END_MARKERS or _COUNTED_COMMENTS.match(words) is not None)


def _is_link(line: str) -> bool:
    """ "Read more: Trump threatens ...": a link to another story, not this one's text; a
    picture's caption ("Putin arrives for the summit in Danang. REUTERS/Kham") neither."""
    low = line[: 2 * _OPENING_REACH].lstrip()[:_OPENING_REACH].lower()  # (no copy of it all)
    return (
        low.startswith(_LINK_PREFIXES) or low.startswith(_CAPTION_OPENINGS)
        # a credit ends the line: only its end is searched, and only when it holds a slash
        or (
            "/" in line[-_CREDIT_REACH:]
            and _CAPTION_CREDIT.search(line, max(0, len(line) - _CREDIT_REACH)) is not None
        )
    )


def _page_parts(
    lines: list[tuple[int, str]], first: int, text_length: int
) -> tuple[int, tuple[tuple[int, int], ...]]:
    """Where the article ends (a site's end marker after some text, else the end) and the
    spans of the link lines inside it."""
    links: list[tuple[int, int]] = []
    seen_text = False
    for k in range(first, len(lines)):
        offset, line = lines[k]
        if not line or line.isspace():
            continue
        if seen_text and _is_end_marker(line):
            return offset, tuple(links)
        if _is_link(line):
            links.append((offset, offset + len(line)))
        else:
            seen_text = True
    return text_length, tuple(links)


_MAIL_HEADER = re.compile(r"^(From|To|Cc|Subject|Date|Sent|Reply-To)\s*:\s*(.*)$", re.IGNORECASE)
_MAIL_PREFIXES = re.compile(r"^(?:\s*(?:re|fw|fwd|tr|wg|aw)\s*:\s*)+", re.IGNORECASE)
_MAIL_HEADER_REACH = 20


def mail_subject(subject: str) -> str:
    """An e-mail's subject as a title: without the reply and forward marks ("Fwd: Re: ...")."""
    return _MAIL_PREFIXES.sub("", subject).strip()


def _mail_headers(lines: list[tuple[int, str]], i: int) -> tuple[dict[str, str], int] | None:
    """An e-mail's header lines at the top ("From: ...", "Subject: ...", "Date: ..."), as
    fields and the index of the line after them; None unless they hold a subject and one other
    header."""
    fields: dict[str, str] = {}
    k = i
    while k < len(lines) and k - i < _MAIL_HEADER_REACH:
        m = _MAIL_HEADER.match(lines[k][1].strip())
        if m is None:
            break
        fields.setdefault(m[1].lower(), m[2].strip())
        k += 1
    if "subject" not in fields or len(fields) < 2 or (k < len(lines) and lines[k][1].strip()):
        return None  # (headers end at a blank line)
    return fields, k


def _mail_date(value: str) -> dt.date | None:
    """ "Mon, 13 May 2019 10:03:00 +0000" (RFC 5322), "Monday, May 13, 2019 10:03 AM" (a
    forward's "Sent:"), "2019-05-13"."""
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    m = re.search(_FULL_DATE, value)
    return _full_date(m) if m else None


_LETTER_WORD = re.compile(r"[^\W\d_]+")
_LANGUAGE_SAMPLE = 3000  # words read to tell a text's language
_LANGUAGE_MIN_WORDS = 20
# English news text has 18% or more of these words (the corpora's least: 0.18, median 0.28);
# Romanian, Italian, German, French, Spanish and Polish reports 0-5%
_ENGLISH_SHARE = 0.08


def reads_as_english(text: str) -> bool:
    """Whether a text reads as English, the language the extractor reads (True when too short
    to tell)."""
    words = _LETTER_WORD.findall(text[: _LANGUAGE_SAMPLE * 12].lower())[:_LANGUAGE_SAMPLE]
    if len(words) < _LANGUAGE_MIN_WORDS:
        return True
    english = lexicon.words("english_function_words")
    return sum(w in english for w in words) >= _ENGLISH_SHARE * len(words)


def _front_matter_date(value: str) -> dt.date | None:
    """ "2019-05-13", "2019-05-13T10:00:00Z", and as people write it: "May 13, 2019", "13 May
    2019", "Mon, 13 May 2019"."""
    day = _iso(value)
    if day is None:
        m = re.match(r"\s*" + _WEEKDAY + _FULL_DATE, value)
        day = _full_date(m) if m else None
    return day


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
    mail = _mail_headers(lines, i)
    if mail is not None:
        # An e-mail saved as text (a newsletter, a forwarded report): its subject is the
        # title, its date the publication date, its text after the headers the body.
        fields, i = mail
        title = mail_subject(fields.get("subject", ""))
        date = _mail_date(fields.get("date") or fields.get("sent") or "")
        i = _skip_blank(lines, i)
    elif lines[i][1].strip() == "---":
        # Front matter: key: value lines up to the closing ---.
        j = i + 1
        while j < len(lines) and lines[j][1].strip() != "---":
            m = _FRONT_KEY.match(lines[j][1].strip())
            if m:
                key, value = m[1].lower(), _unquote(m[2])
                if key == "title":
                    title = value
                elif key in ("published", "date"):
                    date = _front_matter_date(value)
                elif key == "source":
                    src = value or None
                elif key in ("tags", "tag"):
                    tags = [t.strip() for t in value.strip("[]").split(",") if t.strip()]
            j += 1
        i = _skip_blank(lines, j + 1)
        if title and i < len(lines) and lines[i][1].strip() == title:
            i = _skip_blank(lines, i + 1)  # a clipped page's headline, told again as its heading
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
            # A title line, then the body (which may open with a dateline). A page copied
            # from a site may open with the site's name, menu and date before its headline.
            headline = _headline_line(lines, i)
            if date is None:
                date = _page_date(lines, i)
            if _is_paragraph(lines[headline][1]):
                # No headline: the text opens with its lead ("WASHINGTON (Reuters) - Biden
                # met Xi ..."), which is read; its first words name it.
                title = _title_from_lead(lines[headline][1])
                i = headline
            else:
                title = lines[headline][1].strip()
                more = _headline_lines(lines, headline)
                if more:  # a headline longer than a hard-wrapped text's column
                    title = " ".join([title, *(lines[k][1].strip() for k in more)])
                    headline = more[-1]
                i = _skip_blank(lines, headline + 1)
                while i < len(lines) and (
                    _page_furniture(lines[i][1]) or lines[i][1].strip() == title and title
                ):  # (a page may tell its headline twice)
                    i = _skip_blank(lines, i + 1)
    body_offset = lines[i][0] if i < len(lines) else len(text)
    body_end, links = _page_parts(lines, i, len(text))
    body = text[body_offset:body_end]
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
        body_end=body_end,
        links=links,
    )


_PARAGRAPH_WORDS = 15  # a line of so many words that ends a sentence is a paragraph
_HEADLINE_WORDS = 30  # no headline is this long
_LEAD_TITLE_LENGTH = 80
_SENTENCE_CLOSE = re.compile(r"[.!?][\"'”’)]*\s*$")


def _is_paragraph(line: str) -> bool:
    """A first line that is the article's lead, not a headline: it opens with a dateline
    ("WASHINGTON (Reuters) - ...") or is a long sentence."""
    line = line.strip()
    if DATELINE.match(line) or CREDIT_DATELINE.match(line):
        return True
    words = len(line.split())
    return words >= _HEADLINE_WORDS or (
        words >= _PARAGRAPH_WORDS and _SENTENCE_CLOSE.search(line) is not None
    )


def _title_from_lead(line: str) -> str:
    """A title for an article without a headline: its lead's first words, past its dateline."""
    line = line.strip()
    m = DATELINE.match(line) or CREDIT_DATELINE.match(line)
    if m and m.end() < len(line):
        line = line[m.end() :].lstrip()
    if len(line) <= _LEAD_TITLE_LENGTH:
        return line
    cut = line.rfind(" ", 0, _LEAD_TITLE_LENGTH)
    return line[: cut if cut > 0 else _LEAD_TITLE_LENGTH].rstrip(",;:—–- ") + "…"


_WRAPPED_MIN, _WRAPPED_MAX = 30, 100  # the length of a line filled to a column (72, 80 ...)
_WRAPPED_LINES = 3  # so many such lines before a text is read as hard-wrapped
_SENTENCE_FINAL = re.compile(r"[.!?:][\"'”’)\]]*$")
_LIST_OPENING = re.compile(r"\s*(?:[-*•–—]|\d{1,3}[.)])\s")
_NEXT_LINE = re.compile(r"([^\n]{0,12})")  # the opening of the line after a break


def unwrapped(text: str, start: int, end: int) -> str:
    """``text`` with the line breaks inside hard-wrapped paragraphs made spaces (an e-mail, a
    newsletter or a PDF's text filled to 72 columns): the same length, so every offset stays.
    A break goes when its line is of a filled length and ends no sentence, and the next line is
    text, not a list item; and only in a text with several such lines (a text written one
    paragraph to a line keeps all its breaks)."""
    breaks: list[int] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        if nl < 0:
            break
        # (most lines of a text written one paragraph to a line are longer than a filled one:
        # they are passed over on their length alone, without a copy)
        if _WRAPPED_MIN <= nl - pos <= _WRAPPED_MAX + 2:
            line = text[pos:nl].rstrip()
            nxt = _NEXT_LINE.match(text, nl + 1, end)
            if (
                _WRAPPED_MIN <= len(line) <= _WRAPPED_MAX and nxt is not None and nxt[1].strip()
                and not _SENTENCE_FINAL.search(line) and not _LIST_OPENING.match(nxt[1])
            ):
                breaks.append(nl)
        pos = nl + 1
    if len(breaks) < _WRAPPED_LINES:
        return text
    chars = list(text)  # (one pass; a str is immutable)
    for nl in breaks:
        chars[nl] = " "
        if nl and chars[nl - 1] == "\r":  # a Windows line end: both characters
            chars[nl - 1] = " "
    return "".join(chars)


_HEADLINE_LINES = 3  # lines a wrapped headline may go on over


def _headline_lines(lines: list[tuple[int, str]], k: int) -> list[int]:
    """The lines the headline on line k goes on over, when a text filled to a column cut it:
    each line before them filled and ending no sentence, each a line of words that ends none
    and is no credit, date, byline or dateline, the last followed by a blank line; else none."""
    more: list[int] = []
    while len(more) < _HEADLINE_LINES:
        last = lines[more[-1] if more else k][1].strip()
        j = (more[-1] if more else k) + 1
        if j >= len(lines) or not (
            _WRAPPED_MIN <= len(last) <= _WRAPPED_MAX and not _SENTENCE_FINAL.search(last)
        ):
            break
        nxt = lines[j][1].strip()
        if (
            not nxt or _SENTENCE_FINAL.search(nxt)
            # (a credit of a few words right under the headline is capitalised; a headline's
            # short tail goes on in small letters, or after a line that went on already:
            # "... open arms control" / "dialogue in Geneva", "... talks in" / "Lima")
            or (_page_furniture(nxt) and not nxt[:1].islower() and not more)
            or DATELINE.match(nxt) or CREDIT_DATELINE.match(nxt) or PLACE_DATELINE.match(nxt)
            or nxt.lower().startswith("by ")
        ):
            break
        more.append(j)
        if j + 1 >= len(lines) or not lines[j + 1][1].strip():
            return more  # the headline's block ends at a blank line
    return []


def _page_furniture(line: str) -> bool:
    """A line between a page's headline and its text: its date ("Published: 13 May 2019"), a
    menu, or a credit of a few words with no sentence in it ("Reuters", ">> Reuters")."""
    line = line.strip()
    if _looks_dated(line) or _CRUMB.search(line):
        return True
    words = line.split()
    return len(words) <= 3 and not line.endswith(_SENTENCE_END) and not DATELINE.match(line)
