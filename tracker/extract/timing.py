"""Layer 6: time attachment. Which of a sentence's time expressions an event takes.

The expressions are found and resolved by ``dates`` (``find_dates``); here they are attached:
a plan takes the first time told after its trigger when it is close ("will meet on Friday"),
anything else the nearest anchored time on either side; "on the same day" takes the time told
before. An act told without a time takes the story's latest day when it happened (see
``StoryClock``). Lookups are by bisection, so many times and triggers in one sentence stay linear.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass

from tracker.domain import When
from tracker.extract.dates import DateMention
from tracker.extract.tokens import Token

# A plan's time follows its trigger closely: "will meet in Geneva on June 16".
_PLAN_REACH = 80  # characters


class SentenceTimes:
    """The anchored time expressions of one sentence, in order."""

    __slots__ = ("anchored", "_starts")

    def __init__(self, dates: list[DateMention]):
        self.anchored = [d for d in dates if d.anchor and (d.when or d.same_as_before)]
        self._starts = [d.start for d in self.anchored]

    def when_for(
        self, tokens: list[Token], tok: int, tok_end: int, status: str, last_when: When | None
    ) -> When | None:
        """The time of the event whose trigger spans tokens [tok, tok_end)."""
        anchored = self.anchored
        if not anchored:
            return None
        pos_start, pos_end = tokens[tok].start, tokens[tok_end - 1].end
        k = bisect_left(self._starts, pos_end)
        if status != "occurred" and k < len(anchored) and anchored[k].start - pos_end < _PLAN_REACH:
            return last_when if anchored[k].same_as_before else anchored[k].when
        # The nearest expression on either side (expressions do not overlap, so it is one of
        # the few around the trigger); ties go to the earlier one.
        lo, hi = max(0, k - 2), min(len(anchored), k + 2)
        best = min(
            anchored[lo:hi], key=lambda d: min(abs(d.start - pos_end), abs(pos_start - d.end))
        )
        return last_when if best.same_as_before else best.when


@dataclass
class StoryClock:
    """What the article has told about time so far, from sentence to sentence."""

    published: dt.date | None
    last_when: When | None = None  # the latest anchored time: "on the same day" refers to it
    last_day: When | None = None  # the latest day near publication: untimed acts happened then

    def advance(self, dates: list[DateMention]) -> bool:
        """Take a sentence's times in; True when it told a time that could not be resolved."""
        anchored = [d.when for d in dates if d.when and d.anchor]
        unresolved = any(d.when is None and not d.same_as_before for d in dates)
        if anchored:
            self.last_when = anchored[-1]
        recent = [w for w in anchored if w.precision == "day" and self._near(w)]
        if recent:
            self.last_day = recent[-1]
        return unresolved

    def _near(self, when: When) -> bool:
        return self.published is None or abs((when.start - self.published).days) <= 7
