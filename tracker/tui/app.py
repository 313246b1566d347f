"""The tracker's terminal UI: the timeline, its filters, details and forms.

`tracker` (no arguments) and `tracker ui` call ``run(engine)``.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Select, Static

from tracker.db.session import unit_of_work
from tracker.domain import When
from tracker.errors import ConflictError, NotFoundError, TrackerError
from tracker.services import articles as article_service
from tracker.services import events as event_service
from tracker.services import undo as undo_service
from tracker.services.timeline import EventDetails, event_details
from tracker.tui.commands import ActorCommands, EventCommands
from tracker.tui.conflict import StaleEventError
from tracker.tui.screens.agenda import AgendaScreen, ChangesScreen, EventListScreen
from tracker.tui.screens.article_date import ArticleChoice, ArticleDateForm
from tracker.tui.screens.confirm import ConfirmScreen
from tracker.tui.screens.details import DetailsScreen
from tracker.tui.screens.event_form import EventForm, EventFormValues
from tracker.tui.screens.export import ExportScreen
from tracker.tui.screens.goto import GoToDateScreen
from tracker.tui.screens.ingest import IngestScreen
from tracker.tui.screens.keys import KeysScreen, sections_from
from tracker.tui.screens.status_form import StatusForm, StatusFormValues
from tracker.tui.widgets.filter_bar import FilterBar
from tracker.tui.widgets.timeline import TimelineView

Today = dt.date | Callable[[], dt.date] | None


@dataclass(frozen=True)
class Undo:
    """One write of this session that `u` can take back."""

    kind: str  # "edit", "status" or "delete"
    event_id: int
    version: int  # the event's version right after the write ("delete": before it)
    before: EventDetails | None = None  # edit: the event as it was
    status: str = ""  # status: the status it had, and when the change took effect
    at: When | None = None
    moved_from: When | None = None  # status: the time the change moved the event away from
    snapshot: undo_service.EventSnapshot | None = None  # delete: everything to put back

    @property
    def label(self) -> str:
        return {"edit": "edit", "status": "status change", "delete": "delete"}[self.kind]


class TrackerApp(App[None]):
    """Keyboard-driven: the footer shows the main keys, ? all of them."""

    CSS_PATH = "tracker.tcss"
    TITLE = "tracker"
    AUTO_FOCUS = "#timeline"  # keys typed while starting go to the timeline, not a filter
    COMMANDS = App.COMMANDS | {ActorCommands, EventCommands}

    def notify(self, message: str, *, title: str = "", **kwargs) -> None:
        """Notifications quote names, titles and error messages: plain text, and nothing a
        terminal would act on (escape sequences, control or bidi characters)."""
        from tracker.text_safety import clean

        kwargs["markup"] = False
        super().notify(clean(message, one_line=False), title=clean(title), **kwargs)

    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("s", "status", "Status"),
        Binding("d", "delete", "Delete"),
        Binding("m", "merge", "Merge", show=False),
        Binding("slash", "focus_filter('filter-text')", "Search"),
        Binding("f", "focus_filter('filter-actor')", "Actor"),
        Binding("t", "focus_filter('filter-type')", "Type", show=False),
        Binding("S", "focus_filter('filter-status')", "Status filter", show=False),
        Binding("w", "focus_filter('filter-when')", "When", show=False),
        Binding("x", "clear_filters", "Clear filters", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("g", "go_to_date", "Go to date", show=False),
        Binding("i", "ingest", "Ingest"),
        Binding("A", "agenda", "Agenda"),
        Binding("C", "changes", "Changes"),
        Binding("E", "export", "Export", show=False),
        Binding("r", "reextract", "Re-extract", show=False),
        Binding("D", "article_date", "Article date", show=False),
        Binding("escape", "focus_timeline", "Timeline", show=False),
        Binding("question_mark", "toggle_help", "Keys"),
        Binding("q", "quit", "Quit"),
    ]

    # the help screen (?): the app's keys grouped by what they do, in this order
    KEY_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
        (
            "Timeline",
            (
                "cursor_down", "cursor_up", "page_down", "page_up", "half_page_down",
                "half_page_up", "first", "last", "today", "go_to_date", "open",
            ),
        ),
        (
            "Events",
            (
                "add", "edit", "status", "delete", "undo", "merge", "reextract",
                "article_date", "ingest",
            ),
        ),
        ("Views", ("agenda", "changes", "export")),
        (
            "Filters",
            (
                "focus_filter('filter-text')", "focus_filter('filter-actor')",
                "focus_filter('filter-type')", "focus_filter('filter-status')",
                "focus_filter('filter-when')", "clear_filters", "focus_timeline",
            ),
        ),
        ("App", ("toggle_help", "quit")),
    )  # fmt: skip
    KEY_HELP = {
        "cursor_down": "next event",
        "cursor_up": "previous event",
        "first": "first event (top of the timeline)",
        "last": "last event",
        "today": "today",
        "go_to_date": "go to a date: type it (3 March 2025, next Friday, June 2024)",
        "open": "open the event: actors, evidence, status history",
        "add": "add an event",
        "edit": "edit the event under the cursor",
        "status": "change its status (kept in its history)",
        "delete": "delete it (asks first)",
        "undo": "undo the last edit, status change or delete of this session",
        "ingest": "ingest articles: files, folders, globs, URLs, feeds",
        "focus_filter('filter-text')": "search titles, actors, notes and evidence",
        "focus_filter('filter-actor')": "filter by actor (Tab completes, then back here)",
        "focus_filter('filter-type')": "filter by type",
        "focus_filter('filter-status')": "filter by status",
        "focus_filter('filter-when')": "filter by time: 2025, March 2025, since May…",
        "clear_filters": "clear every filter",
        "focus_timeline": "back to the timeline",
        "agenda": "agenda: overdue follow-ups, due today, the next 14 days",
        "changes": "what changed since you last looked (● in the timeline); moves your mark",
        "export": "export the events shown (current filter) to a file",
        "toggle_help": "this list",
        "quit": "quit",
    }

    def __init__(
        self,
        engine: Engine,
        *,
        today: Today = None,
        prewarm: bool = True,
        freeze_gc: bool = False,
    ) -> None:
        """``today``: a fixed date or a clock (tests); ``prewarm``: load the date parser in the
        background; ``freeze_gc``: move the objects alive after start-up out of the garbage
        collector's way (its full passes over them stalled scrolling for 100 ms)."""
        super().__init__()
        self._freeze_gc = freeze_gc
        self.engine = engine
        if today is None:
            self._today: Callable[[], dt.date] = dt.date.today
        elif isinstance(today, dt.date):
            self._today = lambda: today
        else:
            self._today = today
        self._prewarm = prewarm
        self._undo: list[Undo] = []  # this session's writes, the last one last
        self._mark: dt.datetime | None = None  # the user's "last seen" mark when the app opened
        # the event marked with `m`: the next `m` on another event offers to merge the two
        self.merge_mark: int | None = None
        name = engine.url.database or ""
        self.sub_title = (
            name.rsplit("/", 1)[-1]
            if engine.url.get_backend_name() == "sqlite"
            else f"{engine.url.get_backend_name()}:{name}"
        )

    MAIN_SCREEN_ONLY = frozenset(
        {
            "add", "focus_filter", "clear_filters", "ingest", "quit", "today",
            "focus_timeline", "go_to_date", "agenda", "changes", "export",
        }
    )  # fmt: skip

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Timeline keys act on the main screen only (q in a form must not quit)."""
        if action in self.MAIN_SCREEN_ONLY and len(self.screen_stack) > 1:
            return False
        if (
            action
            in ("edit", "status", "delete", "undo", "merge", "reextract", "article_date")
            and len(self.screen_stack) > 1
        ):
            return isinstance(self.screen, DetailsScreen)
        return True

    def today(self) -> dt.date:
        return self._today()

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header(icon="◷")
        yield FilterBar(self.engine, self._today, id="filters")
        yield TimelineView(self.engine, self._today, id="timeline")
        yield Footer()

    @property
    def timeline(self) -> TimelineView:
        return self.screen_stack[0].query_one(TimelineView)

    @property
    def filter_bar(self) -> FilterBar:
        return self.screen_stack[0].query_one(FilterBar)

    def on_mount(self) -> None:
        self.timeline.focus()
        self.timeline.reload()
        self._read_mark()
        if self._prewarm:
            self.set_timer(0.5, self._warm_dates)
        if self._freeze_gc:
            self.call_after_refresh(gc.freeze)

    @work(thread=True, group="mark", exit_on_error=False)
    def _read_mark(self) -> None:
        """The events new or changed since the user last looked get a ● in the timeline."""
        from tracker.services.changes import changes_since, database_user, last_seen

        try:
            with Session(self.engine) as session:
                mark = last_seen(session, database_user(session))
                if mark is None:
                    return  # a first look: nothing to compare with
                changed = frozenset(changes_since(session, mark).changed_event_ids)
        except Exception:  # noqa: BLE001 - the marks are a help, their absence no error
            return
        self.call_from_thread(self._marked, mark, changed)

    def _marked(self, mark: dt.datetime, changed: frozenset[int]) -> None:
        self._mark = mark
        self.timeline.set_marked(changed)

    @work(thread=True, group="warmup", exit_on_error=False)
    def _warm_dates(self) -> None:
        """Load the date parser off the UI thread so the first "when" typed is quick."""
        from tracker.extract.dates import parse_when

        parse_when("next tuesday", self.today())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Add event", "Record a new event (a)", self.action_add)
        yield SystemCommand("Ingest articles", "Read articles from a path (i)", self.action_ingest)
        yield SystemCommand("Clear filters", "Show every event (x)", self.action_clear_filters)
        yield SystemCommand("Today", "Jump to today on the timeline (.)", self.action_today)
        yield SystemCommand("Go to date", "Jump the timeline to a day (g)", self.action_go_to_date)
        yield SystemCommand(
            "Undo", "Undo the last edit, status change or delete (u)", self.action_undo
        )
        yield SystemCommand(
            "Agenda", "Overdue, due today and upcoming events (A)", self.action_agenda
        )
        yield SystemCommand(
            "Changes", "What changed since you last looked (C)", self.action_changes
        )
        yield SystemCommand(
            "Export", "Export the events shown to a file: JSON Lines, CSV, iCalendar, PLOVER (E)",
            self.action_export,
        )
        yield SystemCommand("Keys", "Every key of the app (?)", self.action_toggle_help)

    # ------------------------------------------------------------------ timeline & filters

    def on_filter_bar_changed(self, message: FilterBar.Changed) -> None:
        self.filter_bar.set_total(None)
        self.timeline.set_filter(message.filter)

    def on_timeline_view_loaded(self, message: TimelineView.Loaded) -> None:
        self.filter_bar.set_total(message.total)

    def on_timeline_view_opened(self, message: TimelineView.Opened) -> None:
        self.open_event(message.row.id)

    def action_focus_timeline(self) -> None:
        if len(self.screen_stack) == 1:
            self.timeline.focus()

    def action_focus_filter(self, widget_id: str) -> None:
        if len(self.screen_stack) > 1:
            return
        widget = self.filter_bar.query_one(f"#{widget_id}")
        widget.focus()
        if isinstance(widget, Select):
            widget.action_show_overlay()

    def action_clear_filters(self) -> None:
        self.filter_bar.clear()

    def action_today(self) -> None:
        self.timeline.action_today()

    def action_toggle_help(self) -> None:
        if isinstance(self.screen, KeysScreen):
            self.screen.dismiss(None)
            return
        bindings = [*self.BINDINGS, *TimelineView.BINDINGS]
        self.push_screen(KeysScreen(sections_from(self.KEY_GROUPS, bindings, self.KEY_HELP)))

    def action_go_to_date(self) -> None:
        def chosen(day: dt.date | None) -> None:
            if day is not None:
                self.timeline.go_to(day)
                self.timeline.focus()

        self.push_screen(GoToDateScreen(self._today), chosen)

    def filter_by_actor(self, name: str) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.filter_bar.set_actor(name)
        self.timeline.focus()

    # ------------------------------------------------------------------ reading one event

    def _details(self, event_id: int) -> EventDetails:
        with unit_of_work(self.engine) as session:
            return event_details(session, event_id)

    def _current_id(self) -> int | None:
        if isinstance(self.screen, DetailsScreen):
            return self.screen.event_id
        if len(self.screen_stack) > 1:
            return None
        row = self.timeline.current
        return row.id if row else None

    @work(thread=True, group="details", exclusive=True, exit_on_error=False)
    def _with_details(self, event_id: int, then: Callable[[EventDetails], None]) -> None:
        try:
            details = self._details(event_id)
        except NotFoundError:
            self.call_from_thread(self._gone, event_id)
            return
        except TrackerError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.call_from_thread(then, details)

    def _gone(self, event_id: int) -> None:
        self.notify(f"Event #{event_id} no longer exists.", severity="warning", markup=False)
        if isinstance(self.screen, DetailsScreen) and self.screen.event_id == event_id:
            self.pop_screen()
        self.timeline.reload(keep_index=True)

    def open_event(self, event_id: int) -> None:
        def show(details: EventDetails) -> None:
            if isinstance(self.screen, DetailsScreen):
                self.screen.update(details)
            elif isinstance(self.screen, EventListScreen):
                self.push_screen(DetailsScreen(details))  # Esc goes back to the list
            else:
                while len(self.screen_stack) > 1:
                    self.pop_screen()
                self.push_screen(DetailsScreen(details))

        self._with_details(event_id, show)

    def _after_write(self, event_id: int | None) -> None:
        """Reload the timeline on the written event and refresh an open details view; an
        agenda or changes view under it reads again when it is back on top."""
        for screen in self.screen_stack:
            if isinstance(screen, EventListScreen):
                screen.stale = True
        if event_id is None:
            self.timeline.reload(keep_index=True)
            return

        def refreshed(details: EventDetails) -> None:
            self.timeline.reload(anchor=(details.timeline_date, details.id))
            if isinstance(self.screen, DetailsScreen) and self.screen.event_id == details.id:
                self.screen.update(details)

        self._with_details(event_id, refreshed)

    # ------------------------------------------------------------------ writing

    def _stale(self, exc: Exception, event_id: int) -> StaleEventError:
        try:
            fresh = self._details(event_id)
        except NotFoundError:
            fresh = None
        return StaleEventError(str(exc), fresh)

    def _remember(self, undo: Undo) -> None:
        """Called from the write's worker thread: the undo list belongs to the UI thread."""
        self.call_from_thread(self._undo.append, undo)

    def _save_event(
        self,
        event_id: int | None,
        values: EventFormValues,
        version: int | None,
        *,
        before: EventDetails | None = None,
    ) -> int:
        """Runs in the form's worker thread."""
        try:
            with unit_of_work(self.engine) as session:
                if event_id is None:
                    event = event_service.add_event(
                        session,
                        type=values.type,
                        status=values.status,
                        actors=list(values.actors),
                        title=values.title or None,
                        when=values.when,
                        note=values.note or None,
                        timeline_fallback=self.today(),
                        typed_actors=True,
                        today=self.today(),
                    )
                    return event.id
                event = event_service.edit_event(
                    session,
                    event_id,
                    type=values.type,
                    title=values.title if values.title_changed else None,
                    when=values.when if values.when_changed and values.when else None,
                    clear_when=values.when_changed and values.when is None,
                    actors=list(values.actors) if values.actors_changed else None,
                    notes=values.notes,
                    expected_version=version,
                    typed_actors=True,
                    today=self.today(),
                )
                new_version = event.version
            if before is not None:
                self._remember(Undo("edit", event_id, new_version, before=before))
            return event_id
        except (ConflictError, NotFoundError) as exc:
            if event_id is None:
                raise
            raise self._stale(exc, event_id) from None

    def _save_status(self, event_id: int, values: StatusFormValues, version: int) -> None:
        """Runs in the form's worker thread."""
        try:
            with unit_of_work(self.engine) as session:
                previous = event_service.get_event(session, event_id).status
                change = event_service.change_status(
                    session,
                    event_id,
                    values.status,
                    at=values.at if values.given else None,  # untouched: as without --at
                    note=values.note or None,
                    expected_version=version,
                    keep_time=values.keep_time,
                    today=self.today(),
                )
                new_version = change.event.version
                moved_from = event_service.previous_when(change)
        except (ConflictError, NotFoundError) as exc:
            raise self._stale(exc, event_id) from None
        self._remember(
            Undo(
                "status",
                event_id,
                new_version,
                status=previous,
                at=values.at,
                moved_from=moved_from,
            )
        )

    def action_add(self) -> None:
        if len(self.screen_stack) > 1:
            return

        def saved(event_id: int | None) -> None:
            if event_id is not None:
                self.notify(f"Added event #{event_id}.", markup=False)
                self._after_write(event_id)

        self.push_screen(
            EventForm(self.engine, self._today, partial(self._save_event, None)), saved
        )

    def action_edit(self) -> None:
        event_id = self._current_id()
        if event_id is None:
            return

        def edit(details: EventDetails) -> None:
            def saved(result: int | None) -> None:
                if result is not None:
                    self.notify(f"Saved event #{result}.", markup=False)
                    self._after_write(result)
                elif form.conflicted:
                    self._after_write(details.id)  # dropped: show it as it is now

            form = EventForm(
                self.engine,
                self._today,
                partial(self._save_event, details.id, before=details),
                initial=details,
            )
            self.push_screen(form, saved)

        self._with_details(event_id, edit)

    def action_status(self) -> None:
        event_id = self._current_id()
        if event_id is None:
            return

        def change(details: EventDetails) -> None:
            def saved(done: bool | None) -> None:
                if done:
                    self.notify(f"Status of #{details.id} changed.", markup=False)
                    self._after_write(details.id)
                elif form.conflicted:
                    self._after_write(details.id)

            form = StatusForm(details, self._today, self._save_status)
            self.push_screen(form, saved)

        self._with_details(event_id, change)

    def action_delete(self) -> None:
        event_id = self._current_id()
        if event_id is None:
            return

        def ask(details: EventDetails) -> None:
            def answered(yes: bool | None) -> None:
                if yes:
                    self._delete(details.id, details.version)

            self.push_screen(
                ConfirmScreen(
                    f"Delete event #{details.id}?",
                    f"{details.type} · {details.status} · {details.when_text} · {details.title}\n"
                    "Its mentions and status history go with it.",
                    yes="Delete",
                    no="Keep",
                ),
                answered,
            )

        self._with_details(event_id, ask)

    @work(thread=True, group="write", exit_on_error=False)
    def _delete(self, event_id: int, version: int) -> None:
        try:
            with unit_of_work(self.engine) as session:
                current = event_service.get_event(session, event_id)
                if current.version != version:
                    raise ConflictError(
                        f"event {event_id} was changed by someone else since you chose to "
                        "delete it; nothing was deleted"
                    )
                snapshot = undo_service.snapshot_event(session, event_id)
                event_service.delete_event(session, event_id)
        except ConflictError as exc:
            self.call_from_thread(self._delete_conflict, self._stale(exc, event_id))
            return
        except TrackerError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self._remember(Undo("delete", event_id, version, snapshot=snapshot))
        self.call_from_thread(self._deleted, event_id)

    def _delete_conflict(self, exc: StaleEventError) -> None:
        fresh = exc.fresh
        detail = (
            f"Now: {fresh.type} · {fresh.status} · {fresh.when_text} · {fresh.title}"
            if fresh
            else ""
        )
        self.notify(f"{exc}\n{detail}", severity="warning", timeout=8, markup=False)
        if fresh is not None:
            self._after_write(fresh.id)

    def _deleted(self, event_id: int) -> None:
        self.notify(f"Deleted event #{event_id}.", markup=False)
        if isinstance(self.screen, DetailsScreen) and self.screen.event_id == event_id:
            self.pop_screen()
        self.timeline.reload(keep_index=True)

    # ------------------------------------------------------------------ undo

    def action_undo(self) -> None:
        """Take back this session's last edit, status change or delete, through the services
        (a status change is undone by a new change back: the history stays append-only)."""
        if not self._undo:
            self.notify("Nothing to undo in this session.", markup=False)
            return
        self._run_undo(self._undo.pop())

    @work(thread=True, group="write", exit_on_error=False)
    def _run_undo(self, undo: Undo) -> None:
        try:
            with unit_of_work(self.engine) as session:
                if undo.kind == "delete":
                    assert undo.snapshot is not None
                    undo_service.restore_event(session, undo.snapshot)
                elif undo.kind == "status":
                    undo_service.undo_status_change(
                        session,
                        undo.event_id,
                        undo.status,
                        at=undo.at,  # the same effective time, recorded later: it wins
                        moved_from=undo.moved_from,
                        expected_version=undo.version,
                        today=self.today(),
                    )
                else:
                    before = undo.before
                    assert before is not None
                    event_service.edit_event(
                        session,
                        undo.event_id,
                        type=before.type,
                        title=before.title,
                        when=before.when,
                        clear_when=before.when is None,
                        actors=[event_service.ActorRole(n, r) for n, r in before.actors],
                        notes=before.notes or "",
                        expected_version=undo.version,
                    )
        except ConflictError:
            self.call_from_thread(
                self.notify,
                f"Event #{undo.event_id} was changed since your {undo.label}: nothing undone.",
                severity="warning",
                markup=False,
            )
            return
        except TrackerError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.call_from_thread(self._undone, undo)

    def _undone(self, undo: Undo) -> None:
        what = f"Undid the {undo.label} of #{undo.event_id}"
        if undo.kind == "status":
            what += f" (back to {undo.status})"
        self.notify(what + ".", markup=False)
        self._after_write(undo.event_id)

    # ------------------------------------------------------------------ views

    def action_agenda(self) -> None:
        if len(self.screen_stack) == 1:
            self.push_screen(AgendaScreen(self.engine, self._today))

    def action_changes(self) -> None:
        if len(self.screen_stack) == 1:
            self.push_screen(ChangesScreen(self.engine, self._today, since=self._mark))

    def action_export(self) -> None:
        if len(self.screen_stack) > 1:
            return
        summary = str(self.filter_bar.query_one("#filter-summary", Static).render())
        self.push_screen(
            ExportScreen(self.engine, self.filter_bar.filter, summary.strip(), self._today)
        )

    def action_merge(self) -> None:
        """First `m` marks the event; `m` on another event offers to merge the two."""
        event_id = self._current_id()
        if event_id is None:
            return
        if self.merge_mark is None or self.merge_mark == event_id:
            if self.merge_mark == event_id:
                self.merge_mark = None
                self.notify(f"Event #{event_id} is no longer marked.", markup=False)
                return
            self.merge_mark = event_id
            self.notify(
                f"Event #{event_id} marked: open or select the same event told elsewhere "
                "and press m to merge them (m here again unmarks).",
                markup=False,
            )
            return
        marked = self.merge_mark
        self._with_details(marked, lambda first: self._ask_merge(first, event_id))

    def _ask_merge(self, first: EventDetails, second_id: int) -> None:
        def ask(second: EventDetails) -> None:
            kept, gone = sorted((first, second), key=lambda d: d.id)

            def answered(yes: bool | None) -> None:
                if yes:
                    self._merge(kept.id, gone.id, {kept.id: kept.version, gone.id: gone.version})

            self.push_screen(
                ConfirmScreen(
                    f"Merge event #{gone.id} into #{kept.id}?",
                    f"#{kept.id}: {kept.type} · {kept.status} · {kept.when_text} · {kept.title}\n"
                    f"#{gone.id}: {gone.type} · {gone.status} · {gone.when_text} · {gone.title}\n"
                    f"#{kept.id} keeps the evidence, actors and status history of both; "
                    f"#{gone.id} then leads to it.",
                    yes="Merge",
                    no="Keep apart",
                ),
                answered,
            )

        self._with_details(second_id, ask)

    @work(thread=True, group="write", exit_on_error=False)
    def _merge(self, kept_id: int, gone_id: int, versions: dict[int, int]) -> None:
        try:
            with unit_of_work(self.engine) as session:
                event_service.merge_events(
                    session, kept_id, gone_id, expected_versions=versions, note="merged in the app"
                )
        except TrackerError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.call_from_thread(self._merged, kept_id, gone_id)

    def _merged(self, kept_id: int, gone_id: int) -> None:
        self.merge_mark = None
        self.notify(f"Merged event #{gone_id} into #{kept_id}.", markup=False)

        def refreshed(details: EventDetails) -> None:
            self.timeline.reload(anchor=(details.timeline_date, details.id))
            if isinstance(self.screen, DetailsScreen) and self.screen.event_id in (
                kept_id,
                gone_id,
            ):
                self.screen.update(details)

        self._with_details(kept_id, refreshed)

    # ------------------------------------------------------------------ articles

    def action_reextract(self) -> None:
        """Read the current event's article(s) again with the current extractor."""
        event_id = self._current_id()
        if event_id is not None:
            self._reextract(event_id)

    @work(thread=True, group="write", exit_on_error=False)
    def _reextract(self, event_id: int) -> None:
        try:
            with unit_of_work(self.engine) as session:
                article_ids = article_service.article_ids_of_event(session, event_id)
            if not article_ids:
                self.call_from_thread(
                    self.notify,
                    f"Event #{event_id} was entered by hand: no article to read again.",
                    markup=False,
                )
                return
            report = article_service.reextract_articles(self.engine, article_ids)
        except TrackerError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.call_from_thread(self._reextracted, event_id, report)

    def _reextracted(self, event_id: int, report: article_service.ReextractReport) -> None:
        lines = [o.summary() for o in report.outcomes]
        self.notify(
            "\n".join(lines),
            title="Re-extracted",
            severity="warning" if report.failed else "information",
            timeout=8,
            markup=False,
        )
        self._after_write(event_id)

    def action_article_date(self) -> None:
        """Correct the date of an article the current event was read from."""
        event_id = self._current_id()
        if event_id is None:
            return

        def ask(details: EventDetails) -> None:
            choices = list(
                {
                    m.article_id: ArticleChoice(m.article_id, m.article_title, m.article_date)
                    for m in details.mentions
                }.values()
            )
            if not choices:
                self.notify(
                    f"Event #{details.id} was entered by hand: it has no article.", markup=False
                )
                return

            def saved(summary: str | None) -> None:
                if summary:
                    self.notify(summary, title="Article date set", timeout=8, markup=False)
                    self._after_write(details.id)

            self.push_screen(ArticleDateForm(choices, self._today, self._set_article_date), saved)

        self._with_details(event_id, ask)

    def _set_article_date(self, article_id: int, day: dt.date) -> str:
        """Runs in the form's worker thread."""
        with unit_of_work(self.engine) as session:
            outcome = article_service.set_article_date(
                session, article_id, day, today=self.today()
            )
        return outcome.summary()

    def action_ingest(self) -> None:
        if len(self.screen_stack) > 1:
            return

        self.push_screen(IngestScreen(self.engine))

    def on_ingest_screen_ingested(self, _message: IngestScreen.Ingested) -> None:
        self.timeline.reload(keep_index=True)


def run(engine: Engine) -> None:
    """Open the app on ``engine`` (the CLI's `tracker` and `tracker ui`)."""
    TrackerApp(engine, freeze_gc=True).run()
