"""`A`: the analyst's agenda — overdue follow-ups, due today, upcoming by day — and `C`: what
changed since the last look. Both are lists of events: Enter opens one, Esc goes back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from tracker.db.models import Event
from tracker.domain import clean, day_label, when_label
from tracker.errors import TrackerError
from tracker.services.events import event_when
from tracker.tui.styled import STATUS_STYLES, Line


@dataclass(frozen=True)
class ListedEvent:
    """One event as the agenda and changes lists show it (plain data, read in a worker)."""

    id: int
    when: str
    approximate: bool
    type: str
    status: str
    actors: str
    title: str
    source: str  # where its status came from, or what moved


@dataclass(frozen=True)
class Section:
    title: str
    events: tuple[ListedEvent, ...]
    note: str = ""  # e.g. "showing 500 of 812"


def listed(event: Event, source: str) -> ListedEvent:
    when = event_when(event)
    roles: dict[str, list[str]] = {}
    for p in event.participations:
        roles.setdefault(p.role, []).append(p.actor.name)
    initiators, targets = roles.get("initiator", []), roles.get("target", [])
    others = roles.get("participant", [])
    if initiators or targets:
        actors = f"{', '.join(initiators)} → {', '.join(targets)}".strip()
        actors += f" · {', '.join(others)}" if others else ""
    else:
        actors = ", ".join(others)
    return ListedEvent(
        id=event.id,
        when=when_label(when, event.timeline_date),
        approximate=when is not None and when.precision != "day",
        type=event.type,
        status=event.status,
        actors=actors,
        title=event.title,
        source=source,
    )


def event_prompt(item: ListedEvent) -> Content:
    """Time, type, status and title; then, indented, the actors and the source (muted)."""
    text = Line()
    when = ("≈ " if item.approximate else "") + item.when
    text.append(f"{when:<24} ", "bold" if not item.approximate else "italic")
    text.append(f"{item.type:<9} ", "$text-secondary")
    text.append(f" {item.status} ", f"reverse {STATUS_STYLES.get(item.status, '')}")
    text.append(" ")
    text.append(clean(item.title), "bold")
    details = [clean(part) for part in (item.actors, item.source) if part]
    if details:
        text.append("\n    " + "  ·  ".join(details), "$text-muted")
    return text.content()


class EventListScreen(Screen[None]):
    """Sections of events read by ``load`` in a worker; Enter opens the event under the cursor."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("r", "reload", "Reload"),
    ]

    VIEW_NAME = ""
    EMPTY = "Nothing here."

    def __init__(self, engine: Engine, today: Callable[[], dt.date]) -> None:
        super().__init__()
        self.engine = engine
        self._today = today
        self.sections: list[Section] | None = None
        self.stale = False  # an event was written while this view was covered

    def compose(self) -> ComposeResult:
        yield Header(icon="◷")
        yield Static("reading…", id="list-summary", markup=False)
        yield OptionList(id="event-list")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.VIEW_NAME
        self.query_one(OptionList).focus()
        self.action_reload()

    def load(self, session: Session) -> tuple[str, list[Section]]:
        raise NotImplementedError

    def on_screen_resume(self) -> None:
        """Back from an event changed meanwhile (marked occurred, postponed...): the list shows
        it as it is now, the cursor staying on the same event."""
        if self.stale:
            self.stale = False
            self.action_reload()

    def action_reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="event-list", exit_on_error=False)
    def _load(self) -> None:
        try:
            with Session(self.engine) as session:
                summary, sections = self.load(session)
        except TrackerError as exc:
            self.app.call_from_thread(self._show, f"could not read: {exc}", [])
            return
        self.app.call_from_thread(self._show, summary, sections)

    def _show(self, summary: str, sections: list[Section]) -> None:
        self.sections = sections
        self.query_one("#list-summary", Static).update(summary)
        options = self.query_one(OptionList)
        was = options.highlighted
        was_id = options.get_option_at_index(was).id if was is not None else None
        options.clear_options()
        items: list[Option | None] = []
        for section in sections:
            heading = Line(section.title, "bold $text-accent")
            if section.note:
                heading.append(f"  {section.note}", "$text-muted")
            items.append(Option(heading.content(), disabled=True))
            if not section.events:
                items.append(Option(Line("  none", "italic $text-muted").content(), disabled=True))
            for item in section.events:
                items.append(Option(event_prompt(item), id=f"event-{item.id}-{len(items)}"))
        if not sections:
            items.append(Option(Line(self.EMPTY, "italic").content(), disabled=True))
        options.add_options(items)
        selectable = [i for i, o in enumerate(items) if o is not None and not o.disabled]
        if not selectable:
            return
        if was is None:  # a first load: the first event
            options.highlighted = selectable[0]
            return
        # a reload: the same event if it is still listed, else the one now at its place
        same = was_id.rsplit("-", 1)[0] + "-" if was_id else None
        options.highlighted = next(
            (i for i in selectable if same and (items[i].id or "").startswith(same)),
            next((i for i in selectable if i >= was), selectable[-1]),
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("event-"):
            self.app.open_event(int(option_id.split("-")[1]))  # type: ignore[attr-defined]

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()


class AgendaScreen(EventListScreen):
    """Overdue (the follow-up list), due today, then upcoming day by day."""

    VIEW_NAME = "agenda"
    DAYS = 14

    def load(self, session: Session) -> tuple[str, list[Section]]:
        from tracker.services.agenda import agenda

        today = self._today()
        found = agenda(session, today, self.DAYS)

        def items(agenda_items) -> tuple[ListedEvent, ...]:
            return tuple(listed(i.event, i.source) for i in agenda_items)

        overdue_note = (
            f"showing {len(found.overdue)} of {found.overdue_total}"
            if found.overdue_total > len(found.overdue)
            else f"{found.overdue_total}"
        )
        sections = [
            Section(
                "Overdue: planned, time passed, no news since (follow up)",
                items(found.overdue),
                overdue_note,
            ),
            Section(f"Due today · {day_label(today)}", items(found.due), str(len(found.due))),
        ]
        for day, day_items in found.upcoming:
            sections.append(Section(day_label(day), items(day_items)))
        sections.append(
            Section(
                "No known time yet: reported in the last 90 days, or undated (follow up)",
                items(found.untimed),
                str(len(found.untimed)),
            )
        )
        upcoming = sum(len(i) for _, i in found.upcoming)
        summary = (
            f" {found.overdue_total} overdue · {len(found.due)} due today · {upcoming} coming "
            f"in the next {self.DAYS} days · {len(found.untimed)} with no known time "
            "(planned, proposed, threatened) · ≈ an approximate time, listed at the start of "
            "its period"
        )
        return summary, sections


class ChangesScreen(EventListScreen):
    """New events and status moves since the mark; opening the view moves the mark."""

    VIEW_NAME = "changes"
    EMPTY = "Nothing changed since you last looked."

    def __init__(
        self, engine: Engine, today: Callable[[], dt.date], since: dt.datetime | None = None
    ) -> None:
        super().__init__(engine, today)
        self.since = since  # None: the user's mark in the database
        self._window: tuple[dt.datetime | None, dt.datetime] | None = None  # (mark, since)

    def load(self, session: Session) -> tuple[str, list[Section]]:
        from tracker.db.models import utcnow
        from tracker.services.agenda import status_source
        from tracker.services.changes import changes_since, database_user, last_seen, mark_seen

        user = database_user(session)
        now = utcnow()
        if self._window is None:  # a reload lists the same span again, not just since now
            mark = self.since or last_seen(session, user)
            self._window = (mark, mark or now - dt.timedelta(days=7))
        mark, since = self._window
        found = changes_since(session, since)
        new = tuple(
            listed(e, f"new · recorded {e.created_at:%d %b %Y %H:%M}") for e in found.new_events
        )
        moves = tuple(
            listed(
                c.event,
                f"{c.from_status or 'new'} → {c.to_status} · recorded "
                f"{c.recorded_at:%d %b %Y %H:%M} · {status_source(c)}",
            )
            for c in found.moves
        )
        mark_seen(session, user, now)
        described = (
            f"since you last looked ({since:%d %b %Y %H:%M} UTC)"
            if mark
            else "in the last 7 days (first look)"
        )
        summary = (
            f" Changes {described}: {len(new)} new events, {len(moves)} status moves"
            + (" (the first 1,000 of each)" if found.truncated else "")
            + f" · mark moved to now for {user}"
        )
        return summary, [
            Section("New events", new, str(len(new))),
            Section("Status moves", moves, str(len(moves))),
        ]
