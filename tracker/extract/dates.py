"""Dates: plain-language dates for the CLI, and temporal expressions found in article text.

``parse_when`` resolves one user-typed expression. ``find_dates`` finds candidate spans in a
sentence with one cheap regex (month names, weekdays, "last/next/this ...", years, numeric
dates) and resolves only those. Absolute dates go through one reused dateparser parser with a
cache; the relative and fuzzy expressions that news uses and dateparser does not ("early May",
"later this month", "mid-2024", "last week" as Monday–Sunday, a weekday seen from the article's
date in the past or future tense) are computed here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.domain import When, day_label

_YEAR = re.compile(r"^\s*(?:in\s+)?(\d{4})\s*$", re.I)

_MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
# Capitalised month names only: "march" and "may" are also verbs.
_M = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_CANDIDATES = re.compile(
    # Only at the start of a word: one cheap check before the alternatives (halves the time).
    r"(?:(?<=\W)|^)(?=[\w$])(?:"
    r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    r"|(?P<dmy>\b\d{1,2}\s+" + _M + r"(?:,?\s+\d{4}\b)?)"
    r"|(?P<mdy>\b" + _M + r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:%|percent))(?:,\s*\d{4}\b)?)"
    r"|(?P<my>\b(?:(?:early|mid|late)[-\s]+)?" + _M + r",?\s+\d{4}\b)"
    r"|(?P<mrel>\b" + _M + r"\s+(?:last|next|this)\s+year\b)"
    r"|(?P<mmod>\b(?:in\s+early|in\s+late|in\s+mid|early|mid|late|in|last|next|this|since|by"
    r"|until|through|from|during|of|before|after)[-\s]+" + _M
    + r"(?![\w-])(?!,?\s+\d{1,4}\b)(?!\s+(?:last|next|this)\s+year))"
    r"|(?P<wd>\b(?:(?:last|next|this|on|early|late|late\s+on|early\s+on|by|until|since)\s+)?"
    + _WD + _PART + r"\b)"
    r"|(?P<rel>\b(?:last|next|this|earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the"
    r"|early\s+this|late\s+this|the\s+previous|the\s+following|the\s+coming)\s+"
    r"(?:week|month|year|weekend)\b)"
    r"|(?P<wkd>\b(?:over|during|at)\s+the\s+weekend\b)"
    r"|(?P<day>\b(?:yesterday|today|tomorrow|tonight)\b)"
    r"|(?P<same>\b(?:the\s+same\s+day|that\s+day|the\s+same\s+time)\b)"
    r"|(?P<year>(?<![\d$,.])(?:\b(?:in|since|by|until|through|from|of|before|after|end\s+of"
    r"|early|late|mid)[-\s]+)?\b(?:19|20)\d\d\b(?!\s*(?:%|percent|per\s+cent))(?![-.,]?\d)))"
)
_REPORTED = re.compile(r"\b(?:said|told|announced|added|reported|confirmed|stated)\b")
_NON_ANCHOR_PREFIX = re.compile(r"^(?:since|by|until|through|from|before|after)\b", re.I)
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets in the sentence
    end: int
    text: str
    when: When | None
    anchor: bool  # False for "since 2018", "through 2030": not the time of an act
    same_as_before: bool = False  # "the same day": the time of the previous sentence


def _month_range(year: int, month: int) -> When:
    start = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return When(start, nxt - dt.timedelta(days=1), "month")


def _week_of(day: dt.date) -> When:
    start = day - dt.timedelta(days=day.weekday())
    return When(start, start + dt.timedelta(days=6), "week")


def _year_range(year: int) -> When:
    return When(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _day(day: dt.date) -> When:
    return When(day, day, "day")


@lru_cache(maxsize=1)
def _absolute_parser():
    import dateparser  # heavy: imported only when a date is parsed

    return dateparser.date.DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(2000, 1, 1),
            "RETURN_TIME_AS_PERIOD": True,
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["year"],
        },
    )


_MONTH_WORD = r"(?P<month>[A-Za-z]+)\.?"
_YEAR_END = r",?\s+(?P<year>\d{4})\s*$"
_DAY_MONTH_YEAR = re.compile(r"^\s*(?P<day>\d{1,2})\s+" + _MONTH_WORD + _YEAR_END)
_MONTH_DAY_YEAR = re.compile(r"^\s*" + _MONTH_WORD + r"\s+(?P<day>\d{1,2})" + _YEAR_END)


@lru_cache(maxsize=4096)
def _parse_absolute(expression: str) -> When | None:
    """A date that carries its year ("3 June 2022", "June 16, 2021").

    The two shapes that the candidate regex produces are read here (a dateparser call costs
    about 400 µs); anything else, and any impossible date, goes to dateparser as before.
    """
    m = _DAY_MONTH_YEAR.match(expression) or _MONTH_DAY_YEAR.match(expression)
    if m:
        month = _MONTH_NAMES.get(m["month"].lower())
        if month is not None:
            try:
                return _day(dt.date(int(m["year"]), month, int(m["day"])))
            except ValueError:
                pass  # "31 June 2022": whatever dateparser makes of it
    return _parse_absolute_dateparser(expression)


def _parse_absolute_dateparser(expression: str) -> When | None:
    """The reference reading of an absolute date, through dateparser."""
    data = _absolute_parser().get_date_data(expression)
    if data is None or data.date_obj is None:
        return None
    period = data.period if data.period in ("day", "month", "year") else "day"
    day = data.date_obj.date()
    if period == "month":
        return _month_range(day.year, day.month)
    if period == "year":
        return _year_range(day.year)
    return _day(day)


def _month_number(word: str) -> int:
    return _MONTH_NAMES[word.lower().rstrip(".")]


def _month_near(month: int, base: dt.date, future: bool, mode: str = "") -> When:
    """A month named without a year, placed by tense around the article's date."""
    year = base.year
    backward = mode == "last" or (mode not in ("next", "this") and not future)
    if backward and (month > base.month or (mode == "last" and month == base.month)):
        year -= 1
    elif not backward and mode != "this" and (
        month < base.month or (mode == "next" and month == base.month)
    ):
        year += 1
    return _month_range(year, month)


def _weekday_near(weekday: int, base: dt.date, future: bool, mode: str) -> When:
    delta = weekday - base.weekday()
    if mode == "this":
        return _day(base + dt.timedelta(days=delta))
    if mode == "next":
        return _day(base + dt.timedelta(days=delta if delta > 0 else delta + 7))
    if mode == "last":
        return _day(base + dt.timedelta(days=delta if delta < 0 else delta - 7))
    if future:
        return _day(base + dt.timedelta(days=delta if delta >= 0 else delta + 7))
    return _day(base + dt.timedelta(days=delta if delta <= 0 else delta - 7))


def _relative(words: list[str], base: dt.date) -> When | None:
    unit = words[-1]
    mode = words[0] if words[0] not in ("the", "earlier", "later", "early", "late") else words[1]
    shift = {"last": -1, "previous": -1, "next": 1, "following": 1, "coming": 1}.get(mode, 0)
    if unit in ("week", "weekend"):
        return _week_of(base + dt.timedelta(days=7 * shift))
    if unit == "month":
        index = base.year * 12 + base.month - 1 + shift
        return _month_range(index // 12, index % 12 + 1)
    return _year_range(base.year + shift)


def _shift_year(when: When, years: int) -> When:
    try:
        return When(
            when.start.replace(year=when.start.year + years),
            when.end.replace(year=when.end.year + years),
            when.precision,
        )
    except ValueError:  # 29 February
        return when


@lru_cache(maxsize=8192)
def resolve_expression(kind: str, text: str, base: dt.date | None, future: bool) -> When | None:
    """Resolve one candidate span; None where it needs a base date that the article lacks."""
    words = [w.lower() for w in _WORD.findall(text)]
    if kind == "iso":
        try:
            return _day(dt.date.fromisoformat(text))
        except ValueError:
            return None
    if kind in ("dmy", "mdy"):
        has_year = re.search(r"\d{4}", text) is not None
        clean = text.replace(".", "")
        if not has_year:
            if base is None:
                return None
            clean = f"{clean} {base.year}"
        when = _parse_absolute(re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", clean))
        if when is not None and not has_year and base is not None:
            # "attacked Israel on Oct. 7", told in January: last year's October; "will meet
            # on Jan. 5", told in December: next year's January.
            shift = (
                -1 if not future and (when.start - base).days > 31
                else 1 if future and (base - when.start).days > 31 else 0
            )
            if shift:
                when = _shift_year(when, shift)
        return when
    if kind == "my":
        year = int(re.search(r"\d{4}", text)[0])
        month = next(_MONTH_NAMES[w] for w in words if w in _MONTH_NAMES)
        return _month_range(year, month)
    if kind == "year":
        return _year_range(int(re.search(r"\d{4}", text)[0]))
    if base is None:
        return None
    if kind == "mrel":
        month = _MONTH_NAMES[words[0]]
        shift = {"last": -1, "next": 1}.get(words[1], 0)
        return _month_range(base.year + shift, month)
    if kind == "mmod":
        month = _MONTH_NAMES[words[-1]]
        mode = words[0] if words[0] in ("last", "next", "this") else ""
        return _month_near(month, base, future, mode)
    if kind == "wd":
        weekday = next(_WEEKDAYS[w] for w in words if w in _WEEKDAYS)
        mode = words[0] if words[0] in ("last", "next", "this") else ""
        return _weekday_near(weekday, base, future, mode)
    if kind == "rel":
        return _relative(words, base)
    if kind == "wkd":
        # "over the weekend": the latest weekend in the past tense, the coming one ahead.
        delta = (5 - base.weekday()) % 7 if future else -((base.weekday() - 5) % 7)
        return _week_of(base + dt.timedelta(days=delta))
    if kind == "day":
        shift = {"yesterday": -1, "tomorrow": 1}.get(words[0], 0)
        return _day(base + dt.timedelta(days=shift))
    return None


# Every candidate holds a digit or one of these words: a sentence without them has no date.
_DATE_WORDS = frozenset(
    [*_MONTH_NAMES, *_WEEKDAYS, "week", "month", "year", "weekend", "yesterday", "today",
     "tomorrow", "tonight", "day", "time"]
)
_DIGIT = re.compile(r"\d")
_CAPITAL_WORD = re.compile(_M + "|" + _WD)  # names that keep their capital
_WORD_PARTS = re.compile(r"[^a-z]+")


def may_hold_date(sentence: str, lows: list[str]) -> bool:
    """A cheap test before the candidate regex: a digit, or a date word among the tokens."""
    if _DIGIT.search(sentence):
        return True
    words = _DATE_WORDS
    for low in lows:
        if low in words:
            return True
        if not low.isalpha() and len(low) > 1 and not words.isdisjoint(_WORD_PARTS.split(low)):
            return True  # "mid-March", "Monday's"
    return False


def find_dates(
    sentence: str,
    base: dt.date | None,
    future_from: int | None = None,
    lows: list[str] | None = None,
) -> list[DateMention]:
    """Temporal expressions in a sentence. ``future_from``: offset of the first future cue
    ("will", "expected", ...); a weekday or month after it is read forward from ``base``.
    ``lows``: the sentence's lower-cased tokens, if known, to skip sentences without a date."""
    if lows is not None and not may_hold_date(sentence, lows):
        return []
    out = []
    scan = sentence
    if scan[:1].isupper() and not _CAPITAL_WORD.match(scan):
        scan = scan[0].lower() + scan[1:]  # "Last week Pyongyang ...": a sentence's first word
    for m in _CANDIDATES.finditer(scan):
        kind = m.lastgroup or ""
        text = m.group()
        if kind == "same":
            out.append(DateMention(m.start(), m.end(), text, None, True, same_as_before=True))
            continue
        if kind == "year" and not re.match(r"[A-Za-z]", text) and _bare_year_is_label(sentence, m):
            anchor = False
        else:
            anchor = not _NON_ANCHOR_PREFIX.match(text)
        future = (
            future_from is not None and m.start() > future_from
            and not _REPORTED.search(sentence, max(0, m.start() - 14), m.start())
        )  # "an official said on Wednesday": the time of the saying, in the past
        when = resolve_expression(kind, text, base, future)
        out.append(DateMention(m.start(), m.end(), text, when, anchor))  # when None: unresolved
    return out


def _bare_year_is_label(sentence: str, m: re.Match) -> bool:
    """A year with no preposition is a label ("the 2015 nuclear agreement"), not a time."""
    return True


def _range(day: dt.date, precision: str) -> When:
    if precision == "week":
        return _week_of(day)
    if precision == "month":
        return _month_range(day.year, day.month)
    if precision == "quarter":
        q = (day.month - 1) // 3
        start = dt.date(day.year, 3 * q + 1, 1)
        nxt = (start + dt.timedelta(days=95)).replace(day=1)
        return When(start, nxt - dt.timedelta(days=1), "quarter")
    if precision == "year":
        return _year_range(day.year)
    return _day(day)


@lru_cache(maxsize=4)
def _parser(base: dt.datetime):
    import dateparser  # heavy: imported only when a date is parsed

    return dateparser.date.DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "RETURN_TIME_AS_PERIOD": True,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


_FUZZY = re.compile(
    r"^\s*(?:(?:early|mid|late|earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the|"
    r"early\s+this|late\s+this)[-\s]+\S+|(?:early|mid|late)[-\s]+\d{4})\s*$",
    re.I,
)


def parse_when(text: str, base: dt.date | None = None) -> When | None:
    """Resolve a date expression against ``base`` (today by default); None if unparseable."""
    text = text.strip()
    if not text:
        return None
    base = base or dt.date.today()
    m = _YEAR.match(text)
    if m:
        return _range(dt.date(int(m[1]), 1, 1), "year")
    if _FUZZY.match(text):
        # "early May", "later this month", "mid-2024": dateparser returns nothing for these.
        found = [d for d in find_dates(_capitalise_months(text), base) if d.when]
        if found:
            return found[0].when
    base_dt = dt.datetime.combine(base, dt.time(12))
    data = _parser(base_dt).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    period = data.period or "day"
    if period == "time":
        period = "day"
    return _range(data.date_obj.date(), period)


def _capitalise_months(text: str) -> str:
    return re.sub(
        r"[A-Za-z]+",
        lambda w: w[0].capitalize() if w[0].lower() in _MONTH_NAMES else w[0],
        text,
    )


# ------------------------------------------------------------------ time ranges typed by people

_RANGE_SPLIT = re.compile(r"\s+(?:to|until|till|through|-|–)\s+|\s*\.\.\s*", re.I)


@dataclass(frozen=True)
class DateRange:
    since: dt.date | None
    until: dt.date | None

    def label(self) -> str:
        if self.since and self.until:
            if self.since == self.until:
                return day_label(self.since)
            return f"{day_label(self.since)} – {day_label(self.until)}"
        if self.since:
            return f"since {day_label(self.since)}"
        if self.until:
            return f"until {day_label(self.until)}"
        return "any time"


def parse_range(text: str, today: dt.date) -> DateRange | None:
    """A time range from plain language; None when it is not understood.

    "March 2025" (that month), "since 2024", "after last week", "until next Friday",
    "before 2020", "Jan 2025 to March 2025", "2024..2025", "between X and Y", "upcoming", "past".
    """
    text = " ".join(text.strip().split())
    if not text:
        return DateRange(None, None)
    lowered = text.casefold()
    if lowered in ("upcoming", "future", "coming"):
        return DateRange(today, None)
    if lowered == "past":
        return DateRange(None, today - dt.timedelta(days=1))
    words = lowered.split(" ", 1)
    first, rest = words[0], (text.split(" ", 1)[1] if len(words) > 1 else "")
    if first == "between" and " and " in rest.casefold():
        cut = rest.casefold().index(" and ")
        return _pair(rest[:cut], rest[cut + 5 :], today)
    if first in ("since", "from", "after") and rest:
        parts = _RANGE_SPLIT.split(rest, maxsplit=1)
        if len(parts) == 2:
            return _pair(parts[0], parts[1], today)
        when = parse_when(rest, today)
        if when is None:
            return None
        start = when.end + dt.timedelta(days=1) if first == "after" else when.start
        return DateRange(start, None)
    if first in ("until", "till", "to", "before", "through") and rest:
        when = parse_when(rest, today)
        if when is None:
            return None
        end = when.start - dt.timedelta(days=1) if first == "before" else when.end
        return DateRange(None, end)
    parts = _RANGE_SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1]:
        return _pair(parts[0], parts[1], today)
    when = parse_when(text, today)
    return DateRange(when.start, when.end) if when else None


def _pair(a: str, b: str, today: dt.date) -> DateRange | None:
    first, last = parse_when(a, today), parse_when(b, today)
    if first is None or last is None or last.end < first.start:
        return None
    return DateRange(first.start, last.end)
