"""The vocabulary of docs/events.md and the time range every layer shares."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from tracker.errors import TrackerError

EVENT_TYPES: tuple[str, ...] = (
    "call",
    "meeting",
    "talks",
    "agreement",
    "proposal",
    "demand",
    "criticism",
    "support",
    "rejection",
    "sanctions",
    "aid",
    "military",
)
STATUSES: tuple[str, ...] = (
    "proposed",
    "planned",
    "threatened",
    "occurred",
    "postponed",
    "cancelled",
)
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
ROLES: tuple[str, ...] = ("initiator", "target", "participant")
ACTOR_KINDS: tuple[str, ...] = ("person", "state", "organisation", "group")
ORIGINS: tuple[str, ...] = ("extracted", "manual")


def _check(value: str, allowed: tuple[str, ...], what: str) -> str:
    normalised = value.strip().lower()
    if normalised not in allowed:
        raise TrackerError(f"unknown {what} {value!r}; expected one of: {', '.join(allowed)}")
    return normalised


def check_type(value: str) -> str:
    return _check(value, EVENT_TYPES, "event type")


def check_status(value: str) -> str:
    return _check(value, STATUSES, "status")


def check_role(value: str) -> str:
    return _check(value, ROLES, "role")


def check_kind(value: str) -> str:
    if value.strip().lower() == "organization":
        return "organisation"
    return _check(value, ACTOR_KINDS, "actor kind")


@dataclass(frozen=True)
class When:
    """A time range with the precision the source gave it."""

    start: dt.date
    end: dt.date
    precision: str

    def to_json(self) -> dict[str, str]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
        }

    def label(self) -> str:
        """Human form that shows the precision: "12 Feb 2025", "Feb 2025", "~2025"."""
        s = self.start
        if self.precision == "day":
            return f"{s.day} {s:%b %Y}"
        if self.precision == "week":
            return f"week of {s.day} {s:%b %Y}"
        if self.precision == "month":
            return f"{s:%b %Y}"
        if self.precision == "quarter":
            return f"Q{(s.month - 1) // 3 + 1} {s.year}"
        return f"~{s.year}"


def day_label(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


# C0 and C1 control characters (ESC included): never let them reach the terminal
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[\t\n\r]+")


def clean(text: str | None, *, one_line: bool = True) -> str:
    """Untrusted text made safe to draw: control characters removed, optionally one line."""
    if not text:
        return ""
    if one_line:
        text = _SPACES.sub(" ", text)
    return _CONTROL.sub("", text)


def fold_for_search(text: str) -> str:
    """Text as search stores and matches it on every backend: accents dropped and case folded
    ("António" and "antonio" are one word; SQLite's FTS does the same by itself)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def when_label(when: When | None, timeline_date: dt.date) -> str:
    """An event's time as people read it; undated events say where the timeline put them."""
    if when is None:
        return f"date unknown — reported {day_label(timeline_date)}"
    return when.label()
