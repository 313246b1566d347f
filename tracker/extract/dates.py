"""Dates: plain-language dates for the CLI, and temporal expressions found in article text.

``parse_when`` resolves one user-typed expression. ``find_dates`` finds candidate spans in a
sentence with one cheap regex (month names, weekdays, "last/next/this ...", years, numeric
dates) and resolves only those. Absolute dates go through one reused dateparser parser with a
cache; the relative and fuzzy expressions that news uses and dateparser does not ("early May",
"later this month", "mid-2024", "last week" as Monday–Sunday, a weekday seen from the article's
date in the past or future tense) are computed here.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import filterfalse

from tracker.domain import DIRECTIONS, When, day_label
from tracker.extract import lexicon
from tracker.extract.tokens import POSSESSIVE_ENDINGS

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
    r"|(?P<nweek>\b(?:first|second|third|fourth|last|final)\s+week\s+of\s+" + _M
    + r"(?![\w-])(?:,?\s+\d{4}\b)?)"
    r"|(?P<span>\b(?:in|within)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|\d{1,2})\s+(?:days?|weeks?|months?)\b(?!\s+(?:ago|earlier|before|after|later)))"
    r"|(?P<dmy>\b\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:[-–]|to\s|through\s)\s*\d{1,2}(?:st|nd|rd|th)?)?"
    r"\s+(?:of\s+)?"
    + _M + r"(?:,?\s+\d{4}\b)?)"
    r"|(?P<mdy>\b" + _M + r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?:\s*(?:[-–]|to\s|through\s)\s*"
    r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b(?![-/\d]|\.\d|\s*(?:%|percent|per\s+cent)))?"
    r"(?!\s*(?:%|percent))(?:,\s*\d{4}\b)?)"
    r"|(?P<my>\b(?:(?:early|mid|late)[-\s]+)?" + _M + r",?\s+\d{4}\b)"
    r"|(?P<mrel>\b" + _M + r"\s+(?:last|next|this)\s+year\b)"
    # "led the August coup": a month that names the act after it
    r"|(?P<mnoun>\bthe\s+" + _M + r"(?=\s+[a-z]{3,}\b))"
    r"|(?P<mmod>\b(?:in\s+early|in\s+late|in\s+mid|early|mid|late|in|last|next|this|since|by"
    r"|until|through|from|during|of|before|after|for)[-\s]+" + _M
    + r"(?![\w-])(?!\.?,?\s+\d{1,4}(?:st|nd|rd|th)?\b)(?!\s+(?:last|next|this)\s+year))"
    r"|(?P<wd>\b(?:(?:last|next|this|on|early|late|late\s+on|early\s+on|by|until|since)\s+)?"
    + _WD + _PART + r"\b)"
    r"|(?P<rel>\b(?:last|next|this\s+past|this|earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the"
    r"|early\s+this|late\s+this|the\s+previous|the\s+following|the\s+coming"
    r"|the\s+end\s+of\s+(?:the|this|next))\s+"
    r"(?:week|month|year|weekend)\b)"
    r"|(?P<wkd>\b(?:over|during|at)\s+the\s+weekend\b)"
    r"|(?P<day>\b(?:(?:later|earlier)\s+in\s+the\s+day|yesterday|today|tomorrow|tonight"
    r"|overnight|last\s+(?:night|evening)|this\s+(?:morning|afternoon|evening))\b)"
    r"|(?P<ago>\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?:days?|weeks?|months?|years?|decades?)\s+ago\b)"
    r"|(?P<past>\b(?:the\s+)?(?:(?:past|last)\s+(?:two|three|four|five|six|seven|eight|nine|ten"
    r"|\d{1,2})\s+(?:days|weeks|months|years|decades)|past\s+(?:week|month|year|decade))\b)"
    # "He is then expected to meet X", "Duda met then with Trump": at the time told before
    r"|(?P<then>\bthen(?=\s+[a-z]))"
    r"|(?P<same>\b(?:the\s+same\s+(?:day|week|month|year)"
    r"|that\s+(?:day|week|month|year|morning|afternoon|evening|night)"
    r"|the\s+same\s+time)\b)"
    r"|(?P<before>\b(?:(?:a|one|two|three|four|five|six|\d)\s+(?:days?|weeks?|months?|years?)\s+"
    r"(?:earlier|before|later)"
    r"(?!\s+(?:the|a|an|his|her|its|their|that|than)\b)|the\s+previous\s+day"
    r"|the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)"
    r"|the\s+(?:day|week|month|year)\s+(?:before|after)(?=\s*[,.;]|\s*$)"
    # "called Putin on Tuesday, a day after he spoke to Biden": the act after it, a day before
    r"|(?:a|one|two|three|four|five|six|\d)\s+days?\s+after(?=\s+\w)))"
    # "next spring", "in the fall of 2021", "winter 2025" (the fall of a city is no season)
    r"|(?P<season>\b(?:(?:this\s+past|this|next|last|coming|past|the\s+coming|the\s+past"
    r"|in\s+the|during\s+the|by\s+the)\s+(?:spring|summer|autumn|winter|fall(?!\s+of\s+[a-z]))\b"
    r"(?:,?\s+(?:of\s+)?(?:19|20)\d\d\b)?"
    r"|(?:spring|summer|autumn|winter)(?:\s+of)?\s+(?:19|20)\d\d\b))"
    r"|(?P<year>(?<![\d$,.])(?:\b(?:in|since|by|until|through|from|of|before|after|end\s+of"
    r"|early|late|mid)[-\s]+)?\b(?:19|20)\d\d\b(?!\s*(?:%|percent|per\s+cent))(?![-.,]?\d)))"
)
# Where a candidate can start: every alternative above opens with a digit, a month or a
# weekday, or one of these words followed by what the alternatives need after it ("the same",
# "in March", "a day", "over the"): a superset, _CANDIDATES decides. The big regex is tried
# only there, not at every word: most of its cost. A new alternative must be covered here
# (tests/extract/test_fast_paths.py checks an example of each against this).
# The alternatives are grouped by their first character (a literal each: the regex engine skips a
# group with one comparison), so at a word start only the group of its letter is tried.
_NUMBER_WORD_UNIT = r"\s+(?:day|week|month|year|decade)"  # "two weeks", "a day"
_CAP_OR_DIGIT_AFTER = r"[-\s]+[\dA-Z]"  # "of March", "by 2030", "until Friday"
_SEASON_AFTER = r"(?:spring|summer|autumn|fall|winter)\b"  # "next spring", "in the fall"
_SEASON_YEAR = r"(?:\s+of)?\s+\d"  # "spring 2025", "winter of 2026"
# The regex reads the character before the start as well (a non-word character; the scan puts a
# space before the sentence): a pattern that opens with a character class lets the regex engine
# skip the characters inside words in C, where a look-behind is tried at every character.
_CANDIDATE_START = re.compile(
    r"\W(?:\d"
    r"|J(?:an|un|ul)|F(?:eb|ri)|M(?:ar|ay|on)|A(?:pr|ug)|S(?:ep|at|un)|O(?:ct)|N(?:ov)|D(?:ec)"
    r"|T(?:ue|hu)|W(?:ed)"
    r"|y(?:esterday\b)"
    r"|t(?:oday\b|omorrow\b|onight\b"
    r"|he\s+(?:same|previous|following|coming|day|past|(?:week|month|year)\s+(?:before|after)"
    r"|next\s+(?:day|morning|afternoon|evening|night))\b"
    r"|he\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"|he\s+end\s+of\s+(?:the|this|next)\s+(?:week|month|year)\b"
    r"|he\s+(?:past|last)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d)"
    r"|wo" + _NUMBER_WORD_UNIT + r"|hree" + _NUMBER_WORD_UNIT + r"|en" + _NUMBER_WORD_UNIT
    + r"|hrough" + _CAP_OR_DIGIT_AFTER
    + r"|hat\s+(?:day|week|month|year|morning|afternoon|evening|night)|hen\s+[a-z]"
    r"|his[-\s]+(?:[A-Z]|week|month|year)|his\s+(?:morning|afternoon|evening|past)|hird\s+week"
    r"|his\s+" + _SEASON_AFTER + r")"
    r"|o(?:vernight\b|ne" + _NUMBER_WORD_UNIT + r"|f" + _CAP_OR_DIGIT_AFTER
    + r"|n\s+[A-Z]|ver\s+the\b)"
    r"|w(?:ithin\b|inter" + _SEASON_YEAR + r")"
    r"|p(?:ast\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d)"
    r"|ast\s+(?:week|month|year|decade)|ast\s+" + _SEASON_AFTER + r")"
    r"|l(?:ast\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d)"
    r"|ate[-\s]+(?:[\dA-Z]|on\b|this\b)|ater\s+(?:this|in)\b"
    r"|ast[-\s]+(?:[A-Z]|week|month|year)|ast\s+(?:night|evening)|ast\s+week"
    r"|ast\s+" + _SEASON_AFTER + r")"
    r"|a(?:" + _NUMBER_WORD_UNIT + r"|n" + _NUMBER_WORD_UNIT + r"|t\s+the\b|fter"
    + _CAP_OR_DIGIT_AFTER + r"|utumn" + _SEASON_YEAR + r")"
    r"|f(?:our" + _NUMBER_WORD_UNIT + r"|ive" + _NUMBER_WORD_UNIT + r"|or" + _CAP_OR_DIGIT_AFTER
    + r"|rom" + _CAP_OR_DIGIT_AFTER + r"|irst\s+week|ourth\s+week|inal\s+week)"
    r"|s(?:ix" + _NUMBER_WORD_UNIT + r"|even" + _NUMBER_WORD_UNIT + r"|ince" + _CAP_OR_DIGIT_AFTER
    + r"|econd\s+week|pring" + _SEASON_YEAR + r"|ummer" + _SEASON_YEAR + r")"
    r"|e(?:ight" + _NUMBER_WORD_UNIT + r"|nd\s+of\b|arly[-\s]+(?:[\dA-Z]|on\b|this\b)"
    r"|arlier\s+(?:this|in)\b)"
    r"|n(?:ine" + _NUMBER_WORD_UNIT + r"|ext[-\s]+(?:[A-Z]|week|month|year)"
    r"|ext\s+" + _SEASON_AFTER + r")"
    r"|i(?:n[-\s]+(?:[\dA-Z]|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|early"
    r"|late|mid)\b)|n\s+the\s+" + _SEASON_AFTER + r")"
    r"|c(?:oming\s+" + _SEASON_AFTER + r")"
    r"|b(?:y" + _CAP_OR_DIGIT_AFTER + r"|efore" + _CAP_OR_DIGIT_AFTER
    + r"|y\s+the\s+" + _SEASON_AFTER + r")"
    r"|u(?:ntil" + _CAP_OR_DIGIT_AFTER + r")"
    r"|d(?:uring[-\s]+(?:[A-Z]|the\b))"
    r"|m(?:id[-\s]+(?:[\dA-Z]|on\b|this\b)))"
)
_REPORTED = re.compile(
    r"\b(?:said|told|announced|added|reported|confirmed|stated|issued|released|published"
    r"|unveiled|threatened|warned)\b"
)  # "threatened on Sunday to cut oil supplies": the day of the threat, not of the act
_PAST_BETWEEN = re.compile(
    r"\b(?:were|was|had|did)\s+(?:\w+\s+)?(?:\w+ed|struck|hit|held|made|taken|given|shot"
    r"|sent|met|seen|told|won|lost|begun|broken|chosen|fought|brought|caught|built|kept|led"
    r"|left|paid|spoken|written|known|shown|thrown|torn|beaten|stolen|sold|bought)\b"
)  # "which was struck by the cyclone on Thursday": told in the past since the cue
_WHEN_AFTER = re.compile(r",?\s+when\b")
# "The next month, Kenya recalled ...", "..., and the next year it ...": "the next" told as a
# time of the story (but "in the next year", "over the next month": a time ahead of now)
_THE_NEXT_TOLD = re.compile(
    r"(?:^|[,;]\s*|\band\s+|\bthen\s+)the\s+$", re.I
)
_THE_NEXT_REACH = 12  # characters read back for it (bounded: linear time)


def next_told_as_story_time(text: str, at: int) -> bool:
    """Is the "next" at ``at`` a time of the story ("The next month, Kenya recalled ...",
    "..., and the next year it ...") rather than a time ahead ("in the next year")? Dates and
    status both read it so."""
    return _THE_NEXT_TOLD.search(text, max(0, at - _THE_NEXT_REACH), at) is not None


_YEAR_RANGE_JOINT = re.compile(r"\s*(?:to|until|till|through|and|–|—|-)\s*", re.I)
_NON_ANCHOR_PREFIX = re.compile(r"^(?:since|by|until|through|from|before|after)\b", re.I)
_WORD = re.compile(r"[A-Za-z]+")
_WORDS_AND_NUMBERS = re.compile(r"[a-z]+|\d+")
_DAY_RANGE = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–]|to\s|through\s)\s*(?:the\s+)?(\d{1,2})\b"
)  # "June 6-10", "June 6th through the 10th"
_ORDINAL_OF = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b|(?<=\s)of\s+")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets in the sentence
    end: int
    text: str
    when: When | None
    anchor: bool  # False for "since 2018", "through 2030": not the time of an act
    same_as_before: bool = False  # "the same day": the time of the previous sentence
    # The word that governs the expression, past "on", "for", "the" ...: "said" in "said on
    # Tuesday", "scheduled" in "scheduled for June 12", "until" in "until next week".
    lead: str = ""
    days_back: int = 0  # "two days earlier": so many days before the time told before
    # "the following year", "six months later": so many months before the time told before
    # (negative: after it); a year's count names the year, a month's the month
    months_back: int = 0
    ahead: bool = False  # read forward, after a future cue: the time of something to come
    scheduled: bool = False  # told as a set time: "due to take effect on Tuesday"
    # "a day after": the time of the act told after it ("a day after he spoke to Biden")
    of_next_act: bool = False
    # "last week's coup", "Sunday's attack": the time of the noun it qualifies, no other act's
    possessive: bool = False
    # "the Act approved Thursday by both houses": the time of a participle that qualifies the
    # noun before it (its agent follows), the time of that noun's act only
    qualifying: bool = False
    kind: str = ""  # the candidate alternative that found it: "wd", "mdy", "rel" ...


# Every function here takes and gives years 1-9999 only: a result outside them is None
# ("no time"), never a ValueError or an OverflowError.
_FIRST_ORDINAL = dt.date.min.toordinal()
_LAST_ORDINAL = dt.date.max.toordinal()


def counted_months(told: When | None, months_back: int) -> When | None:
    """The month or year so many months before (negative: after) the time told before: "the
    following year" after "in 2020" is 2021, "six months later" after "in March 2020" is
    September 2020. A count of whole years names a year; months need a time finer than a year.
    None when nothing was told, or outside years 1-9999."""
    if told is None:
        return None
    if months_back % 12 == 0:
        return _year_range(told.start.year - months_back // 12)
    if told.precision == "year":
        return None
    return _month_at(told.start.year * 12 + told.start.month - 1 - months_back)


def shift_days(day: dt.date, days: int) -> dt.date | None:
    """``day`` moved by ``days``; None outside years 1-9999."""
    ordinal = day.toordinal() + days
    if _FIRST_ORDINAL <= ordinal <= _LAST_ORDINAL:
        return dt.date.fromordinal(ordinal)
    return None


def _valid_year(year: int) -> bool:
    return dt.MINYEAR <= year <= dt.MAXYEAR


def _month_range(year: int, month: int) -> When | None:
    if not _valid_year(year):
        return None
    last = calendar.monthrange(year, month)[1]
    return When(dt.date(year, month, 1), dt.date(year, month, last), "month")


def _month_at(index: int) -> When | None:
    """The month ``index`` months after January of year 0 (year * 12 + month - 1)."""
    return _month_range(index // 12, index % 12 + 1)


def _week_of(day: dt.date | None) -> When | None:
    if day is None:
        return None
    start = shift_days(day, -day.weekday())
    if start is None:
        return None
    return When(start, shift_days(start, 6) or dt.date.max, "week")  # the last week is short


def _weekend_of(day: dt.date | None) -> When | None:
    """The Saturday and Sunday of ``day``'s week, told as days ("at the weekend")."""
    week = _week_of(day)
    if week is None:
        return None
    saturday = shift_days(week.start, 5)
    return When(saturday, week.end, "day") if saturday is not None else None


def _year_range(year: int) -> When | None:
    if not _valid_year(year):
        return None
    return When(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _day(day: dt.date | None) -> When | None:
    return When(day, day, "day") if day is not None else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    """A calendar date, or None when there is no such day (31 June, year 0 or 10000)."""
    if not _valid_year(year) or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


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
    try:
        data = _absolute_parser().get_date_data(expression)
    except (ValueError, OverflowError):  # dateparser's own arithmetic at the edges of time
        return None
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


def _month_near(month: int, base: dt.date, direction: str, mode: str = "") -> When | None:
    """A month named without a year, placed by tense around the article's date."""
    year = base.year
    backward = mode == "last" or (mode not in ("next", "this") and direction == "backward")
    if backward and (month > base.month or (mode == "last" and month == base.month)):
        year -= 1
    elif not backward and mode != "this" and (
        month < base.month or (mode == "next" and month == base.month)
    ):
        year += 1
    return _month_range(year, month)


def _weekday_near(weekday: int, base: dt.date, direction: str, mode: str) -> When | None:
    delta = weekday - base.weekday()
    if mode == "this":
        return _day(shift_days(base, delta))
    if mode == "next":
        return _day(shift_days(base, delta if delta > 0 else delta + 7))
    if mode == "last":
        return _day(shift_days(base, delta if delta < 0 else delta - 7))
    if direction == "forward":
        return _day(shift_days(base, delta if delta >= 0 else delta + 7))
    if direction == "backward":
        return _day(shift_days(base, delta if delta <= 0 else delta - 7))
    return _day(shift_days(base, (delta + 3) % 7 - 3))  # nearest: within three days


def _relative(words: list[str], base: dt.date) -> When | None:
    if words[:3] == ["the", "end", "of"]:
        words = words[3:]  # "by the end of the year": within this year
    unit = words[-1]
    mode = words[0] if words[0] not in ("the", "earlier", "later", "early", "late") else words[1]
    if words[:2] == ["this", "past"] and unit != "year":
        mode = "last"  # "this past weekend": the one just gone ("this past year": this one)
    shift = {"last": -1, "previous": -1, "next": 1, "following": 1, "coming": 1}.get(mode, 0)
    if unit == "week":
        return _week_of(shift_days(base, 7 * shift))
    if unit == "weekend":
        return _weekend_of(shift_days(base, 7 * shift))
    if unit == "month":
        return _month_at(base.year * 12 + base.month - 1 + shift)
    return _year_range(base.year + shift)


def _shift_year(when: When, years: int) -> When | None:
    start, end = when.start.year + years, when.end.year + years
    if not (_valid_year(start) and _valid_year(end)):
        return None
    try:
        return When(when.start.replace(year=start), when.end.replace(year=end), when.precision)
    except ValueError:  # 29 February
        return when


_PLACED_EITHER_WAY = frozenset({"dmy", "mdy", "mmod", "mnoun", "wkd"})
_UNTIL = frozenset({"until", "till"})
# a verb told in the past somewhere in the sentence ("was", "had", "met", "signed")
_PAST_TOLD = re.compile(r"\b(?:was|were|had|did|met|held|said|told|took|made|[a-z]{2,}ed)\b")


@lru_cache(maxsize=8192)
def resolve_expression(
    kind: str, text: str, base: dt.date | None, direction: str = "backward"
) -> When | None:
    """Resolve one candidate span of ``find_dates``. ``direction`` ("forward", "backward" or
    "nearest") places what lacks a year or a week. None where it needs a base date that the
    article lacks, or falls outside years 1-9999."""
    if direction == "nearest" and base is not None and kind in _PLACED_EITHER_WAY:
        ways = [resolve_expression(kind, text, base, way) for way in ("backward", "forward")]
        return min(
            (w for w in ways if w is not None), key=lambda w: _gap(w, base), default=None
        )
    if kind == "season":
        # the reader of typed times knows seasons; it needs a base only for a season without
        # its year ("spring 2025" is the same from any day)
        has_year = _YEAR_IN.search(text) is not None
        if base is None and not has_year:
            return None
        plain = _SEASON_LEAD.sub("the ", " ".join(text.lower().split())).replace(
            "this past ", "past "
        )
        return _read_user(plain, base or _ANY_DAY, direction)[1]
    words = [w.lower() for w in _WORD.findall(text)]
    if kind == "iso":
        try:
            return _day(dt.date.fromisoformat(text))
        except ValueError:
            return None
    if kind in ("dmy", "mdy"):
        plain = _ORDINAL_OF.sub("", text)  # "the 2nd of March": "2 March"
        if plain != text:
            return resolve_expression(kind, plain, base, direction)
        days = _DAY_RANGE.search(text)
        if days is not None:
            # "9-10 January 2022", "Dec. 23-25": the days from the first to the last
            first = resolve_expression(kind, text[: days.start()] + days[1] + text[days.end():],
                                       base, direction)
            last_day = int(days[2])
            if first is None or not first.start.day < last_day <= calendar.monthrange(
                first.start.year, first.start.month
            )[1]:
                return first
            return When(first.start, first.start.replace(day=last_day), "day")
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
            future = direction == "forward"
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
    if kind == "nweek":
        return _week_of_month(_WORDS_AND_NUMBERS.findall(text.lower()), base, direction)
    if base is None:
        return None
    if kind == "mrel":
        month = _MONTH_NAMES[words[0]]
        shift = {"last": -1, "next": 1}.get(words[1], 0)
        return _month_range(base.year + shift, month)
    if kind in ("mmod", "mnoun"):
        month = _MONTH_NAMES[words[-1]]
        mode = words[0] if words[0] in ("last", "next", "this") else ""
        return _month_near(month, base, direction, mode)
    if kind == "wd":
        weekday = next(_WEEKDAYS[w] for w in words if w in _WEEKDAYS)
        mode = words[0] if words[0] in ("last", "next", "this") else ""
        return _weekday_near(weekday, base, direction, mode)
    if kind == "rel":
        return _relative(words, base)
    if kind == "wkd":
        # "over the weekend": the latest weekend in the past tense, the coming one ahead.
        forward = direction == "forward"
        delta = (5 - base.weekday()) % 7 if forward else -((base.weekday() - 5) % 7)
        return _weekend_of(shift_days(base, delta))
    if kind == "ago":
        return _ago(_WORDS_AND_NUMBERS.findall(text.lower()), base)
    if kind == "past":
        # "for the last three weeks", "over the past year": from that far back, where the
        # span starts, at the unit's precision
        counted = [w for w in _WORDS_AND_NUMBERS.findall(text.lower()) if w not in _SPAN_WORDS]
        return _ago(counted if len(counted) == 2 else ["one", *counted], base)
    if kind == "span":
        return _span_ahead(_WORDS_AND_NUMBERS.findall(text.lower()), base)
    if kind == "day":
        # "last night" (and "late last night") is the day before
        shift = -1 if words[0] == "yesterday" or words[0] == "last" else (
            1 if words[0] == "tomorrow" else 0
        )
        return _day(shift_days(base, shift))
    return None


_ORDINAL_WEEK = {"first": 0, "second": 1, "third": 2, "fourth": 3}
_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}


def _week_of_month(words: list[str], base: dt.date | None, direction: str) -> When | None:
    """"the third week of December": the Monday-to-Sunday week holding most of the month's
    third seven days; "the last week of June": the one holding most of its last seven."""
    month_word = next(w for w in words if w in _MONTH_NAMES)
    year_digits = [w for w in words if w.isdigit()]
    if year_digits:
        month = _month_range(int(year_digits[0]), _MONTH_NAMES[month_word])
    elif base is not None:
        month = _month_near(_MONTH_NAMES[month_word], base, direction)
    else:
        return None
    if month is None:
        return None
    if words[0] in ("last", "final"):
        return _week_of(shift_days(month.end, -3))
    return _week_of(shift_days(month.start, 3 + 7 * _ORDINAL_WEEK[words[0]]))


_SPAN_WORDS = frozenset({"the", "past", "last"})


def _ago(words: list[str], base: dt.date) -> When | None:
    """"two days ago": that day; "two weeks ago": that week; "a month ago" that month; "a year
    ago", "a decade ago": that year (the precision of the unit counted back)."""
    count = int(words[0]) if words[0].isdigit() else _COUNTS.get(words[0], 0)
    unit = words[1].rstrip("s")
    if not count:
        return None
    if unit == "day":
        return _day(shift_days(base, -count))
    if unit == "week":
        return _week_of(shift_days(base, -7 * count))
    if unit == "month":
        return _month_at(base.year * 12 + base.month - 1 - count)
    return _year_range(base.year - count * (10 if unit == "decade" else 1))


def _span_ahead(words: list[str], base: dt.date) -> When | None:
    """"in two weeks": the week two weeks on; "within a month": from the next day to a month
    on, with the precision of its unit."""
    count = int(words[1]) if words[1].isdigit() else _COUNTS.get(words[1], 0)
    unit = words[2].rstrip("s")
    if not count:
        return None
    if unit == "month":
        index = base.year * 12 + base.month - 1 + count
        end_month = _month_at(index)
        if end_month is None:
            return None
        end = end_month.start.replace(day=min(base.day, end_month.end.day))
    else:
        end = shift_days(base, count * (7 if unit == "week" else 1))
    if end is None:
        return None
    if words[0] == "within":
        # Not a calendar week or month: a span read at the month's precision ("May 2014"),
        # or the year's past three months.
        start = shift_days(base, 1)
        precision = "month" if (end - base).days <= 92 else "year"
        return When(start, end, precision) if start is not None and start <= end else None
    if unit == "week":
        return _week_of(end)
    if unit == "month":
        return _month_range(end.year, end.month)
    return _day(end)


# Every candidate holds a digit or one of these words: a sentence without them has no date.
_DATE_WORDS = frozenset(
    [*_MONTH_NAMES, *_WEEKDAYS, "week", "month", "year", "weekend", "yesterday", "today",
     "tomorrow", "tonight", "day", "time", "days", "weeks", "months", "overnight", "previous",
     "night", "ago", "years", "decades", "morning", "afternoon", "evening", "then",
     "spring", "summer", "autumn", "fall", "winter"]
)
_DIGIT = re.compile(r"\d")
# the same in a text of ASCII characters only (str.isascii takes constant time): a table
# lookup per character instead of the Unicode database's
_ASCII_DIGIT = re.compile(r"[0-9]")
_CAPITAL_WORD = re.compile(_M + "|" + _WD)  # names that keep their capital
_WORD_PARTS = re.compile(r"[^a-z]+")


def may_hold_date(sentence: str, lows: Collection[str]) -> bool:
    """A cheap test before the candidate regex: a digit, or a date word among the tokens.
    ``lows``: the sentence's lower-cased words (a set serves: ``Tokens.words``)."""
    if (_ASCII_DIGIT if sentence.isascii() else _DIGIT).search(sentence):
        return True
    if not _DATE_WORDS.isdisjoint(lows):
        return True  # a date word as a token: one test in C
    # "mid-March", "Monday's": the words of letters only are passed over in C, the others
    # ("U.S.", "Russia's", "2-1") answered by a memo of words (news repeats them)
    parts = _HAS_DATE_PART
    if len(parts) > _DATE_PART_LIMIT:
        parts.clear()  # bounded: a long run meets ever new words
    return any(map(parts.__getitem__, filterfalse(str.isalpha, lows)))


class _DatePartMemo(dict[str, bool]):
    """low -> does it have a date word among its parts of letters? Filled on first asking
    (``__missing__``), so a word met before is answered by one lookup in C."""

    def __missing__(self, low: str) -> bool:
        found = len(low) > 1 and not _DATE_WORDS.isdisjoint(_WORD_PARTS.split(low))
        self[low] = found
        return found


_HAS_DATE_PART = _DatePartMemo()
_DATE_PART_LIMIT = 20_000


_YEAR_IN = re.compile(r"\d{4}")
_WEEKDAY_THEN_DATE = re.compile(r",?\s*(?:the\s+)?")
_DAY_NAMED_AFTER = re.compile(r"\s+(?:on\s+|into\s+)?" + _WD + r"\b", re.IGNORECASE)


_RUN = re.compile(r"\w+|\s+")
_PAST_RUNS = 5  # a match of _PAST_BETWEEN: a word, space, (a word, space,) a word


class _PastSinceCue:
    """``_PAST_BETWEEN.search(sentence, cue, at)`` for offsets ``at`` asked in increasing
    order, in linear time over the sentence (a search from the cue for each time in a
    sentence is quadratic: a 24,000-word sentence of times took 9 s, 100,000 words minutes).

    ``at`` is where a time starts, after a character that is no word character, so no match
    ends there. A match that ends before one offset ends before every later one; when none
    does, a match before a later offset runs across the earlier one, and a match is made of
    at most _PAST_RUNS runs of word or space characters: the next search starts that many
    runs back."""

    def __init__(self, sentence: str, cue: int) -> None:
        self.sentence, self.cue = sentence, cue
        self.found = False
        self.last = cue  # no match from the cue ends before it
        self.runs: list[tuple[int, int]] | None = None

    def __call__(self, at: int) -> bool:
        if self.found:
            return True
        if at < self.last:  # not in order: the plain search
            return _PAST_BETWEEN.search(self.sentence, self.cue, at) is not None
        start = max(self.cue, self._runs_back(self.last))
        match = _PAST_BETWEEN.search(self.sentence, start, at)
        if match is not None:
            self.found = match.end() < at
            return True
        self.last = at
        return False

    def _runs_back(self, at: int) -> int:
        """Where the _PAST_RUNS runs of word or space characters just before ``at`` begin."""
        if self.runs is None:
            self.runs = [m.span() for m in _RUN.finditer(self.sentence, self.cue)]
        k = bisect.bisect_left(self.runs, (at, at)) - 1  # the run before ``at``
        if k < 0 or self.runs[k][1] != at and not self.runs[k][0] < at < self.runs[k][1]:
            return at
        first = k
        while first > 0 and k - first < _PAST_RUNS and self.runs[first - 1][1] == (
            self.runs[first][0]
        ):
            first -= 1
        return self.runs[first][0]


def find_dates(
    sentence: str,
    base: dt.date | None,
    future_from: int | None = None,
    lows: Collection[str] | None = None,
) -> list[DateMention]:
    """Temporal expressions in a sentence. ``future_from``: offset of the first future cue
    ("will", "expected", ...); a weekday or month after it is read forward from ``base``.
    ``lows``: the sentence's lower-cased words (a list or a set), if known, to skip sentences
    without a date."""
    if lows is not None and not may_hold_date(sentence, lows):
        return []
    out = []
    past_since_cue = _PastSinceCue(sentence, future_from) if future_from is not None else None
    past_told = None  # _PAST_TOLD in the sentence, searched once
    scan = sentence
    if scan[:1].isupper() and not _CAPITAL_WORD.match(scan):
        scan = scan[0].lower() + scan[1:]  # "Last week Pyongyang ...": a sentence's first word
    for m in _candidates(scan):
        kind = m.lastgroup or ""
        text = m.group()
        if kind == "day" and text.lower() == "overnight" and _DAY_NAMED_AFTER.match(scan, m.end()):
            continue  # "airstrikes overnight on Friday": the night the weekday after it names
        if kind == "same":
            out.append(DateMention(m.start(), m.end(), text, None, True, same_as_before=True))
            continue
        if kind == "then":
            before = _LEAD_WORDS.findall(scan, max(0, m.start() - _LEAD_WINDOW), m.start())
            if before and before[-1].lower() not in _NOT_THEN_LEADS:
                out.append(DateMention(
                    m.start(), m.end(), text, None, True, same_as_before=True, kind=kind
                ))
            continue
        if kind == "rel" and (
            text[:4].lower() == "the " and text.split()[1].lower() in ("previous", "following")
            or text[:5].lower() == "next " and next_told_as_story_time(scan, m.start())
        ):
            # "the following year", "the previous month": counted from the time told before,
            # not from publication
            unit = text.lower().split()[-1]
            kind = "before"
            text_words = ["a", unit, "earlier" if "previous" in text.lower() else "later"]
        else:
            text_words = text.lower().split()
        if kind == "before":
            # "a day earlier": a day before the time the story told last; "two days later",
            # "a week later", "the next day": so many days after it (counted back negatively);
            # "a year later", "six months earlier": so many months
            words = text_words
            back = 1 if words[0] in ("the", "a", "one") else (
                int(words[0]) if words[0].isdigit() else _COUNTS.get(words[0], 1)
            )
            if words[1].startswith("week"):
                back *= 7
            elif words[1].startswith("year"):
                back *= 12
            if words[-1] == "later" or words[1] in ("next", "following") or (
                words[-1] == "after" and words[0] == "the"
            ):
                back = -back
            months = words[1].startswith(("month", "year"))
            out.append(DateMention(
                m.start(), m.end(), text, None, True, same_as_before=True,
                days_back=0 if months else back, months_back=back if months else 0,
                of_next_act=text.lower().endswith("after") and not months,
            ))
            continue
        if kind == "year" and not re.match(r"[A-Za-z]", text) and _bare_year_is_label(sentence, m):
            anchor = False
        else:
            anchor = not _NON_ANCHOR_PREFIX.match(text)
        # "stalled since April, when the Taliban refused": the time of the act "when" tells
        of_when = not anchor and bool(_WHEN_AFTER.match(sentence, m.end()))
        anchor = anchor or of_when
        if kind == "day" and text[:4].lower() == "this" and _quoted(sentence, m.start()):
            continue  # '"... this evening, Obama and Castro shook hands," said X': X's day
        # the words of letters before the time, lower-cased (joined and split again in C)
        before = " ".join(_LEAD_WORDS.findall(
            sentence, max(0, m.start() - _LEAD_WINDOW), m.start()
        )).lower().split()[-_SCHEDULE_REACH:]
        lead = _lead_word(before)
        future = (
            future_from is not None and m.start() > future_from
            and not _REPORTED.search(sentence, max(0, m.start() - 14), m.start())
            and lead not in _REPORT_LEADS
            and not past_since_cue(m.start())
            and not _done_by_noun(before, lead)
        )  # "an official said on Wednesday", "it said in a statement on Tuesday": the time of
        # the saying, in the past; "Planned talks ... were called off Tuesday": told in the
        # past since the cue; "would uphold sanctions imposed in January": the noun's act, done
        if kind == "wd" and not future and text[:3].lower() == "by ":
            anchor = True  # "was quick to reject the order by Friday evening": done by then
        if kind == "span" and not future and not text.startswith("within"):
            continue  # "the third launch in a week": a length of time, not a time ahead

        if before and before[-1] in _ORDINAL_TIME_WORDS and kind in ("rel", "year"):
            anchor = False  # "for the second time this year": how often, not when
        scheduled = None if _SCHEDULE_WORDS.isdisjoint(before) else next(
            k for k in range(len(before) - 1, -1, -1) if before[k] in _SCHEDULE_WORDS
        )
        direction = "forward" if future else "backward"
        month_either_way = not future and kind in _PLACED_EITHER_WAY and kind.startswith("m")
        if month_either_way and past_told is None:
            past_told = _PAST_TOLD.search(sentence) is not None
        if month_either_way and not past_told:
            # "the most important event is President Trump's China visit in November": a month
            # named in a sentence that tells nothing past is the nearest one, either side
            direction = "nearest"
        if not future and kind in _PLACED_EITHER_WAY and before and before[-1] in _UNTIL:
            direction = "forward"  # "postponed its tariffs until mid-July": the time ahead
        if not future and kind == "wd" and _told_as_arranged(sentence, m.start()):
            direction = "forward"  # "Biden is hosting Kishida on Friday": the coming Friday
        if future and scheduled and before[scheduled - 1] in _PAST_AUXILIARIES:
            direction = "nearest"  # "was due to travel on Tuesday": this week's, either side
        when = resolve_expression(kind, text, base, direction)
        if (
            kind == "wd" and not future and when is not None and base is not None
            and when.start > base and text[:5].lower() == "this " and scheduled is None
            and _told_in_past(before)
        ):
            # "The call took place this Friday", told on a Monday: the Friday just past
            when = resolve_expression(kind, text[5:], base, "backward")
        if (
            kind in ("dmy", "mdy") and not future and when is not None and base is not None
            and when.start > base and not _YEAR_IN.search(text) and scheduled is None
            and _told_in_past(before)
        ):
            # "Macron visited China on April 5", told on March 13: last year's April 5
            when = _shift_year(when, -1)
        if (
            kind == "day" and not future and when is not None and text.lower() == "overnight"
            and before and before[-1] not in _NOUN_DETERMINERS
        ):
            # "Fiji made a formal request for assistance overnight", told in the morning: in
            # the night before, which began the day before (but "Overnight strikes killed
            # four" names the strikes of the night into the report's day)
            when = _day(shift_days(when.start, -1))
        mention = DateMention(  # when None: unresolved
            m.start(), m.end(), text, when, anchor, lead=lead, ahead=future,
            scheduled=scheduled is not None, of_next_act=of_when,
            possessive=kind == "mnoun" or sentence[m.end() : m.end() + 2] in POSSESSIVE_ENDINGS
            or _names_noun_after(kind, before, sentence, m.end()),
            qualifying=_AGENT_AFTER.match(sentence, m.end()) is not None
            and _participle_of_noun(before, lead),
            kind=kind,
        )
        if (
            kind in ("dmy", "mdy") and out and out[-1].kind == "wd"
            and _WEEKDAY_THEN_DATE.fullmatch(sentence, out[-1].end, m.start())
        ):
            # "on Wednesday, June 26": one day, the date's; the weekday's words lead it
            weekday = out.pop()
            mention = replace(
                mention, start=weekday.start, text=sentence[weekday.start : m.end()],
                lead=weekday.lead,
            )
        elif (
            kind == "rel" and out and out[-1].kind in ("dmy", "mdy") and when is not None
            and when.precision == "year" and out[-1].when is not None
            and not _YEAR_IN.search(out[-1].text) and not sentence[out[-1].end : m.start()].strip()
        ):
            # "on September 18 last year": that day of that year
            day = out.pop()
            moved = _shift_year(day.when, when.start.year - day.when.start.year)
            mention = replace(day, end=m.end(), text=sentence[day.start : m.end()], when=moved)
        elif (
            kind == "year" and out and out[-1].kind == "year" and when is not None
            and out[-1].when is not None and out[-1].when.start < when.start
            and (out[-1].text[:5].lower() == "from " or out[-1].lead == "between")
            and _YEAR_RANGE_JOINT.fullmatch(sentence, out[-1].end, m.start())
        ):
            # "From 1998 – 2000, the two countries fought a war", "between 2011 and 2013":
            # the years from the first to the last (not "since": the act began then)
            first = out.pop()
            mention = replace(
                first, end=m.end(), text=sentence[first.start : m.end()], anchor=True,
                when=When(first.when.start, when.end, "year"),
            )
        elif (
            kind == "rel" and out and out[-1].kind == "wd" and when is not None
            and when.precision == "week" and not sentence[out[-1].end : m.start()].strip()
        ):
            # "by Thursday next week": that week's Thursday, told as the weekday was
            weekday = out.pop()
            day = next(_WEEKDAYS[w] for w in _WORD.findall(weekday.text.lower()) if w in _WEEKDAYS)
            mention = replace(
                weekday, end=m.end(), text=sentence[weekday.start : m.end()],
                when=_day(shift_days(when.start, day)),
            )
        out.append(mention)
    if len(out) > 1 and any(d.kind == "then" for d in out):
        # "met on Monday and then signed": "then" refers to a time told before only when the
        # sentence tells none of its own
        out = [d for d in out if d.kind != "then"]
    return out


def _quoted(sentence: str, at: int) -> bool:
    """Whether offset ``at`` lies inside a quotation of the sentence."""
    before = sentence[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _candidates(scan: str) -> Iterator[re.Match[str]]:
    """What ``_CANDIDATES.finditer(scan)`` finds, trying the regex only where a candidate can
    start (a match never starts elsewhere, and the next search starts where one ended)."""
    # _CANDIDATE_START in the scan behind a space: its match starts at the character before
    # the candidate's, so its offset there is the candidate's in the scan
    padded = " " + scan
    pos = 0
    next_start, match = _CANDIDATE_START.search, _CANDIDATES.match
    while (start := next_start(padded, pos)) is not None:
        at = start.start()
        m = match(scan, at)
        if m is None:
            pos = at + 1
        else:
            yield m
            pos = m.end()


# Words before "then" that make it no time told before: "since then", "and then", "until then"
_NOT_THEN_LEADS = frozenset({
    "since", "until", "till", "by", "from", "back", "just", "even", "only", "and", "but", "or",
    "before", "after", "there", "now", "what", "if",
})
_LEAD_WINDOW = 40  # characters looked back for the governing word (bounded: linear time)
_PASSED_OVER = frozenset({"on", "for", "in", "at", "the", "of", "as", "early", "late", "this"})
_LEAD_WORDS = re.compile(r"[A-Za-z]+")


# "the second time this year", "the first time in 2019": a count of acts over the time
_ORDINAL_TIME_WORDS = frozenset({"time", "times"})
_SCHEDULE_REACH = 7  # words: "was due to travel to Niamey on Tuesday"
_SCHEDULE_WORDS = frozenset(lexicon.time_cues()["schedule_leads"])
_REPORT_LEADS = frozenset(lexicon.time_cues()["report_leads"])
_PAST_AUXILIARIES = frozenset({"was", "were", "been"})


_PAST_VERB_FORMS = lexicon.words("verb_forms") | _PAST_AUXILIARIES
_NOUN_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "this", "that"})
# "agreed to meet on Friday", "postponed until April 5": a time of what is to come
_NOT_PAST_TIME = frozenset({"to", "until", "till", "by", "before", "from", "between", "through"})
_PRESENT_PASSIVE = frozenset({"be", "is", "are", "am"})  # "is to be held", "are scheduled"


def _told_in_past(before: list[str]) -> bool:
    """Whether the words before a time tell it in the past ("took place this Friday"), not
    as the time of an infinitive after a past verb ("agreed to meet this Friday"), a bound
    ("postponed until April 5", "a truce from May 8"), a passive still to come ("is to be held
    on September 10") or a noun's ("expressed doubt over the June 12 date")."""
    if before and before[-1] in _NOUN_DETERMINERS:
        return False
    for k in range(len(before) - 1, -1, -1):
        low = before[k]
        if low in _NOT_PAST_TIME:
            return False
        if low in _PAST_VERB_FORMS or (len(low) > 4 and low.endswith("ed")):
            return not (k and before[k - 1] in _PRESENT_PASSIVE)
    return False


_PRESENT_ARRANGEMENTS = frozenset(lexicon.time_cues()["present_arrangements"])
_PRESENT_AUXILIARIES = frozenset({"is", "are", "am"})
_PAST_OR_PERFECT = frozenset({"did", "had", "has", "have", "was", "were", "been"})
_CLAUSE_REACH = 60  # characters before a time looked at for the verb of its clause
_CLAUSE_MARKS = (",", ";", ":", "(", "\u2014", '"', "\u201c", "\u201d")


def _told_as_arranged(sentence: str, at: int) -> bool:
    """Whether the clause before offset ``at`` tells an arrangement in the present ("is
    hosting Kishida at the White House", "travels to Beijing", "hold talks"), with no past
    form: a weekday it is told with lies ahead. Not a noun ("at a meeting on Monday")."""
    clause = sentence[max(0, at - _CLAUSE_REACH) : at]
    clause = clause[max(clause.rfind(mark) for mark in _CLAUSE_MARKS) + 1 :]
    words = clause.lower().split()
    if not words or any(
        w in _PAST_VERB_FORMS or w in _PAST_OR_PERFECT or (len(w) > 4 and w.endswith("ed"))
        for w in words
    ):
        return False
    for k, low in enumerate(words):
        if low not in _PRESENT_ARRANGEMENTS or (k and words[k - 1] in _NOUN_DETERMINERS):
            continue
        if not low.endswith("ing") or _present_auxiliary_before(words, k):
            return True
    return False


_ADVERBS_IN_VERB_GROUP = frozenset({"no", "longer", "not", "also", "still", "now"})


def _present_auxiliary_before(words: list[str], k: int) -> bool:
    """A present auxiliary before the -ing form at k, past a few adverbs ("is hosting", "is
    no longer meeting", "are also holding")."""
    j = k - 1
    while j >= 0 and k - j <= 3 and words[j] in _ADVERBS_IN_VERB_GROUP:
        j -= 1
    return j >= 0 and words[j] in _PRESENT_AUXILIARIES


# "by both houses", "by the Senate": a passive's agent (not "by phone", "by video link")
_AGENT_AFTER = re.compile(
    r"\s+by\s+(?!(?:tele)?phone\b|video|letter\b|e-?mail\b|satellite\b|radio\b|land\b|sea\b"
    r"|air\b|road\b|rail\b|far\b|then\b|now\b|\d)"
)
# Words before a past form that make it a verb of its clause, not a participle after a noun
_NOT_QUALIFIED = frozenset({
    "be", "been", "being", "is", "are", "am", "was", "were", "get", "gets", "got", "have", "has",
    "had", "will", "would", "to", "who", "which", "that", "and", "or", "he", "she", "it", "they",
    "we", "i", "you",
})


# "the May 9 shooting", "the September 13-14 hostilities": a day told between a determiner and
# the noun after it dates that noun only, like "last week's coup"
_NOUN_AFTER_DAY = re.compile(r"\s+([a-z]{3,})\b")
_NOT_NOUNS_AFTER_DAY = frozenset(lexicon.time_cues()["not_nouns_after_day"])


# "At a December 20 press conference, Fico warned ...": the occasion the act was told at
_OCCASION_PREPOSITIONS = frozenset({"at", "during", "in"})


def _names_noun_after(kind: str, before: list[str], sentence: str, end: int) -> bool:
    if kind not in ("dmy", "mdy") or not before or before[-1] not in _NOUN_DETERMINERS:
        return False
    if len(before) > 1 and before[-2] in _OCCASION_PREPOSITIONS:
        return False
    noun = _NOUN_AFTER_DAY.match(sentence, end)
    return noun is not None and noun[1] not in _NOT_NOUNS_AFTER_DAY


def _participle_of_noun(before: list[str], lead: str) -> bool:
    """Whether the lead word before a time is a past participle right after a noun ("the Act
    approved Thursday by both houses"), not a verb of the clause ("was approved", "who met")."""
    if not lead or len(before) < 2 or before[-1] != lead or not (
        lead in _PAST_VERB_FORMS or (len(lead) > 4 and lead.endswith("ed"))
    ):
        return False
    return _noun_word(before[-2])


def _noun_word(low: str) -> bool:
    """Whether the word before a participle can end the noun it qualifies: no auxiliary,
    relative, pronoun or adverb ("was approved", "who met", "quickly signed")."""
    return low not in _NOT_QUALIFIED and not low.endswith("ly")


def _done_by_noun(before: list[str], lead: str) -> bool:
    """Whether the lead word before a time is a participle of a completed act right after its
    noun ("sanctions imposed in January", "the deal signed in May"), not a verb group ("will
    be signed in May")."""
    if lead not in _DONE_PARTICIPLES:
        return False
    k = len(before) - 1
    while before[k] != lead:  # (the lead is one of the last four words)
        k -= 1
    return k >= 1 and _noun_word(before[k - 1])


_DONE_PARTICIPLES = lexicon.words("done_participles")


def _lead_word(before: list[str]) -> str:
    """The last of the lower-cased words before a time, past prepositions and articles."""
    for low in reversed(before[-4:]):
        if low not in _PASSED_OVER:
            return low
    return ""


def _bare_year_is_label(sentence: str, m: re.Match) -> bool:
    """A year with no preposition is a label ("the 2015 nuclear agreement"), not a time."""
    return True


# ------------------------------------------------------------------ times typed by people
#
# One expression typed in the CLI or a form, read against today. A time without its year or
# week ("March", "Friday", "4 Dec", "Q1", "next spring") is placed by ``direction``: "forward"
# (the next one that has not ended: planned events), "backward" (the last one that has begun:
# what happened) or "nearest" (the closest to today). Every label of When.label() reads back.

_MONTH_RE = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY_RE = (
    r"(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?"
)
_YEAR_RE = r"(?P<year>\d{4})"
_PART_RE = r"(?P<part>early|mid|late|(?:at )?(?:the )?(?:beginning|start|middle|end) of) "
_DAY_RE = r"(?:the )?(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_ON_WEEKDAY = r"(?:" + _WEEKDAY_RE + r",? )?"
_OPTIONAL_YEAR = r"(?:,? (?:of )?" + _YEAR_RE + ")?"


_USER_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("word", re.compile(r"(?P<word>today|now|tonight|yesterday|tomorrow)")),
    ("iso", re.compile(_ON_WEEKDAY + r"(?P<iso>\d{4}-\d{2}-\d{2})")),
    ("week_of", re.compile(r"(?:the )?week (?:of|beginning|starting|commencing) (?P<rest>.+)")),
    ("dmy", re.compile(_ON_WEEKDAY + _DAY_RE + r"(?: of)? " + _MONTH_RE + _OPTIONAL_YEAR)),
    ("mdy", re.compile(_ON_WEEKDAY + _MONTH_RE + " " + _DAY_RE + _OPTIONAL_YEAR)),
    ("weekday", re.compile(r"(?:(?P<mode>last|next|this|coming|past|on) )?" + _WEEKDAY_RE)),
    (
        "quarter",
        re.compile(
            r"q(?P<q>[1-4])(?:[ -]?" + _YEAR_RE + r")?"
            r"|(?P<year2>\d{4})[ -]?q(?P<q2>[1-4])"
            r"|(?:the )?(?P<ordinal>first|second|third|fourth|final|1st|2nd|3rd|4th) quarter"
            r"(?:,? (?:of )?(?P<year3>\d{4}))?"
        ),
    ),
    (
        "unit",
        re.compile(
            r"(?:" + _PART_RE + r")?(?P<mode>this|next|last|the|coming|previous|following"
            r"|the coming|the previous|the following) (?P<unit>week|month|quarter|year)"
        ),
    ),
    (
        "season",
        re.compile(
            r"(?:(?P<mode>this|next|last|coming|past|the coming|the past|the) )?"
            r"(?P<season>spring|summer|autumn|fall|winter)"
            r"(?:,? (?:of )?" + _YEAR_RE + r"(?:/(?P<next_year>\d{2}))?)?"
        ),
    ),
    ("month", re.compile(r"(?:" + _PART_RE + r")?" + _MONTH_RE + _OPTIONAL_YEAR)),
    ("year", re.compile(r"(?:" + _PART_RE + r"|~)?" + _YEAR_RE)),
)
_LEADING_PREPOSITION = re.compile(r"^(?:on|in|by|around|during|from|until|for) ")
_SEASON_LEAD = re.compile(r"^(?:in|during|by) the ")
_ANY_DAY = dt.date(2000, 1, 1)  # a base for a time whose year is told: unused by the reader
_WORD_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z0-9])")  # "mid-March", "mid-2027"
_WEEKDAY_NUMBER = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_SHIFT = {
    "this": 0, "the": 0, "next": 1, "coming": 1, "the coming": 1, "following": 1,
    "the following": 1, "last": -1, "previous": -1, "the previous": -1, "past": -1,
    "the past": -1,
}
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "final": 4}


def _gap(when: When, base: dt.date) -> int:
    if when.start > base:
        return (when.start - base).days
    if when.end < base:
        return (base - when.end).days
    return 0


def _pick(candidates: list[When | None], base: dt.date, direction: str) -> When | None:
    """Of a time's occurrences in time order, the one ``direction`` reads."""
    found = [c for c in candidates if c is not None]
    if direction == "forward":
        return next((c for c in found if c.end >= base), None)
    if direction == "backward":
        return next((c for c in reversed(found) if c.start <= base), None)
    return min(found, key=lambda c: _gap(c, base), default=None)


def _years_around(base: dt.date, spread: int) -> range:
    return range(base.year - spread, base.year + spread + 1)


def _part_word(part: str | None) -> str | None:
    if not part:
        return None
    word = part.removeprefix("at ").removeprefix("the ").removesuffix(" of")
    return {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}.get(word, word)


def _part_of_month(month: When | None, part: str | None) -> When | None:
    """Early (1st-10th), mid (11th-20th) or late (21st-end) of a month; its precision stays."""
    word = _part_word(part)
    if month is None or word is None:
        return month
    first, last = {"early": (1, 10), "mid": (11, 20)}.get(word, (21, month.end.day))
    return When(month.start.replace(day=first), month.start.replace(day=last), "month")


def _part_of_year(year: When | None, part: str | None) -> When | None:
    """Early (January-April), mid (May-August) or late (September-December) of a year; "the
    beginning of" and "the end of" a year are its first and last month."""
    if year is None or not part:
        return year
    if part.endswith(" of") and ("end" in part or "beginning" in part or "start" in part):
        return _month_range(year.start.year, 12 if "end" in part else 1)
    first, last = {"early": (1, 4), "mid": (5, 8)}.get(_part_word(part) or "", (9, 12))
    start = year.start.replace(month=first)
    return When(start, _month_range(start.year, last).end, "year")  # type: ignore[union-attr]


def _quarter(year: int, quarter: int) -> When | None:
    first, last = _month_range(year, 3 * quarter - 2), _month_range(year, 3 * quarter)
    if first is None or last is None:
        return None
    return When(first.start, last.end, "quarter")


def _season(start_year: int, name: str) -> When | None:
    """Northern-hemisphere seasons by whole months; winter runs from December to February."""
    first_month = _SEASON_START[name]
    first = _month_range(start_year, first_month)
    last = _month_at(start_year * 12 + first_month - 1 + 2)
    if first is None or last is None:
        return None
    return When(first.start, last.end, "quarter")


def _read_user(text: str, base: dt.date, direction: str) -> tuple[bool, When | None]:
    """(understood, when): when is None for an understood time that does not exist."""
    for form, pattern in _USER_FORMS:
        m = pattern.fullmatch(text)
        if m is not None:
            return True, _resolve_user(form, m, base, direction)
    return False, None


def _resolve_user(form: str, m: re.Match[str], base: dt.date, direction: str) -> When | None:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if form == "word":
        shift = {"yesterday": -1, "tomorrow": 1}.get(m["word"], 0)
        return _day(shift_days(base, shift))
    if form == "iso":
        y, mo, d = (int(x) for x in m["iso"].split("-"))
        return _with_weekday(_day(_date(y, mo, d)), groups.get("wd"))
    if form == "week_of":
        understood, day = _read_user(m["rest"], base, direction)
        if not understood or day is None or day.precision != "day":
            return None
        return _week_of(day.start)
    if form in ("dmy", "mdy"):
        month, day = _MONTH_NAMES[m["month"]], int(m["day"])
        years = [year] if year is not None else _years_around(base, 4)  # 29 February
        found = [_with_weekday(_day(_date(y, month, day)), groups.get("wd")) for y in years]
        return found[0] if year is not None else _pick(found, base, direction)
    if form == "weekday":
        mode = {"coming": "next", "past": "last", "on": ""}.get(m["mode"] or "", m["mode"] or "")
        return _weekday_near(_WEEKDAY_NUMBER[m["wd"][:3]], base, direction, mode)
    if form == "quarter":
        quarter = int(m["q"] or m["q2"] or 0) or _ORDINAL[m["ordinal"]]
        year = year or (int(m["year2"]) if m["year2"] else None)
        year = year or (int(m["year3"]) if m["year3"] else None)
        if year is not None:
            return _quarter(year, quarter)
        return _pick([_quarter(y, quarter) for y in _years_around(base, 1)], base, direction)
    if form == "unit":
        shift = _SHIFT[m["mode"]]
        unit = m["unit"]
        if unit == "week":
            return _week_of(shift_days(base, 7 * shift))
        if unit == "month":
            month_when = _month_at(base.year * 12 + base.month - 1 + shift)
            return _part_of_month(month_when, m["part"])
        if unit == "quarter":
            index = base.year * 4 + (base.month - 1) // 3 + shift
            return _quarter(index // 4, index % 4 + 1)
        return _part_of_year(_year_range(base.year + shift), m["part"])
    if form == "season":
        name = m["season"]
        if year is not None:
            if m["next_year"] is not None:  # "winter 2026/27", as labels show it
                if name != "winter" or int(m["next_year"]) != (year + 1) % 100:
                    return None
                return _season(year, name)
            return _season(year - (name == "winter"), name)  # winter 2027: Dec 2026-Feb 2027
        seasons = [_season(y, name) for y in _years_around(base, 1)]
        mode = m["mode"] or ""
        if mode in ("next", "coming", "the coming"):
            return next((s for s in seasons if s is not None and s.start > base), None)
        if mode in ("last", "past", "the past"):
            return next((s for s in reversed(seasons) if s is not None and s.end < base), None)
        if mode == "this":
            current = [s for s in seasons if s is not None and _gap(s, base) == 0]
            this_year = [s for s in seasons if s is not None and s.start.year == base.year]
            return (current or this_year or [None])[0]
        return _pick(seasons, base, direction)
    if form == "month":
        month = _MONTH_NAMES[m["month"]]
        if year is not None:
            return _part_of_month(_month_range(year, month), m["part"])
        candidates = [_part_of_month(_month_range(y, month), m["part"]) for y in
                      _years_around(base, 1)]
        return _pick(candidates, base, direction)
    # form == "year"
    return _part_of_year(_year_range(year or 0), m["part"])


def _with_weekday(when: When | None, weekday: str | None) -> When | None:
    """A day given with its weekday ("Fri 4 Dec 2026") must fall on it."""
    if when is None or not weekday:
        return when
    return when if when.start.weekday() == _WEEKDAY_NUMBER[weekday[:3]] else None


def _range(day: dt.date, precision: str) -> When | None:
    if precision == "week":
        return _week_of(day)
    if precision == "month":
        return _month_range(day.year, day.month)
    if precision == "quarter":
        return _quarter(day.year, (day.month - 1) // 3 + 1)
    if precision == "year":
        return _year_range(day.year)
    return _day(day)


_PREFER_DATES_FROM = {"forward": "future", "backward": "past", "nearest": "current_period"}


@lru_cache(maxsize=8)
def _parser(base: dt.datetime, direction: str):
    import dateparser  # heavy: imported only when a date is parsed

    return dateparser.date.DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "RETURN_TIME_AS_PERIOD": True,
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": _PREFER_DATES_FROM[direction],
        },
    )


_FUZZY = re.compile(
    r"^\s*(?:(?:early|mid|late|earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the|"
    r"early\s+this|late\s+this)[-\s]+\S+|(?:early|mid|late)[-\s]+\d{4})\s*$",
    re.I,
)


def parse_when(
    text: str, base: dt.date | None = None, direction: str = "nearest"
) -> When | None:
    """Resolve a time typed by a person against ``base`` (today by default).

    ``direction`` places a time given without its year or week: "forward" for what is planned,
    proposed or threatened, "backward" for what happened, "nearest" otherwise. None when the
    text is not understood or names no day of years 1-9999.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}, not {direction!r}")
    text = " ".join(text.split())
    if not text:
        return None
    base = base or dt.date.today()
    plain = _WORD_HYPHEN.sub(" ", text.casefold())
    understood, when = _read_user(plain, base, direction)
    if not understood:
        understood, when = _read_user(_LEADING_PREPOSITION.sub("", plain), base, direction)
    if understood:
        return when
    if _FUZZY.match(text):
        # "later this month", "earlier this year": the article reader knows these.
        forward = -1 if direction == "forward" else None
        found = [d for d in find_dates(_capitalise_months(text), base, forward) if d.when]
        if found:
            return found[0].when
    return _parse_with_dateparser(text, base, direction)


def _parse_with_dateparser(text: str, base: dt.date, direction: str) -> When | None:
    """"in 3 weeks", "two days ago", "the day after tomorrow": what dateparser reads."""
    base_dt = dt.datetime.combine(base, dt.time(12))
    try:
        data = _parser(base_dt, direction).get_date_data(text)
    except (ValueError, OverflowError):  # its arithmetic past year 9999 or before year 1
        return None
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
        return DateRange(None, shift_days(today, -1))
    words = lowered.split(" ", 1)
    first, rest = words[0], (text.split(" ", 1)[1] if len(words) > 1 else "")
    if first == "between" and " and " in rest.casefold():
        cut = rest.casefold().index(" and ")
        return _pair(rest[:cut], rest[cut + 5 :], today)
    if first in ("since", "from", "after") and rest:
        parts = _RANGE_SPLIT.split(rest, maxsplit=1)
        if len(parts) == 2:
            return _pair(parts[0], parts[1], today)
        when = parse_when(rest, today, "backward")
        if when is None:
            return None
        start = shift_days(when.end, 1) if first == "after" else when.start
        return DateRange(start, None) if start else None
    if first in ("until", "till", "to", "before", "through") and rest:
        when = parse_when(rest, today, "forward")
        if when is None:
            return None
        end = shift_days(when.start, -1) if first == "before" else when.end
        return DateRange(None, end) if end else None
    parts = _RANGE_SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1]:
        return _pair(parts[0], parts[1], today)
    when = parse_when(text, today)
    return DateRange(when.start, when.end) if when else None


def _pair(a: str, b: str, today: dt.date) -> DateRange | None:
    first, last = parse_when(a, today), parse_when(b, today)
    if first is not None and last is not None and last.end < first.start:
        last = parse_when(b, first.start, "forward")  # "November to February": the next one
    if first is None or last is None or last.end < first.start:
        return None
    return DateRange(first.start, last.end)
