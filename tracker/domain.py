"""The vocabulary of docs/events.md and the time range every layer shares."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Protocol

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
# where an article's publication date came from: given by the user (--published, set-date),
# read from the text (dateline, front matter, "Published:" line), or none found
DATE_SOURCES: tuple[str, ...] = ("given", "text", "none")

# The timeline day of an event that has no time of its own and no dated article to place it
# by. The timeline orders and pages by (timeline_date, id) on one index; this last possible
# day keeps that order and puts undated events after all dated ones (their own section),
# instead of at the day they happened to be ingested. Never shown: see is_undated().
UNDATED = dt.date.max


def utcnow() -> dt.datetime:
    """Now, as the database records times: naive UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def is_undated(timeline_date: dt.date | None) -> bool:
    return timeline_date is None or timeline_date >= UNDATED


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


# Which way a time named without its year ("March", "Friday", "Q1") is read from today:
# toward the future for what is planned, toward the past for what happened, else the closest.
DIRECTIONS: tuple[str, ...] = ("forward", "backward", "nearest")
_DIRECTION_BY_STATUS = {
    "proposed": "forward",
    "planned": "forward",
    "threatened": "forward",
    "postponed": "forward",  # its time is the new, later one
    "occurred": "backward",
    "cancelled": "nearest",  # called off before or after its planned time
}


def direction_for_status(status: str) -> str:
    """The reading direction for an event's time, given its status."""
    return _DIRECTION_BY_STATUS.get(status, "nearest")


def future_occurrence(status: str, when: When | None, today: dt.date) -> str | None:
    """Why a person may not record ``status`` at ``when`` (an occurred event whose time starts
    after today), or None. Extraction does not ask: an article's claims are kept as told."""
    if status != "occurred" or when is None or when.start <= today:
        return None
    return (
        f"an event cannot have occurred in the future ({when.label()} is after today, "
        f"{day_label(today)}): keep it planned and mark it occurred once it has"
    )


def future_publication(day: dt.date, today: dt.date) -> str | None:
    """Why a person may not give an article the publication date ``day`` (after today), or
    None: its events would be read against a day that has not come."""
    if day <= today:
        return None
    return (
        f"an article cannot have been published in the future ({day_label(day)} is after "
        f"today, {day_label(today)})"
    )


# English names, not the locale's (strftime's %a/%b follow LC_TIME)
_WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_ABBR = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)
_SEASON_BY_START = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}


@dataclass(frozen=True)
class When:
    """A time range with the precision the source gave it.

    A range narrower than its precision's unit says which part: a "month" from the 1st to the
    10th is "early Mar 2027", a "quarter" from March to May is "spring 2027", a "year" from
    January to April is "early 2027".
    """

    start: dt.date
    end: dt.date
    precision: str

    def to_json(self) -> dict[str, str]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
        }

    def label(self, weekday: bool = True) -> str:
        """How people read it, with the weekday of a day: "Fri 4 Dec 2026",
        "week of Mon 7 Dec 2026", "early Mar 2027", "Mar 2027", "Q1 2027", "spring 2027",
        "~2027". ``weekday=False`` only where a column is too narrow for it."""
        s, e = self.start, self.end
        if self.precision == "day":
            return day_label(s, weekday)
        if self.precision == "week":
            return f"week of {day_label(s, weekday)}"
        if self.precision == "month":
            month = f"{_MONTH_ABBR[s.month - 1]} {s.year}"
            part = _month_part(s, e)
            return f"{part} {month}" if part else month
        if self.precision == "quarter":
            season = _SEASON_BY_START.get(s.month)
            if season == "winter":
                return f"winter {s.year}/{(s.year + 1) % 100:02d}"
            if season:
                return f"{season} {s.year}"
            return f"Q{(s.month - 1) // 3 + 1} {s.year}"
        part = _year_part(s, e)
        return f"{part} {s.year}" if part else f"~{s.year}"


def _month_part(start: dt.date, end: dt.date) -> str:
    if start.month != end.month or start.year != end.year:
        return ""
    if start.day == 1 and end.day == 10:
        return "early"
    if start.day == 11 and end.day == 20:
        return "mid"
    if start.day == 21 and end.day >= 28:
        return "late"
    return ""


def _year_part(start: dt.date, end: dt.date) -> str:
    if start.year != end.year or start.day != 1:
        return ""
    return {(1, 4): "early", (5, 8): "mid", (9, 12): "late"}.get((start.month, end.month), "")


def day_label(day: dt.date, weekday: bool = True) -> str:
    """One day as every screen and command shows it: "Fri 4 Dec 2026"."""
    text = f"{day.day} {_MONTH_ABBR[day.month - 1]} {day.year}"
    return f"{_WEEKDAY_ABBR[day.weekday()]} {text}" if weekday else text


def clean(text: str | None, *, one_line: bool = True) -> str:
    """Untrusted text made safe to draw: see tracker.text_safety (escape sequences, control
    and bidi characters removed; optionally one line)."""
    from tracker.text_safety import clean as clean_text

    return clean_text(text, one_line=one_line)


def without_diacritics(text: str) -> str:
    """The text with its accents dropped: "Erdoğan" -> "Erdogan", "Türkiye" -> "Turkiye"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_for_search(text: str) -> str:
    """Text as search stores and matches it on every backend: accents dropped and case folded
    ("António" and "antonio" are one word; SQLite's FTS does the same by itself)."""
    return without_diacritics(text).casefold()


def effective_label(day: dt.date | None, precision: str | None) -> str:
    """When a status change took effect, with its precision: "Tue 1 Dec 2026", "Mar 2027"."""
    if day is None:
        return "time unknown"
    return When(day, day, precision or "day").label()


def when_label(when: When | None, timeline_date: dt.date, weekday: bool = True) -> str:
    """An event's time as people read it; undated events say where the timeline put them."""
    if when is None:
        if is_undated(timeline_date):
            return "undated: no date found"
        return f"date unknown — reported {day_label(timeline_date, weekday)}"
    return when.label(weekday)


# Views of an event and its status changes, read from any object with their columns (the
# ORM's rows, or the fast read path's records): no SQLAlchemy needed to show an event.


class EventLike(Protocol):
    when_start: dt.date | None
    when_end: dt.date | None
    precision: str | None


class StatusChangeLike(Protocol):
    id: int | None
    from_status: str | None
    to_status: str
    effective_at: dt.date | None
    effective_precision: str | None
    recorded_at: dt.datetime
    previous_when_start: dt.date | None
    previous_when_end: dt.date | None
    previous_precision: str | None


def event_when(event: EventLike) -> When | None:
    if event.when_start is None or event.precision is None:
        return None
    return When(event.when_start, event.when_end or event.when_start, event.precision)


def history_order(change: StatusChangeLike) -> tuple:
    """Changes in world order: undated first, then by effective time, then as recorded."""
    effective = change.effective_at
    return (effective is not None, effective or dt.date.min, change.recorded_at, change.id or 0)


def previous_when(change: StatusChangeLike) -> When | None:
    """The event's time that ``change`` moved away from, if it moved it."""
    if change.previous_when_start is None or change.previous_precision is None:
        return None
    end = change.previous_when_end or change.previous_when_start
    return When(change.previous_when_start, end, change.previous_precision)


def moved_text(change: StatusChangeLike) -> str | None:
    """"planned for Tue 8 Dec 2026, occurred Wed 2 Dec 2026" for a change that moved the
    event's time; None otherwise."""
    before = previous_when(change)
    if before is None:
        return None
    happened = effective_label(change.effective_at, change.effective_precision)
    return f"{change.from_status or 'planned'} for {before.label()}, {change.to_status} {happened}"


# The rules of changing an event, as plain functions of its values: the ORM services
# (tracker.services.events) and the CLI's fast write path (tracker.services.writing) both
# apply them, so each rule is written once.


@dataclass(frozen=True)
class StatusTime:
    """What a status change does to time: when it took effect, and whether it moves the
    event's own time (from ``moved_from`` to ``effective``)."""

    effective: When
    moved_from: When | None = None
    moves: bool = False


def plan_status_time(
    status: str,
    current: When | None,
    at: When | None,
    today: dt.date,
    *,
    keep_time: bool = False,
) -> StatusTime:
    """The time rules of a status change typed by a person (the CLI and the TUI preview use it).

    - It takes effect at ``at``, else today; an event marked occurred without ``at`` whose time
      has come occurred at that time.
    - "occurred" at a time that starts after today is refused (TrackerError): record the event
      as planned, and mark it occurred once it has.
    - "occurred" at a time other than the event's moves the event there (the change keeps the
      old time), unless ``keep_time``, or ``at`` only widens the known time ("March" for an
      event of 5 March).
    """
    status = check_status(status)
    today_when = When(today, today, "day")
    if status != "occurred":
        return StatusTime(at or today_when)
    given = at is not None
    if at is None:
        came = current is not None and current.start <= today
        at = current if came and current is not None else today_when
    if current is not None and at.label() == current.label():
        # the event's own time as shown ("Tue 17 Feb 2026" for an event an article gave 17-19
        # Feb, the status form's default): that time, not a move to a narrower one
        at = current
    refused = future_occurrence(status, at, today)
    if refused:
        raise TrackerError(refused)
    if keep_time or at == current or (current is None and not given):
        return StatusTime(at)  # no guess: an undated event stays undated without a time given
    if current is not None and at.start <= current.start and current.end <= at.end:
        return StatusTime(at)  # "occurred in March" for an event of 5 March: keep the day
    return StatusTime(at, moved_from=current, moves=True)


def status_change_values(
    from_status: str | None,
    to_status: str,
    at: When | None,
    note: str | None,
    moved_from: When | None = None,
    recorded_at: dt.datetime | None = None,
) -> dict[str, object]:
    """The columns of a status change: the status it left and reached, when it took effect
    (None: unknown, it sorts before every dated change) and the time it moved the event
    away from."""
    return {
        "from_status": from_status,
        "to_status": to_status,
        "effective_at": at.start if at else None,
        "effective_precision": at.precision if at else None,
        "note": note,
        "recorded_at": recorded_at or utcnow(),
        "previous_when_start": moved_from.start if moved_from else None,
        "previous_when_end": moved_from.end if moved_from else None,
        "previous_precision": moved_from.precision if moved_from else None,
    }


def current_status(history: list[StatusChangeLike]) -> str:
    """An event's status: that of its latest change by effective time (history_order)."""
    return max(history, key=history_order).to_status


def when_values(
    when: When | None, fallback: dt.date | None, timeline_date: dt.date | None
) -> dict[str, object]:
    """An event's time columns for ``when`` (None: no time known): the timeline places it at
    its start, else at ``fallback``, else where it was (``timeline_date``), else today."""
    if when:
        placed = when.start
    elif fallback is not None:
        placed = fallback
    else:
        placed = timeline_date if timeline_date is not None else dt.date.today()
    return {
        "when_start": when.start if when else None,
        "when_end": when.end if when else None,
        "precision": when.precision if when else None,
        "timeline_date": placed,
    }


SEARCH_TEXT_LIMIT = 4000


def search_text(
    title: str, actor_names: list[str], notes: str | None, sentences: list[str]
) -> str:
    """What free-text search sees: title, actors, notes and the evidence sentences."""
    parts = [title, *actor_names, notes or "", *sentences]
    return fold_for_search(" ".join(p for p in parts if p))[:SEARCH_TEXT_LIMIT]


def concurrent_change(event_id: int) -> TrackerError:
    """The error of a write that lost a race with another writer of the same event."""
    from tracker.errors import ConflictError

    return ConflictError(
        f"event {event_id} was changed by someone else at the same time; "
        "nothing was written, reload it and try again"
    )


@dataclass(frozen=True)
class ActorRole:
    name: str
    role: str = "participant"
    kind: str = "person"
    country: str | None = None
    # typed by hand: create this name as a new actor if no actor is known by it
    new: bool = False


def parse_actor_role(spec: str) -> ActorRole:
    """'Donald Trump:initiator' -> ActorRole; the role defaults to participant."""
    name, _, role = spec.rpartition(":") if ":" in spec else (spec, "", "")
    role = role.strip() or "participant"
    if not name.strip():
        raise TrackerError(f"actor {spec!r} has no name")
    return ActorRole(name.strip(), check_role(role))


_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """The case-insensitive key under which an actor's name or alias is unique."""
    return _SPACES.sub(" ", name.replace("\u2019", "'")).strip().casefold()


def name_variants(name: str) -> list[str]:
    """The keys a name may be known by: as written, with or without "the", and without
    diacritics ("Recep Tayyip Erdoğan" finds an actor stored as "Recep Tayyip Erdogan")."""
    key = name_key(name)
    bare = key.removeprefix("the ")
    variants = [key, bare, f"the {bare}"]
    folded = fold_for_search(bare)
    if folded != bare:
        variants += [folded, f"the {folded}"]
    return list(dict.fromkeys(variants))


TITLE_LIMIT = 500  # characters, as the column holds


def check_title(title: str) -> str:
    """A title a person typed, without its outer spaces; one longer than the column holds is
    refused (never cut without a word). Empty is left to the caller (made, or refused)."""
    title = title.strip()
    if len(title) > TITLE_LIMIT:
        raise TrackerError(
            f"a title is at most {TITLE_LIMIT} characters (this one has {len(title)})"
        )
    return title


def title_for(event_type: str, actors: list[ActorRole]) -> str:
    """The title of an event entered without one, of the kind extraction gives: "Trump–Putin
    phone call" (``actors`` with their canonical names)."""
    from tracker.extract.titles import event_title
    from tracker.extract.types import ExtractedActor

    return event_title(
        event_type, [ExtractedActor(a.name, a.role, a.kind, a.country) for a in actors]
    )
