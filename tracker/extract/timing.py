"""Layer 6: time attachment. Which of a sentence's time expressions an event takes.

The expressions are found and resolved by ``dates`` (``find_dates``); here they are attached,
following the corpus guide (shared/corpus/README.md, "when"):

- a plan takes the first time told after its trigger when it is close ("will meet on Friday")
  unless that time is already past, anything else the nearest anchored time on either side,
  but not one that a connective gives to another act ("days after Trump berated Zelenskyy on
  Feb. 28"; "since he took over two weeks ago"); "on the same day" takes the time told before
  ("the same week" its week), "a day earlier" / "a day after he spoke" a day before it; a year
  that names the act ("the 2017 Riyadh Summit") yields to a day of it told close by;
- what happened takes no time after publication, no time told as scheduled and no time told
  after a "will" that follows it ("after a meeting, NATO will continue aid in 2024");
- a meeting, call or talks that is planned, called off or put off keeps the time it was set
  for: not the time it was announced ("officials said Tuesday", "This afternoon ... Trump
  said he intends to"), a bound ("until next week") or, for a plan, a time already past (a
  bare weekday or a yearless date read back is read ahead for a plan); when its sentence
  tells none, the plan in the sentence just before may set it, or a later sentence that
  schedules it or tells the plan again ("The talks were due to be held on August 25", see
  ``SetTimes``); anything else called off or put off keeps a set time its sentence tells;
- a plural act split by party ("calls to A on Saturday and to B on Sunday") gives each party
  the time told after its name;
- an act told without a time takes the story's latest day something happened (talks "after
  three days of" them end on it), and a threat, offer or pledge the day it was made, or a
  threat the time ahead the next sentence sets for it (see ``StoryClock``); a lead act's day
  taken so yields to its own day told in a retelling nearby (``retold_nearby``).

Lookups are by bisection or within a bounded reach, so many times and triggers in one sentence
stay linear. Word lists are in data/times.json.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from tracker.domain import When
from tracker.extract import lexicon
from tracker.extract.dates import DateMention, counted_months, shift_days
from tracker.extract.dates import _range as _range_of
from tracker.extract.events import Trigger
from tracker.extract.tokens import Tokens
from tracker.extract.types import ExtractedEvent

# A plan's time follows its trigger closely: "will meet in Geneva on June 16".
_PLAN_REACH = 80  # characters

_CUES = lexicon.time_cues()
_REPORT_LEADS = frozenset(_CUES["report_leads"])
_BOUND_LEADS = frozenset(_CUES["bound_leads"])
_SCHEDULE_LEADS = frozenset(_CUES["schedule_leads"])
_PLAN_CUES = frozenset(_CUES["plan_cues"])
_PLAN_WORDS: dict[str, frozenset[str]] = {
    word: frozenset(t for t, words in _CUES["plan_words"].items() if word in words)
    for words in _CUES["plan_words"].values()
    for word in words
}
_WILL = frozenset(_CUES["will_words"])
_CLAUSE_PUNCTUATION = frozenset({",", ";", ":", "(", ")", '"', "“", "”", "—"})
# Acts whose time is the time they were set for, and the statuses in which they wait for it.
SET_TIME_TYPES = frozenset({"call", "meeting", "talks"})
SET_TIME_STATUSES = frozenset({"planned", "cancelled", "postponed"})
# Statuses of an act that was itself made on a day: a threat, an offer, a pledge.
_MADE_STATUSES = frozenset({"threatened", "proposed", "planned"})


def _lifted(event: ExtractedEvent) -> bool:
    """A measure lifted ("removed Sudan from the list", "lifted the sanctions"): the lifting
    happened, on the story's day when told without one (a gathering called off keeps the time
    it was set for)."""
    return event.type == "sanctions" and event.status == "cancelled"


_YEARLESS_KINDS = frozenset({"dmy", "mdy", "mmod", "mnoun", "nweek"})
_YEAR_DIGITS = re.compile(r"\d{4}")
_LONG_PAST = 92  # days: a yearless time read back further than this is, for a plan, ahead

_PAST_WORDS = re.compile(r"\b(?:last|ago|previous|earlier|yesterday|past)\b", re.IGNORECASE)


def _next_year(day: dt.date) -> dt.date | None:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # February 29
        return day.replace(year=day.year + 1, day=28) if day.year < 9999 else None


# Characters from an act's noun to a time its participle tells: "the law approved on Thursday".
_QUALIFIED_REACH = 24
# Characters from a possessive time to the noun it qualifies: "last week's military coup".
_POSSESSED_REACH = 30

# Characters from an act noun to its own time: "a historic visit to Cuba next month".
_NOUN_TIME_REACH = 40
_PAST_TRIGGER_FORMS = frozenset({"met", "held", "spoke", "struck", "signed", "made", "took"})

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}


def finer_within(inner: When | None, outer: When | None) -> bool:
    """Whether ``inner`` names a part of ``outer`` more precisely (June 12 within June)."""
    if inner is None or outer is None:
        return False
    return (
        outer.start <= inner.start and inner.end <= outer.end
        and _PRECISION_RANK.get(inner.precision, 0) < _PRECISION_RANK.get(outer.precision, 0)
    )


# How far from the story's day an act's own day may lie for a retelling to replace it.
_RETOLD_REACH = 7  # days
_LEAD = 3  # sentences: the lead that the article then tells again in detail
# Sentences within which the first day told is the day of the lead's untimed acts (a title
# line or two of bullets may come before the lead).
_LEAD_DAY_REACH = 5


def retold_nearby(earlier: ExtractedEvent, event: ExtractedEvent) -> bool:
    """Whether ``earlier`` holds a day taken from the story and ``event`` tells its own day
    close to it ("shook hands at the opening of the summit", then "shook hands on Friday")."""
    if not earlier.when_inferred or earlier.when is None or event.when is None:
        return False
    if event.when_inferred or event.when.precision != "day":
        return False
    return abs((event.when.start - earlier.when.start).days) <= _RETOLD_REACH


def keeps_set_time(event_type: str, status: str) -> bool:
    return event_type in SET_TIME_TYPES and status in SET_TIME_STATUSES


def may_be_set_time(date: DateMention, status: str, published: dt.date | None) -> bool:
    """Whether a time told in a plan's sentence can be the time the plan was set for.

    Not the time of the telling ("officials said Tuesday", "a letter released on Thursday"),
    not a bound ("before May 19", "postponed until next week": the new time), and with a
    publication date, not a time already past ("set for today" is kept; a cancelled or put-off
    meeting's time still lies ahead unless the text says what it was scheduled for)."""
    if date.same_as_before:
        return True
    if date.lead in _REPORT_LEADS or date.lead in _BOUND_LEADS or date.when is None:
        return False
    if published is None or date.lead in _SCHEDULE_LEADS or date.scheduled:
        return True
    if status == "planned":
        return date.when.end >= published
    return date.when.end > published


def _may_take(date: DateMention, status: str, published: dt.date | None) -> bool:
    if status == "occurred":
        if date.scheduled or date.lead in _SCHEDULE_LEADS:
            return False  # "talks scheduled for today": a plan's time, not when it happened
        return date.same_as_before or published is None or (
            date.when is not None and date.when.start <= published
        )
    if status == "":
        return date.lead not in _BOUND_LEADS
    if status == "scheduled":
        return date.scheduled or date.lead in _SCHEDULE_LEADS
    return may_be_set_time(date, status, published)


def _in_the_day(date: DateMention) -> bool:
    return date.kind == "day" and date.text.lower().endswith(" in the day")


_WEEKDAY_MODES = frozenset({"last", "this", "next", "since", "until", "by"})

_YEAR_WORDS = 3  # words between a year and the noun it dates: "the 2015 Iran nuclear deal"
_YEAR_REACH = 40  # characters
# Acts whose verb and object name one act: "signed a 1956 declaration", "held the 2018 summit".
_OBJECT_IS_ACT = frozenset({"agreement", "meeting", "talks", "call"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her"})
_NOT_MODIFIERS = frozenset({"and", "or", "of", "to", "in", "on", "at", "by", "for", "with"})
_NOT_MODIFIERS_OF_NOUN = _NOT_MODIFIERS - {"of"}
_AFTER_PARTICIPLE = frozenset({"by", "in", "at", "on"})


def _described_after(tokens: Tokens, tok: int) -> bool:
    """A past participle after its noun, told by whom or where: "signed by", "reached in"."""
    return tokens[tok].low.endswith("ed") and tok + 1 < len(tokens) and (
        tokens[tok + 1].low in _AFTER_PARTICIPLE
    )


_WILL_REACH = 16  # tokens looked back from a trigger for "will" (bounded: linear time)


def _told_ahead(tokens: Tokens, tok: int) -> bool:
    """ "He will instead see Morawiecki at the ... meeting": a trigger in a clause told in the
    future tense, back to the clause's punctuation."""
    for j in range(tok - 1, max(-1, tok - 1 - _WILL_REACH), -1):
        low = tokens[j].low
        if low in _WILL:
            return True
        if low in _CLAUSE_PUNCTUATION:
            return False
    return False


_FUTURE_REACH = 24  # tokens looked ahead of a trigger for "will" (bounded: linear time)
_FUTURE_AUXILIARIES = _WILL | {"would"}


def _future_cue_after(tokens: Tokens, tok_end: int) -> int | None:
    """Where the first "will" or "would" after the trigger starts, if one is near."""
    ahead = tokens.lows[tok_end : tok_end + _FUTURE_REACH]
    if _FUTURE_AUXILIARIES.isdisjoint(ahead):
        return None  # most acts: one test in C
    for k, low in enumerate(ahead, tok_end):
        if low in _FUTURE_AUXILIARIES:
            return tokens.starts[k]
    return None


_SAYING_REACH = 24  # tokens looked back from a plan's trigger for a saying (linear time)


def _told_before_saying(tokens: Tokens, date: DateMention, tok: int) -> bool:
    """Whether a report verb ("said", "told", "announced") stands between a time told before
    a trigger and the trigger: the time is when it was said."""
    if date.end > tokens.starts[tok]:
        return False
    for k in range(tok - 1, max(-1, tok - 1 - _SAYING_REACH), -1):
        if tokens.starts[k] < date.end:
            return False
        if tokens[k].low in _REPORT_LEADS:
            return True
    return False


def _told_after_saying(tokens: Tokens, date: DateMention, tok_end: int) -> bool:
    """ "discussed plans for Modi to visit the US, the White House said in a readout of the
    call on Monday": a time told after a report verb that follows a plan is the saying's (or
    another act's in it), not a time set for the plan."""
    if date.scheduled or date.lead in _SCHEDULE_LEADS:
        return False
    said = False
    for k in range(tok_end, min(len(tokens), tok_end + _SAYING_REACH)):
        if tokens.starts[k] >= date.start:
            return said
        low = tokens[k].low
        if low in _REPORT_LEADS:
            said = True
        elif said and (low == "that" or low in _FUTURE_AUXILIARIES):
            return False  # "said that he will visit Bucharest on 9 January": what was said
    return False


_CONNECTIVES = frozenset(_CUES["time_connectives"])
_COUNT_GAP = 2  # characters between a count and the day it counts from: "a day after Saturday's"
_GAP_REACH = 15  # tokens of the gap between a time and a trigger looked at (linear time)


def _gap(tokens: Tokens, date: DateMention, tok: int, tok_end: int) -> Iterator[int]:
    """The tokens between a time and a trigger, nearest the trigger first, at most
    ``_GAP_REACH`` of them (linear time in a long sentence)."""
    if date.end <= tokens.starts[tok]:
        for k in range(tok - 1, max(-1, tok - 1 - _GAP_REACH), -1):
            if tokens.starts[k] < date.end:
                return
            yield k
    else:
        for k in range(tok_end, min(len(tokens), tok_end + _GAP_REACH)):
            if tokens.starts[k] >= date.start:
                return
            yield k


def _separated(tokens: Tokens, date: DateMention, tok: int, tok_end: int) -> bool:
    """Whether a temporal connective ("after", "before", "since") stands between a time and
    a trigger, making the time another act's."""
    return any(tokens[k].low in _CONNECTIVES for k in _gap(tokens, date, tok, tok_end))


_CLAUSE_JOINERS = frozenset({"and", "but", "while", "whereas"})


def _across_clause_break(tokens: Tokens, date: DateMention, tok: int, tok_end: int) -> bool:
    """Whether a comma and a joiner (", and", ", but") or a semicolon stand between a time
    and a trigger: the time belongs to the other clause of the sentence."""
    for k in _gap(tokens, date, tok, tok_end):
        low = tokens[k].low
        if low == ";" or (low in _CLAUSE_JOINERS and k >= 1 and tokens[k - 1].low == ","):
            return True
    return False


def _since_ago(tokens: Tokens, date: DateMention, tok: int, tok_end: int) -> bool:
    """ "... since the latter took over two weeks ago", told after the trigger."""
    k = tok_end
    if date.kind != "ago" or k >= len(tokens) or date.start < tokens.starts[k]:
        return False
    for _ in range(_GAP_REACH):
        if k >= len(tokens) or tokens.starts[k] >= date.start:
            return False
        if tokens[k].low == "since":
            return True
        k += 1
    return False


_RELATIVES = frozenset({"that", "which", "who", "whom"})
_MAIN_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had"})
_NOT_ANTECEDENTS = frozenset({"so", "such", "now", "than", "and", "or", "but", "given"})


def _opens_relative(tokens: Tokens, k: int) -> bool:
    """Whether token k is a relative pronoun after a noun ("the plan that", "the people who"),
    not "that" after a verb of saying ("said that", "warned that")."""
    low = tokens[k].low
    if low not in _RELATIVES or k == 0:
        return False
    if low in ("who", "whom"):
        return True
    before = tokens[k - 1].low
    return (
        before.isalpha() and before not in _REPORT_LEADS and before not in _NOT_ANTECEDENTS
        and not before.endswith("ed")  # "warned that", "agreed that"
    )


def _in_relative_clause(tokens: Tokens, date: DateMention, tok: int) -> bool:
    """Whether a time told before the trigger is told in a relative clause that the main verb
    closes ("the peace plan that Beijing put forward last month were in line with ...",
    "the rulers, who seized power in July, have given ..."): the time of that clause's act.
    (After the trigger, a relative clause may tell of the act's own noun: "the meeting of the
    heads of state which was held on March 15".)"""
    if date.end > tokens.starts[tok]:
        return False
    first = bisect_left(tokens.starts, date.start)
    last = bisect_left(tokens.starts, date.end)
    for k in range(first - 1, max(-1, first - 1 - _GAP_REACH), -1):
        if tokens[k].low in _CLAUSE_PUNCTUATION:
            return False
        if _opens_relative(tokens, k):
            # the main verb's auxiliary right after the clause (past its closing comma)
            return any(
                tokens[j].low in _MAIN_AUXILIARIES
                for j in range(last, min(tok, last + _CLOSING_REACH))
            )
    return False


_CLOSING_REACH = 3  # tokens after a relative clause's time looked at for the main verb

_PAST_FORMS = lexicon.words("verb_forms")
_QUALIFYING_REACH = 12  # tokens after an act noun looked at for the clause that qualifies it
_RELATIVE_WORDS = frozenset({"that", "which"})


def _past_form(low: str) -> bool:
    return low in _PAST_FORMS or (len(low) > 4 and low.endswith("ed"))


@lru_cache(maxsize=16)
def _verbs_of(event_type: str) -> frozenset[str]:
    """The one-word triggers of a type: "signed" for an agreement, "imposed" for sanctions."""
    entries = lexicon.triggers().get(event_type, [])
    words = (e if isinstance(e, str) else e[0] for e in entries)
    return frozenset(w for w in words if " " not in w)


def _told_in_clause_of_noun(
    tokens: Tokens, tok: int, tok_end: int, anchored: list[DateMention], event_type: str
) -> DateMention | None:
    """The time told in a clause that qualifies an act's noun, in the past: a participle right
    after it ("the sanctions imposed on Chinese firms last week") or a relative clause whose
    verb does an act of its type ("an agreement ... that their leaders signed in a meeting
    April 27"). Not for an act told by a verb ("condemned ... on Tuesday")."""
    if not anchored or _past_form(tokens[tok_end - 1].low) or tokens[tok].low in _WILL:
        return None
    end = tokens.end_of(tok_end - 1)
    if all(d.start < end for d in anchored):
        return None  # (most acts: no time after the noun)
    relative = False
    verb = None
    for k in range(tok_end, min(len(tokens), tok_end + _QUALIFYING_REACH)):
        low = tokens[k].low
        if low in _CLAUSE_PUNCTUATION or low in _WILL or low in _MAIN_AUXILIARIES:
            return None
        if low in _RELATIVE_WORDS:
            relative = True
        elif _past_form(low) and not tokens[k].cap and (
            k == tok_end or (relative and low in _verbs_of(event_type))
        ):
            verb = k
            break
    if verb is None:
        return None
    start = tokens.starts[verb]
    stop = next((
        tokens.starts[k] for k in range(verb, min(len(tokens), verb + _QUALIFYING_REACH))
        if tokens[k].low in _CLAUSE_PUNCTUATION
    ), tokens.end_of(-1))
    return next((
        d for d in anchored
        if start < d.start and d.end <= stop and not d.same_as_before
        and d.start - start < _PLAN_REACH
    ), None)



class SentenceTimes:
    """The anchored time expressions of one sentence, in order."""

    __slots__ = ("anchored", "_starts", "_published", "_set_times", "_years")

    def __init__(self, dates: list[DateMention], published: dt.date | None = None):
        # (most sentences have no time: no comprehension over nothing)
        self.anchored = [
            d for d in dates if d.anchor and (d.when or d.same_as_before)
        ] if dates else []
        # bare years that may name an act's own year: "the 2015 nuclear deal"
        self._years = [
            d for d in dates if not d.anchor and d.when is not None and d.when.precision == "year"
        ] if dates else []
        self._starts = [d.start for d in self.anchored] if self.anchored else []
        self._published = published
        # status -> (times, starts): those that can be a plan's set time, built on first use;
        # "" -> those that can be the time a plan was called off or put off
        self._set_times: dict[str, tuple[list[DateMention], list[int]]] = {}

    def _for_status(self, status: str) -> tuple[list[DateMention], list[int]]:
        found = self._set_times.get(status)
        if found is None:
            anchored = self.anchored
            if status == "planned" and self._published is not None:
                anchored = [self._ahead_reading(d) for d in anchored]
            times = [
                d for d in anchored
                if _may_take(d, status, self._published)
            ]
            found = self._set_times[status] = (times, [d.start for d in times])
        return found

    def when_for(
        self,
        tokens: Tokens,
        tok: int,
        tok_end: int,
        status: str,
        last_when: When | None,
        event_type: str = "",
    ) -> When | None:
        """The time of the event whose trigger spans tokens [tok, tok_end)."""
        if self._years and (year := self._year_of(tokens, tok, tok_end, event_type)) is not None:
            # "their May 21 meeting during the 2017 Riyadh Summit": a day of that year told
            # close by names the act's time more precisely
            pos_start, pos_end = tokens.starts[tok], tokens.end_of(tok_end - 1)
            finer = [
                d for d in self.anchored
                if finer_within(d.when, year)
                and min(abs(d.start - pos_end), abs(pos_start - d.end)) <= _YEAR_REACH
            ]
            if finer:
                return min(
                    finer, key=lambda d: min(abs(d.start - pos_end), abs(pos_start - d.end))
                ).when
            if (
                status == "occurred" and self._published is not None
                and year.start.year == self._published.year and not self.anchored
            ):
                # "at the opening ceremony of the 2018 Beijing Summit", told in 2018: the
                # summit of the story, whose day is the story's
                return None
            return year
        anchored, starts = self.anchored, self._starts
        if (
            anchored and status == "occurred" and self._published is not None
            and not _told_ahead(tokens, tok)
        ):
            # What happened did so by publication: "will review the request within nine
            # months" is not when the request was made (but "will visit ... on 9 January" is
            # a visit to come, whatever its status says).
            anchored, starts = self._for_status(status)
            if (own := _told_in_clause_of_noun(
                tokens, tok, tok_end, anchored, event_type
            )) is not None:
                # "condemned the sanctions imposed on Chinese firms last week": the time the
                # clause that qualifies the act's noun tells is the act's
                return own.when
            cue = _future_cue_after(tokens, tok_end)
            if cue is not None and any(d.ahead and d.start >= cue for d in anchored):
                # "after a meeting held in Brussels, NATO countries will continue providing
                # aid in 2024": a time told after a future cue that follows the act is the
                # time of what is to come
                anchored = [d for d in anchored if not (d.ahead and d.start >= cue)]
                starts = [d.start for d in anchored]
        elif anchored and keeps_set_time(event_type, status):
            if status == "planned" and (ahead := self._weekday_ahead(tokens, tok_end)):
                return ahead
            anchored, starts = self._for_status(status)
            if status == "planned" and any(d not in self.anchored for d in anchored):
                # a time read ahead for the plan that a connective gives to another act ("will
                # meet Putin, their first meeting since his reelection in May") is not its time
                kept = [
                    d for d in anchored
                    if d in self.anchored or not _separated(tokens, d, tok, tok_end)
                ]
                anchored, starts = kept, [d.start for d in kept]
            if status == "planned" and any(d.end <= tokens.starts[tok] for d in anchored):
                # "This afternoon, as he left the White House, Trump said he intends to have
                # dinner with Xi": a time told before the saying is the saying's
                kept = [d for d in anchored if not _told_before_saying(tokens, d, tok)]
                anchored, starts = kept, [d.start for d in kept]
            if status == "planned" and any(d.start >= tokens.end_of(tok_end - 1) for d in anchored):
                kept = [d for d in anchored if not _told_after_saying(tokens, d, tok_end)]
                anchored, starts = kept, [d.start for d in kept]
            if not anchored and status != "planned":
                # "Last week Pyongyang called off the talks": the time of the calling off stands
                # until a later sentence tells the time they were set for (``SetTimes``).
                anchored, starts = self._for_status("")
        elif anchored and status in ("cancelled", "postponed"):
            # Any other act called off or put off keeps the time it was set for when the text
            # tells one ("hold back the tariffs ... due to take effect on Tuesday"); otherwise
            # the time it was called off ("on Wednesday temporarily lifted sanctions").
            scheduled = self._for_status("scheduled")
            if scheduled[0]:
                anchored, starts = scheduled
        if not anchored:
            return None  # (most acts: no time told; the token ends are not read)
        pos_start, pos_end = tokens.starts[tok], tokens.end_of(tok_end - 1)
        if any(d.possessive for d in anchored):
            # "would impose sanctions on the leaders of last week's coup": the week is the
            # coup's; it dates only the noun it qualifies
            kept = [
                d for d in anchored
                if not d.possessive or 0 <= pos_start - d.end <= _POSSESSED_REACH
            ]
            anchored, starts = kept, [d.start for d in kept]
        if any(d.qualifying for d in anchored):
            # "the Act approved Thursday by both houses of Congress testified to ...": the time
            # dates the noun that the participle qualifies, not the sentence's other acts
            kept = [
                d for d in anchored
                if not d.qualifying or 0 <= d.start - pos_end <= _QUALIFIED_REACH
            ]
            anchored, starts = kept, [d.start for d in kept]
        if not anchored:
            return None
        k = bisect_left(starts, pos_end)
        if (
            status != "occurred" and k < len(anchored) and anchored[k].start - pos_end < _PLAN_REACH
            and not anchored[k].of_next_act and not self._past_for_plan(anchored[k], status)
        ):
            return self._ahead_for_plan(
                anchored[k], self._told(anchored[k], last_when), status, event_type
            )
        # The nearest expression on either side (expressions do not overlap, so it is one of
        # the few around the trigger); ties go to the earlier one.
        # One that a connective separates from the trigger ("ordered last week, days after
        # Trump berated Zelenskyy on Feb. 28") is the other act's time, if another is near.
        lo, hi = max(0, k - 2), min(len(anchored), k + 2)
        near = [d for d in anchored[lo:hi] if not _in_relative_clause(tokens, d, tok)]
        if not near:
            return None
        if status in _MADE_STATUSES and self._published is not None and any(
            d.lead in _REPORT_LEADS for d in near
        ) and any(
            d.when is not None and d.when.start > self._published and d.start >= pos_end
            and d.lead not in _REPORT_LEADS
            for d in near
        ):
            # "reported on Saturday that Abe is looking to meet Xi ... before the summit set for
            # December 24th": a threat, an offer or a plan takes the time told ahead for it, not
            # the day it was told of (the guide: "dated by the time set for the act")
            near = [d for d in near if d.lead not in _REPORT_LEADS]
        # "a day after" dates the act told after it, and only when no explicit time follows
        # that act ("three days after Russia vetoed a resolution on 22 March").
        explicit_after = any(not d.same_as_before and d.start >= pos_end for d in near)
        own = [
            d for d in near
            if not _separated(tokens, d, tok, tok_end)
            and not (d.of_next_act and (d.start >= pos_end or explicit_after))
        ]
        if not own and (marks := [
            d for d in near if d.of_next_act and d.same_as_before and d.start >= pos_end
        ]):
            # "He called up Putin, a day after speaking to Biden": the act told before "a day
            # after" is on the day it counts from; "condemned Iran a day after Saturday's
            # attack": a day after the day named
            named = self._counted_from_named(marks[0])
            if named is not None:
                return named
            return self._told(marks[0], last_when, counted_from=True)
        if not own:
            # "his first call with Scholz since he took over from Merkel two weeks ago": a time
            # counted back from publication in a since-clause after the trigger starts the
            # span the act ends; it is never the act's own time
            near = [
                d for d in near
                if not _since_ago(tokens, d, tok, tok_end)
                and not (d.of_next_act and d.start >= pos_end)  # "since April, when ..."
            ]
            if not near:
                return None
        pool = own or near
        if len(pool) > 1:
            # "Sisi met Tsipras on Thursday, and Shoukry phoned Le Drian yesterday": a time
            # across the break that opens the trigger's clause is the other clause's
            inside = [d for d in pool if not _across_clause_break(tokens, d, tok, tok_end)]
            pool = inside or pool
        best = min(pool, key=lambda d: min(abs(d.start - pos_end), abs(pos_start - d.end)))
        return self._ahead_for_plan(best, self._told(best, last_when), status, event_type)

    def _counted_from_named(self, mark: DateMention) -> When | None:
        """ "a day after Saturday's attack", "two days after March 3": the day named right after
        the count, moved by it (None when no day is named there)."""
        k = bisect_left(self._starts, mark.end)
        if k >= len(self.anchored):
            return None
        named = self.anchored[k]
        if (
            named.start - mark.end > _COUNT_GAP or named.same_as_before or named.when is None
            or named.when.precision != "day"
        ):
            return None
        day = shift_days(named.when.start, abs(mark.days_back))
        return When(day, day, "day") if day is not None else None

    def _past_for_plan(self, date: DateMention, status: str) -> bool:
        """ "will announce this afternoon what assistance it will offer to Samoa, which was
        struck on Thursday": a time already past told after a plan is not the time it is for."""
        return (
            status == "planned" and self._published is not None and date.when is not None
            and date.when.end < self._published and not date.scheduled
            and date.lead not in _SCHEDULE_LEADS
        )

    def for_party(
        self, tokens: Tokens, tok_end: int, party_tok: int | None, status: str,
        when: When | None,
    ) -> When | None:
        """The time of one party's act when a plural act with several parties tells a time for
        each: "made calls to the leaders of Canada and Mexico on Saturday and of Israel and
        Egypt on Sunday" (Israel's call is Sunday's). The first time told after the party's
        name, when the sentence tells more than one after the trigger; else ``when``."""
        if party_tok is None or party_tok >= len(tokens) or len(self.anchored) < 2:
            return when
        trigger_end = tokens.end_of(tok_end - 1)
        after = [
            d for d in self.anchored
            if d.start >= trigger_end and d.when is not None and not d.same_as_before
            and _may_take(d, status, self._published)
        ]
        if len({d.when for d in after}) < 2:
            return when
        named_end = tokens.end_of(party_tok)
        own = next((d for d in after if d.start >= named_end), None)
        if own is None or own.start - named_end > _PLAN_REACH:
            return when
        return own.when

    def _weekday_ahead(self, tokens: Tokens, tok_end: int) -> When | None:
        """ "looked forward to a meeting in Doha on Wednesday", told on a Tuesday: a plan's
        weekday told right after it with no "last" or "this", read in the past tense (no
        "will" before it), is the coming one."""
        if self._published is None:
            return None
        end = tokens.end_of(tok_end - 1)
        k = bisect_left(self._starts, end)
        if k == len(self.anchored):
            return None
        date = self.anchored[k]
        when = date.when
        if (
            date.kind != "wd" or when is None or date.start - end >= _PLAN_REACH
            or date.scheduled or date.lead in _SCHEDULE_LEADS  # "was due to travel on Tuesday"
            or when.end >= self._published or date.lead in _REPORT_LEADS
            or date.lead in _BOUND_LEADS or date.text.split()[0].lower() in _WEEKDAY_MODES
            or _told_after_saying(tokens, date, tok_end)
        ):
            return None
        start, last = shift_days(when.start, 7), shift_days(when.end, 7)
        return When(start, last, when.precision) if start and last else None

    def _year_of(
        self, tokens: Tokens, tok: int, tok_end: int, event_type: str
    ) -> When | None:
        """The year that premodifies the trigger's noun ("a 1956 Soviet-Japanese declaration",
        "the 2015 nuclear deal") or its object ("signed a 1956 declaration"): the act's own
        time, whatever else the sentence tells."""
        start = tokens.starts[tok]
        end = tokens.end_of(tok_end - 1)
        for d in self._years:
            if d.start >= end:
                if event_type not in _OBJECT_IS_ACT:
                    continue  # "quit the 2015 deal": the year is the deal's, not the quitting's
                after = [
                    tokens[k] for k in range(tok_end, min(tok_end + 3, len(tokens)))
                    if tokens.ends[k] <= d.start
                ]
                if len(after) < 3 and all(t.low in _DETERMINERS for t in after) and (
                    d.start - end <= 6
                ):
                    return d.when  # "signed a 1956 declaration"
                continue
            if d.end > start or start - d.end > _YEAR_REACH:
                continue
            between = [
                tokens[k] for k in range(max(0, tok - _YEAR_WORDS - 1), tok)
                if tokens.starts[k] >= d.end
            ]
            # "the 2015 declaration of principles signed by Egypt": a participle after its noun
            # (told by whom or where) dates the noun, whose own complement may hold an "of"
            blocked = _NOT_MODIFIERS_OF_NOUN if _described_after(tokens, tok) else _NOT_MODIFIERS
            if len(between) <= _YEAR_WORDS and all(
                t.low.replace("-", "").isalpha() and t.low not in blocked for t in between
            ):
                return d.when
        return None

    def ahead_in_clause(
        self, tokens: Tokens, tok: int, tok_end: int, lo: int, hi: int, event_type: str
    ) -> When | None:
        """A time after publication that the trigger's clause (tokens [lo, hi)) tells for it:
        what is told in the present for a day ahead is a plan ("hosts a summit from May 19")."""
        if self._published is None:
            return None
        when = self.when_for(tokens, tok, tok_end, "planned", None, event_type)
        if when is None or when.start <= self._published:
            return None
        first, last = tokens.starts[lo], tokens.end_of(hi - 1)
        told = [d for d in self.anchored if first <= d.start and d.end <= last]
        if any(d.when == when for d in told):
            return when
        # a time without its year read ahead for the plan ("the second Russia-Africa summit at
        # the end of July and the upcoming BRICS summit in August") counts only beside one
        # the clause itself tells ahead: "since his reelection in May" tells none
        read = self._for_status("planned")[0]
        if any(d.when is not None and d.when.start > self._published for d in told) and any(
            d.when == when and first <= d.start and d.end <= last for d in read
        ):
            return when
        return None

    def told_with_noun(self, tokens: Tokens, trig: Trigger, when: When) -> bool:
        """Is ``when`` told right after an act noun ("a visit to Cuba next month"), whatever
        the tense of the verb that announces it?"""
        last = tokens[trig.tok_end - 1]
        if last.low.endswith("ed") or last.low in _PAST_TRIGGER_FORMS:
            return False  # "visited Cuba last month": the verb is the act
        end = tokens.end_of(trig.tok_end - 1)
        return any(
            d.when == when and 0 <= d.start - end <= _NOUN_TIME_REACH for d in self.anchored
        )

    def _happened_on(self, when: When) -> bool:
        return when.precision == "day" and (
            self._published is None or when.start <= self._published
        )

    def _ahead_reading(self, date: DateMention) -> DateMention:
        """ "Preparations for the second Russia-Africa summit at the end of July", told in June
        with no "will" before it: a month or a day without its year, read back to one long
        past, is for a plan the coming one."""
        when, published = date.when, self._published
        if (
            date.kind == "wd" and when is not None and published is not None
            and when.end < published and when.precision == "day"
            and not date.scheduled and date.lead not in _REPORT_LEADS
            and date.lead not in _BOUND_LEADS and date.lead not in _SCHEDULE_LEADS
            and _WEEKDAY_MODES.isdisjoint(date.text.lower().split())
        ):
            # "On Sunday, the prime minister is expected to meet ...", told on a Saturday: a
            # bare weekday told before the plan's future cue is the coming one
            start, end = shift_days(when.start, 7), shift_days(when.end, 7)
            if start is None or end is None:
                return date
            return replace(date, when=When(start, end, when.precision))
        if (
            when is None or published is None or date.kind not in _YEARLESS_KINDS
            or when.end >= published or (published - when.end).days <= _LONG_PAST
            or any(c.isdigit() for c in date.text if date.kind not in ("dmy", "mdy"))
            or _YEAR_DIGITS.search(date.text) or _PAST_WORDS.search(date.text)
        ):
            return date
        start, end = _next_year(when.start), _next_year(when.end)
        if start is None or end is None:
            return date
        return replace(date, when=When(start, end, when.precision))

    def _ahead_for_plan(
        self, date: DateMention, when: When | None, status: str, event_type: str
    ) -> When | None:
        """A meeting, call or talks planned or offered for a bare month is for the month to
        come: "an invitation to visit the White House in June" told in May is this June, not
        last year's ("in June 2018" and "last June" keep their time)."""
        if (
            event_type not in SET_TIME_TYPES or status not in ("planned", "proposed")
            or when is None or when.precision != "month" or self._published is None
            or date.same_as_before or when.end >= self._published
            or (self._published - when.end).days <= _LONG_PAST
            or any(c.isdigit() for c in date.text) or _PAST_WORDS.search(date.text)
        ):
            # "proposed a visit to New Delhi in November", told in January: the November just
            # past, as "in June" told in May is next June
            return when
        start, end = _next_year(when.start), _next_year(when.end)
        return When(start, end, "month") if start and end else when

    def _told(
        self, date: DateMention, last_when: When | None, counted_from: bool = False
    ) -> When | None:
        """The time an expression names: "the same day" is the time told before; "a day
        earlier" a day before it (or before publication when that was no day); with
        ``counted_from``, the day it counts from."""
        if not date.same_as_before:
            return date.when
        k = bisect_left(self._starts, date.start)  # a day the sentence told before it
        if date.months_back:
            # "in 2020 ... the following year": from the time told before, in the sentence
            # or before it
            told = next((
                d.when for d in reversed(self.anchored[max(0, k - 2) : k]) if d.when is not None
            ), last_when)
            return counted_months(told, date.months_back)
        if not date.days_back:
            return _unit_of(last_when, date.text)
        if date.days_back < 0:
            # "two days later", "the next day": after the day told before, past or ahead;
            # never counted from publication
            told = next((
                d.when for d in reversed(self.anchored[max(0, k - 2) : k])
                if d.when is not None and d.when.precision == "day"
            ), last_when)
            if told is None or told.precision != "day":
                return None
            later = shift_days(told.end, -date.days_back)
            return When(later, later, "day") if later is not None else None
        own = next((
            d.when for d in reversed(self.anchored[max(0, k - 2) : k])
            if d.when is not None and self._happened_on(d.when)
        ), None)
        if own is not None:
            day: dt.date | None = own.start
        elif last_when is not None and self._happened_on(last_when):
            day = last_when.start  # a day things happened, not one ahead
        else:
            day = self._published
        back = shift_days(day, 0 if counted_from else -date.days_back) if day else None
        return When(back, back, "day") if back is not None else None


_UNITS = {"week": "week", "month": "month", "year": "year"}


def _unit_of(when: When | None, text: str) -> When | None:
    """ "the same week", "that month": the week, month or year of the time told before, unless
    that time is no finer."""
    unit = _UNITS.get(text.lower().rsplit(maxsplit=1)[-1])
    if when is None or unit is None:
        return when
    if _PRECISION_RANK.get(when.precision, 0) >= _PRECISION_RANK[unit]:
        return when
    return _range_of(when.start, unit)


# How many untimed plans wait for their time; the latest are the ones a later sentence tells.
_WAITING = 4


@dataclass
class SetTimes:
    """Meetings, calls and talks planned, called off or put off with no time in their sentence
    wait for a later sentence that schedules them: "India has called off high-level talks ..."
    then "The talks were due to be held in Islamabad on August 25"."""

    published: dt.date | None
    waiting: list[ExtractedEvent] = field(default_factory=list)
    # The waiting plans that hold a week, a month or a year set for them: only a time within it
    # is theirs (ids; they are waiting too)
    coarse: list[ExtractedEvent] = field(default_factory=list)
    # The time set for a meeting, call or talks planned in the sentence before: "X will pay a
    # visit to Khujand on March 31." then "A joint meeting of the leaders is planned."
    previous: When | None = None
    # The time the lead set for the story's plan ("Trump will not travel to Latin America this
    # week"), with the plan's parties, and the plans told on without a time: "He would also not
    # be making a follow-up trip to Colombia" is of the same trip (``finish``)
    _lead_plan: tuple[When, frozenset[str], str] | None = None
    _untimed: list[ExtractedEvent] = field(default_factory=list)
    _sentences: int = 0

    def fill(
        self, tokens: Tokens, dates: list[DateMention], found: list[ExtractedEvent]
    ) -> None:
        """Give the waiting plans the time a sentence sets for them, if it sets one: a time told
        closely after a word for the plan ("were due to be held ... on August 25"), or after a
        schedule word. A sentence that tells a new act of the type keeps its time for that act
        (a retelling of the plan is merged with it as a duplicate, and its time with it)."""
        if not self.waiting or not dates:
            return
        self._retold(found)
        if _PLAN_CUES.isdisjoint(tokens.words) and not _was_to(tokens):  # a set test in C
            return
        times = [
            d for d in dates
            if d.anchor and d.when is not None and may_be_set_time(d, "planned", self.published)
        ]
        if times and all(e.status == "planned" for e in self.waiting):
            # "The summit was originally slated for March 28-29 but postponed": the time a plan
            # had before is not the time it now has
            times = [d for d in times if not _told_as_original(d, tokens, tokens.starts)]
        named = [(e, name) for e in self.waiting if (name := _name_of(e)) is not None]
        if named:
            ahead = SentenceTimes(dates, self.published)._for_status("planned")[0]
            self._named_again(tokens, ahead, named)
            if not self.waiting:
                return
        if not times:
            return
        taken = {e.type for e in found}
        types: set[str] = set()
        chosen: When | None = None
        scheduled = [
            d for d in times
            if d.scheduled or d.lead in _SCHEDULE_LEADS or _named_date(d, tokens, tokens.starts)
        ]
        scheduled_at = {d.start for d in scheduled}
        k = 0  # the first time not before the current token
        # "had been scheduled to cross the border on Wednesday ... for the two-day talks": a
        # time told closely before the word for the plan, if none follows it
        before: When | None = None
        for token, start, end in zip(tokens, tokens.starts, tokens.ends, strict=True):
            while k < len(times) and times[k].start < start:
                if chosen is None and times[k].start in scheduled_at:
                    chosen = times[k].when
                k += 1
            named = _PLAN_WORDS.get(token.low, frozenset()) - taken
            if named:
                types |= named
                if chosen is None and k < len(times) and times[k].start - end < _PLAN_REACH:
                    chosen = times[k].when
                elif before is None and k and start - times[k - 1].end < _PLAN_REACH:
                    before = times[k - 1].when
        if chosen is None:
            if not scheduled and before is None:
                return
            chosen = scheduled[0].when if scheduled else before
        matched = [e for e in self.waiting if e.type in types]
        if not matched and not found and len(self.waiting) == 1 and scheduled:
            matched = self.waiting  # "He was due here in the last week of June"
        matched = [
            e for e in matched if not self._coarse(e) or finer_within(chosen, e.when)
        ]
        for event in matched:
            event.when = chosen
        self.waiting = [e for e in self.waiting if all(e is not m for m in matched)]

    def _named_again(
        self, tokens: Tokens, times: list[DateMention],
        named: list[tuple[ExtractedEvent, tuple[str, str]]],
    ) -> None:
        """ "cancelled an upcoming G8 summit in Russia" then "the G8 summit in Sochi in June
        would be replaced by a G7 meeting": the plan named again by its trigger and the word
        before it (``named``: the waiting plans and their names) takes the time told right
        after, though the sentence tells another act of its type."""
        lows = tokens.lows
        for event, (modifier, noun) in named:
            k = next(
                (k for k in range(1, len(lows)) if lows[k] == noun and lows[k - 1] == modifier),
                None,
            )
            if k is None:
                continue
            end = tokens.end_of(k)
            when = next((d.when for d in times if 0 <= d.start - end < _PLAN_REACH), None)
            if when is not None:
                event.when = when
                self.waiting = [e for e in self.waiting if e is not event]

    def _retold(self, found: list[ExtractedEvent]) -> None:
        """ "X postponed his visit to Y" then "X was slated to visit Y from August 22": the plan
        told again with its time, before it was put off, gives the put-off plan that time."""
        plans = [e for e in found if e.status == "planned" and e.when is not None]
        if not plans:
            return
        for event in self.waiting:
            if event.status == "planned":
                continue
            names = {a.name for a in event.actors}
            sides = _sides(event)
            # a party in common, and no side on each that the other lacks: "his visit to
            # Cambodia will take place as scheduled from November 18" is not the put-off visit
            # to Japan
            plan = next((
                p for p in plans
                if p.type == event.type and any(a.name in names for a in p.actors)
                and (_sides(p) <= sides or sides <= _sides(p))
            ), None)
            if plan is not None and (
                not self._coarse(event) or finer_within(plan.when, event.when)
            ):
                event.when = plan.when
        self.waiting = [e for e in self.waiting if e.status == "planned" or e.when is None
                        or all(e.when is not p.when for p in plans)]

    def wait(self, found: list[ExtractedEvent], dates: list[DateMention]) -> None:
        """Plans of the sentence told without the time they were set for (a cancelled meeting
        may hold the time it was called off until then) start waiting for it."""
        self._sentences += 1
        if not dates and not found:
            # most sentences: no time set, no plan to wait (the lists below stay as they are:
            # only a sentence with a time changes them, in fill, and its wait filters them)
            self.previous = None
            return
        set_times: dict[str, set[When]] = {}
        previous, self.previous = self.previous, next((
            # "Rajapaksa is scheduled to leave for India on February 7th." then "During his
            # visit, he is scheduled to meet Modi": a time this sentence sets for something
            d.when for d in dates
            if d.anchor and d.when is not None and (d.scheduled or d.lead in _SCHEDULE_LEADS)
            and (self.published is None or d.when.end >= self.published)
        ), None)
        for event in found:
            if not keeps_set_time(event.type, event.status):
                continue
            self._remember_lead_plan(event)
            if event.when is None and previous is not None:
                # a time can come from the sentence before: "... a meeting of the G-77,
                # planned to start from January 14." then "However, the meeting has now been
                # postponed"
                event.when = previous
                if event.status == "planned" and self.previous is None:
                    # "During his visit, he is scheduled to meet Modi." then "He will also
                    # visit Varanasi": the plans told on go on being of that time
                    self.previous = previous
            elif event.status == "planned" and event.when is not None and (
                self.published is None or event.when.end >= self.published
            ):
                self.previous = event.when
            if event.when is not None:
                if event.status not in set_times:
                    set_times[event.status] = {
                        d.when for d in dates
                        if d.when is not None and may_be_set_time(d, event.status, self.published)
                    }
                if event.when.precision == "day" and any(
                    d.days_back and d.of_next_act for d in dates
                ):
                    continue  # "will meet X a day after Y backed down": counted from the story
                if any(event.when.start == w.start for w in set_times[event.status]):
                    if event.when.precision == "day":
                        continue
                    # "called off a planned visit to India this week": the week waits for its
                    # day ("The visit was to begin on April 25")
                    self.coarse.append(event)
            self.waiting.append(event)
        del self.waiting[:-_WAITING]
        if self.coarse:  # (mostly none)
            self.coarse = [e for e in self.coarse if any(e is w for w in self.waiting)]

    def _remember_lead_plan(self, event: ExtractedEvent) -> None:
        if event.when is None:
            self._untimed.append(event)
        elif (
            self._lead_plan is None and self._sentences <= _LEAD and not event.when_inferred
            and (self.published is None or event.when.end >= self.published)
        ):
            self._lead_plan = (event.when, _persons(event), event.status)

    def finish(self) -> None:
        """The plans told after the lead without a time, of a party of the plan whose time the
        lead told, are of that time: the story's plan told on ("will not travel to Latin
        America this week" then "He would also not be making a follow-up trip to Colombia")."""
        if self._lead_plan is not None:
            when, names, status = self._lead_plan
            for event in self._untimed:
                persons = _persons(event)
                if event.when is None and event.status == status and persons and (
                    persons <= names
                ):
                    event.when = when
        self._untimed.clear()

    def _coarse(self, event: ExtractedEvent) -> bool:
        return any(event is e for e in self.coarse)


def _name_of(event: ExtractedEvent) -> tuple[str, str] | None:
    """The word before a one-word trigger and the trigger, lower-cased, when the word is a name
    ("G8 summit", "Budapest summit"), not a determiner or a common word ("the annual summit")."""
    trigger = event.trigger.lower()
    if not trigger.isalpha():
        return None
    before = event.evidence[: event.trigger_offset].split()
    if not before:
        return None
    written = before[-1]
    if not (written[:1].isupper() or any(c.isdigit() for c in written)) or not written.isalnum():
        return None  # a name ("G8", "Budapest"), not a word any plan may have ("annual")
    return written.lower(), trigger


def _persons(event: ExtractedEvent) -> frozenset[str]:
    return frozenset(a.name for a in event.actors if a.kind == "person")


def _sides(event: ExtractedEvent) -> set[str]:
    """The states (or bodies) an act's parties stand for; a person of no known state, none."""
    return {a.country or a.name for a in event.actors if a.country or a.kind != "person"}


_WAS_TO = frozenset({"was", "were"})


def _was_to(tokens: Tokens) -> bool:
    """ "The visit was to begin on April 25": a plan told in the past ("was to", "were to")."""
    if "to" not in tokens.words:
        return False  # most sentences: a set test, no generator
    return any(
        t.low == "to" and k and tokens[k - 1].low in _WAS_TO for k, t in enumerate(tokens)
    )


_ORIGINAL_WORDS = frozenset({"originally", "initially", "previously", "formerly"})
_ORIGINAL_REACH = 6  # tokens before a time looked at for "originally"


def _told_as_original(date: DateMention, tokens: Tokens, starts: list[int]) -> bool:
    """ "originally slated for March 28-29": the time a plan had before it was moved."""
    k = bisect_left(starts, date.start)
    return any(t.low in _ORIGINAL_WORDS for t in tokens[max(0, k - _ORIGINAL_REACH) : k])


def _named_date(date: DateMention, tokens: Tokens, starts: list[int]) -> bool:
    """ "the June 12 date": a time named as the date set for something."""
    k = bisect_left(starts, date.end)
    return k < len(tokens) and tokens[k].low in _SCHEDULE_LEADS


@dataclass
class StoryClock:
    """What the article has told about time so far, from sentence to sentence."""

    published: dt.date | None
    last_when: When | None = None  # the latest anchored time: "on the same day" refers to it
    last_day: When | None = None  # the latest day near publication: untimed acts happened then
    _made: list[tuple[ExtractedEvent, When]] = field(default_factory=list)
    sentences: int = 0  # sentences taken in so far
    _told_day: bool = False  # whether the text has told a day yet (else last_day is its date)
    _threats: list[ExtractedEvent] = field(default_factory=list)  # untimed, the sentence before
    _ahead: When | None = None  # the first time ahead of publication this sentence told
    # Acts of the lead dated by publication before the text told any day: the first day it
    # tells in the lead is theirs ("X told Y in their first phone call." then "Xi also on
    # Tuesday urged ...")
    _undated_lead: list[ExtractedEvent] = field(default_factory=list)
    # The persons who acted on a day told with their act in the last sentences, and the day:
    # (sentence, names, day). An untimed act of one of them just after is of that occasion.
    _occasions: list[tuple[int, frozenset[str], When]] = field(default_factory=list)
    # The last days told as days something happened near publication (for "also on Thursday")
    _told_days: list[When] = field(default_factory=list)
    # The past time beyond the story's days that the sentence before opened with ("In March last
    # year, Forum countries responded ..."), and the one this sentence opens with: the
    # narrative's frame for the untimed acts the next sentence tells in the past ("Fiji provided
    # support"); a time told inside a sentence ("The slide deepened in March, when ...") is a
    # glance back, not a frame
    _frame: When | None = None
    _prev_frame: When | None = None
    # The day an act told after "a day after" in the sentence before happened ("The sanctions
    # came a day after Ri said ..." then "Ri said that ..."), and this sentence's
    _after: When | None = None
    _prev_after: When | None = None

    def __post_init__(self) -> None:
        if self.published is not None and self.last_day is None:
            # Before any day is told, a report's acts are of its own day (the lead's "warned").
            self.last_day = When(self.published, self.published, "day")

    def advance(self, dates: list[DateMention]) -> bool:
        """Take a sentence's times in; True when it told a time that could not be resolved."""
        self._prev_frame, self._frame = self._frame, None
        self._prev_after, self._after = self._after, None
        if not dates:  # most sentences tell no time: no comprehension over nothing below
            self.sentences += 1
            self._ahead = None
            return False
        anchored = [d.when for d in dates if d.when and d.anchor]
        if anchored:
            self._prev_frame = None  # the sentence tells its own time
            self._frame = next((
                d.when for d in reversed(dates)
                if d.when and d.anchor and not d.ahead and not d.possessive
                and not d.same_as_before and d.start <= _FRONTED and self._past_frame(d.when)
            ), None)
        unresolved = any(d.when is None and not d.same_as_before for d in dates)
        self.sentences += 1
        if anchored:
            self.last_when = anchored[-1]
        if any(d.days_back or d.months_back for d in dates):
            self.last_when = self._counted(dates)
            self._after = self._counted_after(dates)
        self._ahead = next((
            d.when for d in dates
            if d.when and d.anchor and d.ahead and d.lead not in _BOUND_LEADS
            and (self.published is None or d.when.start > self.published)
        ), None)
        # The story's latest day is the latest day something happened: not a day ahead ("the
        # tariffs were due to take effect on Tuesday"), nor a day told looking back ("Xi
        # arrived on Monday" after "held talks on Tuesday").
        recent = [
            d.when for d in dates
            if d.when and d.anchor and not d.ahead and d.when.precision == "day"
            and self._near(d.when)
            and (self.published is None or d.when.start <= self.published)
        ]
        if recent:
            self._told_days += recent
            del self._told_days[:-_TOLD_DAYS_KEPT]
            latest = max(recent, key=lambda w: w.start)
            if not self._told_day or self.last_day is None or latest.start >= self.last_day.start:
                self.last_day = latest
            lead_day = next((
                d.when for d in dates
                if d.when in recent and not d.possessive  # not "Tuesday's strike"
            ), None)
            if not self._told_day and self.sentences <= _LEAD_DAY_REACH and lead_day:
                for event in self._undated_lead:
                    if event.when is not None and event.when_inferred and (
                        event.when.start == self.published
                    ):
                        event.when = lead_day
            self._undated_lead.clear()
            self._told_day = True
        return unresolved

    def _past_frame(self, when: When) -> bool:
        """A time wholly before the story's days: a past the narrative may go on telling."""
        return self.published is not None and when.end < self.published and not self._near(when)

    def quoted_days(self, text: str, dates: list[DateMention]) -> list[DateMention]:
        """ "Rabuka said on Tuesday ..." then " 'I will not be able to undertake the trip that was
        coming up tomorrow night,' he continued": a day named from the day of speaking
        ("today", "tomorrow", "this morning") inside a quotation is named from the story's day,
        when the story told one a few days before publication."""
        if (
            not self._told_day or self.last_day is None or self.published is None
            or self.last_day.precision != "day" or self.last_day.start != self.last_day.end
        ):
            return dates
        back = (self.published - self.last_day.start).days
        if not 0 < back <= _QUOTED_REACH or all(d.kind != "day" for d in dates):
            return dates
        out = []
        for d in dates:
            if (
                d.kind == "day" and d.when is not None and not d.same_as_before
                and not d.possessive  # "today's line of contact": no act's day
                and text[max(0, d.start - 1) : d.start] != "("  # "this (yesterday)": the
                and _quoted(text, d.start)  # writer's gloss, from publication
            ):
                start, end = shift_days(d.when.start, -back), shift_days(d.when.end, -back)
                if start is not None and end is not None:
                    d = replace(d, when=When(start, end, d.when.precision))
            out.append(d)
        return out

    def _counted_after(self, dates: list[DateMention]) -> When | None:
        """The day of the act a "a day after" of the sentence tells, counted back from the day
        the sentence tells before it, else from the story's day."""
        told = self.last_day
        for d in dates:
            if d.when is not None and d.anchor and d.when.precision == "day" and not d.ahead:
                told = d.when
            elif d.of_next_act and d.days_back > 0 and told is not None and (
                told.precision == "day" and told.start == told.end
            ):
                day = shift_days(told.start, -d.days_back)
                return When(day, day, "day") if day is not None else None
        return None

    def _counted(self, dates: list[DateMention]) -> When | None:
        """The time told last once "two days later", "the next morning", "a day earlier" are
        counted from the day told before them ("... on March 3. The next morning, ..." then
        "That evening, ...": the evening of March 4)."""
        told = self.last_when
        for d in dates:
            if d.when is not None and d.anchor:
                told = d.when
            elif d.months_back:
                told = counted_months(told, d.months_back) or told
            elif d.days_back and not d.of_next_act and told is not None and (
                told.precision == "day"
            ):
                day = shift_days(told.end, -d.days_back)
                told = When(day, day, "day") if day is not None else told
        return told

    def also_on_day_told(self, dates: list[DateMention]) -> list[DateMention]:
        """ "Last Thursday, the parties asked ..." then "At a press conference also on Thursday,
        X said ...": a bare weekday after "also" is the day of that weekday the story told last
        (not the one its tense reads), when it told one."""
        if not self._told_days or all(d.lead != "also" or d.kind != "wd" for d in dates):
            return dates
        out = []
        for d in dates:
            if d.lead == "also" and d.kind == "wd" and d.when is not None and not (
                _WEEKDAY_MODES.intersection(d.text.lower().split())
            ):
                told = next((
                    w for w in reversed(self._told_days)
                    if w.start == w.end and w.start.weekday() == d.when.start.weekday()
                ), None)
                if told is not None:
                    d = replace(d, when=told)
            out.append(d)
        return out

    def in_the_day(self, dates: list[DateMention]) -> list[DateMention]:
        """ "earlier in the day", "later in the day": the story's latest day (the day its
        acts happened: "Iraq on Wednesday summoned ..." then "strikes that killed nine tourists
        earlier in the day"), which is the day of publication until the text tells a day."""
        if self.last_day is None or not any(map(_in_the_day, dates)):
            return dates
        return [replace(d, when=self.last_day) if _in_the_day(d) else d for d in dates]

    def date_untimed(self, found: list[ExtractedEvent], unresolved: bool) -> None:
        """An act told without a time happened on the story's latest day; so were a threat, an
        offer or a pledge made ("dated by when it was made"). A plan of a meeting, call or
        talks keeps no time but the one set for it. Not after a time that could not be read."""
        threats, self._threats = self._threats, []
        if self._ahead is not None and threats:
            told = {e.type for e in found}
            for event in threats:
                if event.when is None and event.type not in told:
                    # "Trump says he will sign an order imposing a 25 per cent tariff." then
                    # "... the duties will be among his actions on his first day back in the
                    # White House in January": the time set for the threatened act
                    event.when = self._ahead
        if unresolved or self.last_day is None or not found:
            return  # (no act told: nothing to date, no occasion to remember)
        told = [e for e in found if e.when is not None]
        for event in found:
            if event.when is not None:
                continue
            if event.status == "threatened":
                self._threats.append(event)
            day = self._occasion_of(event) or (
                self._prev_after if _acting_persons(event) else None
            ) or self.last_day
            if event.status == "occurred" and self._prev_frame is not None and (
                narrated_in_past(event)
            ):
                # "In March last year, Forum countries responded to Vanuatu's needs." then "Fiji
                # provided military and medical support": the past the story went back to
                event.when = self._prev_frame
            elif event.status == "occurred" or _lifted(event):
                # An act of the lead told without its day is told again below with it.
                event.when, event.when_inferred = day, self.sentences <= _LEAD
                if not self._told_day:
                    self._undated_lead.append(event)
                if event.days_ending and self.last_day.precision == "day":
                    # "announced the agreement after three days of talks": the talks ended
                    # on the story's day
                    event.when = days_up_to(self.last_day, event.days_ending, True)
            elif event.status in _MADE_STATUSES and not keeps_set_time(event.type, event.status):
                # Only at the end: the offer told again later with the time set for the act
                # ("will resume talks next week") is merged with it and gives it that time.
                self._made.append((event, day))
        self._remember_occasions(told)

    def _occasion_of(self, event: ExtractedEvent) -> When | None:
        """The day of the occasion an untimed act continues: "On Thursday, Kouchner told
        Xinhua ..." then "'We are also ready to send specialists,' Kouchner said": a person who
        acted on a day told in the last sentences acts again on that day."""
        names = _acting_persons(event)
        if not names:
            return None
        day = next((
            day for number, persons, day in reversed(self._occasions)
            if self.sentences - number <= _OCCASION_REACH and not persons.isdisjoint(names)
        ), None)
        if day is not None and day.start != day.end and event.type not in SET_TIME_TYPES:
            # "ending a three-day visit on Friday" then "Carney's comments after signing the
            # deal": a meeting during the visit spans its days; one act is on a day of them
            # that the text does not tell
            return None
        return day

    def _remember_occasions(self, told: list[ExtractedEvent]) -> None:
        for event in told:
            when = event.when
            if (
                when is None or event.when_inferred or when.precision != "day"
                or event.status not in _OCCASION_STATUSES or not self._near(when)
                or (self.published is not None and when.start > self.published)
            ):
                continue
            names = _acting_persons(event)
            if names:
                self._occasions.append((self.sentences, names, when))
        del self._occasions[:-_OCCASIONS_KEPT]

    def finish(self) -> None:
        """Threats, offers and pledges that no later sentence timed: the day they were made."""
        for event, day in self._made:
            if event.when is None:
                event.when = day
        self._made.clear()

    def _near(self, when: When) -> bool:
        return self.published is None or abs((when.start - self.published).days) <= _STORY_REACH


_TOLD_DAYS_KEPT = 6
_QUOTED_REACH = 3  # days before publication the story's day may lie for quotes to be of it


def _quoted(text: str, at: int) -> bool:
    """Whether offset ``at`` of a sentence stands inside double quotation marks."""
    before = text[:at]
    opened = before.count("“") - before.count("”")
    return opened > 0 or (opened == 0 and before.count('"') % 2 == 1)

_FRONTED = 3  # characters: a time that opens its sentence ("In March last year, ...")
_NOT_NARRATED = frozenset({
    "has", "have", "is", "are", "am", "says", "say", "will", "would", "'s", "now", "currently",
})
_NARRATED_REACH = 6  # words before the trigger looked at for its auxiliary
_PAST_FORMS = lexicon.words("verb_forms")
_PAST_FORM = re.compile(r"\b(?:was|were|had|did|[a-z]{2,}ed)\b")


def narrated_in_past(event: ExtractedEvent) -> bool:
    """Is the act told in the simple past ("Fiji provided support", "US air strikes killed 24
    soldiers"), not in a present or perfect tense of the news ("has recalled", "is sending")?"""
    before = event.evidence[: event.trigger_offset].lower().split()[-_NARRATED_REACH:]
    if not _NOT_NARRATED.isdisjoint(before):
        return False
    words = event.evidence.lower().split()
    return not _PAST_FORMS.isdisjoint(words) or _PAST_FORM.search(event.evidence) is not None


# Sentences after an act told with its day within which an untimed act of the same person is
# of the same occasion, and how many such acts are remembered.
_OCCASION_REACH = 2
_OCCASIONS_KEPT = 4
_OCCASION_STATUSES = frozenset({"occurred", "threatened", "proposed"})


def _acting_persons(event: ExtractedEvent) -> frozenset[str]:
    """The persons who act in an event (its initiators or participants, not its targets)."""
    return frozenset(
        a.name for a in event.actors if a.kind == "person" and a.role != "target"
    )


# Days from publication within which a day told can be the story's: a weekly tells the day
# of the conference it reports a week and more before it appears.
_STORY_REACH = 10

_DAY_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9,
               "10": 10}
_ORDINAL_DAYS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
                 "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10}
_ENDING_WORDS = frozenset(_CUES["ending_words"])
# "after" and "following" end an act only before its noun ("following a three-day visit")
_ENDING_VERBS = _ENDING_WORDS - {"after", "following"}
_LENGTH_REACH = 4  # words before the act noun: "a historic three-day state visit"
_ENDING_REACH = 16  # words after it looked at for the verb that ends it (bounded)


def length_of_act(lows: list[str], tok: int) -> tuple[int, bool] | None:
    """How many days the act whose trigger starts at token ``tok`` lasts ("a three-day visit",
    "after eight days of talks"), and whether the day it is dated by is its last ("ended a
    three-day visit on Friday", "following a three-day visit"); None when the text does not
    say."""
    days = None
    for word in lows[max(0, tok - _LENGTH_REACH) : tok]:
        count, _, unit = word.partition("-")
        if unit == "day" and count in _DAY_COUNTS:
            days = _DAY_COUNTS[count]
    if days is None and tok >= 3 and lows[tok - 2 : tok] == ["days", "of"]:
        days = _DAY_COUNTS.get(lows[tok - 3])  # "after eight days of talks"
    if days is None and "day" in lows[max(0, tok - _LENGTH_REACH - 1) : tok]:
        # "announced on the third day of intense negotiations": the act has gone on so many
        # days up to the day it is dated by
        at = max(0, tok - _LENGTH_REACH - 1)
        for k in range(at + 1, tok - 1):
            if lows[k] == "day" and lows[k + 1] == "of" and lows[k - 1] in _ORDINAL_DAYS:
                return _ORDINAL_DAYS[lows[k - 1]], True
    if days is None:
        return None
    # the verb that ends it may follow the act's parties: "Four-day negotiations between
    # Armenian Foreign Minister Ararat Mirzoyan and his Azerbaijani counterpart ... ended"
    # "following a three-day visit" ends it; "arrived on Thursday on a four-day visit ...,
    # after assuming office": an "after" past the act noun is another clause's
    before = lows[max(0, tok - _LENGTH_REACH - 3) : tok]
    after = lows[tok : tok + _ENDING_REACH]
    return days, not _ENDING_WORDS.isdisjoint(before) or not _ENDING_VERBS.isdisjoint(after)


def days_of_act(lows: list[str], tok: int, when: When | None) -> When | None:
    """The days an act of several days covers ("a three-day visit"): from the day told when it
    begins then, back to its first day when the day told is its last ("ended a three-day
    visit on Friday", "following a three-day visit"). Other times are kept as told."""
    if when is None or when.precision != "day" or when.start != when.end:
        return when
    length = length_of_act(lows, tok)
    if length is None:
        return when
    return days_up_to(when, *length)


def days_up_to(when: When, days: int, ending: bool) -> When:
    """The ``days`` days that begin on ``when``'s day, or end on it when ``ending``."""
    if not ending:
        end = shift_days(when.start, days - 1)
        return When(when.start, end, "day") if end else when
    start = shift_days(when.start, 1 - days)
    return When(start, when.start, "day") if start else when
