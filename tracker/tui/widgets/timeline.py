"""The timeline: a Line-API widget virtualized over the database.

Only the rows on screen (plus a margin) are held; pages are read by keyset from a cached
neighbour page or a known anchor (today, a focused event), else by OFFSET from the nearer end,
always in thread workers. A generation counter drops results of an outdated filter.

Virtual lines: line 0 is the fixed column header; then one line per event with the "today"
marker line inserted before the first event placed on or after today, and an "undated"
heading line before the first undated event (they come last: see domain.UNDATED).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache, partial

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tracker.domain import EVENT_TYPES, STATUSES, clean, day_label
from tracker.errors import TrackerError
from tracker.services import timeline as tl
from tracker.services.query import EventFilter

PAGE = 100
# a second reader thread for the first screenful (SQLite and psycopg release the GIL)
_READERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="timeline-reader")
MAX_PAGES = 60  # rows kept in memory: about 6,000
Key = tuple[dt.date, int]


TYPE_WIDTH = max(len(t) for t in EVENT_TYPES)
STATUS_WIDTH = max(len(s) for s in STATUSES) + 3  # " threatened " and a gap
MARK_WIDTH = 2  # "●" before an event new or changed since the user last looked, and a space


@dataclass(frozen=True)
class Columns:
    month: int
    when: int
    type: int
    status: int
    actors: int
    title: int
    compact: bool = False  # short time labels ("wk 3 Mar 2025", "? 24 Jan 2025")

    @classmethod
    @lru_cache(maxsize=64)
    def for_width(cls, width: int, actors_wanted: int = 30, title_wanted: int = 40) -> Columns:
        """Fixed columns sized to their longest value; actors and title share the rest by
        content: the actors get what they need as long as the title keeps what it needs, and
        never less than 2/5 of the rest when they need that much (the title says most)."""
        compact = width < 110
        month, when = (8, 14) if compact else (8, 22)  # "Sep 2025": the gap follows
        # the marker column (2) and five gaps
        rest = max(20, width - (MARK_WIDTH + month + when + TYPE_WIDTH + STATUS_WIDTH + 5))
        actors = min(actors_wanted, max(rest * 2 // 5, rest - title_wanted))
        actors = max(min(12, rest // 2), min(actors, rest - _MIN_TITLE))
        return cls(month, when, TYPE_WIDTH, STATUS_WIDTH, actors, max(0, rest - actors), compact)


_MIN_TITLE = 12  # cells: a title cut shorter than this says nothing


def actors_wanted(rows: Iterable[tl.TimelineRow]) -> int:
    """Cells the actors column needs for most of ``rows`` (one long list does not decide)."""
    return _wanted((row.actors_text for row in rows), default=30)


def title_wanted(rows: Iterable[tl.TimelineRow]) -> int:
    """Cells the title column needs for most of ``rows``."""
    return _wanted((row.title for row in rows), default=40)


def _wanted(texts: Iterable[str], default: int) -> int:
    lengths = sorted(cell_len(text) for text in texts)
    if not lengths:
        return default
    return max(12, lengths[min(len(lengths) - 1, len(lengths) * 9 // 10)])


def _with_stale(reader: Callable, *args, stale: Callable[[], bool] | None):
    return reader(*args) if stale is None else reader(*args, stale=stale)


def fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells (an ellipsis marks a cut)."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


class TimelineView(ScrollView, can_focus=True):
    """Events in time order, read page by page as they come into view."""

    COMPONENT_CLASSES = {
        "timeline--header",
        "timeline--month",
        "timeline--mark",
        "timeline--when",
        "timeline--undated",
        "timeline--type",
        "timeline--actors",
        "timeline--title",
        "timeline--cursor",
        "timeline--today",
        "timeline--placeholder",
        "timeline--message",
        *(f"timeline--status-{s}" for s in STATUSES),
    }

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown,ctrl+f", "page_down", "Page down", show=False),
        Binding("pageup,ctrl+b", "page_up", "Page up", show=False),
        Binding("ctrl+d", "half_page_down", "Half page down", show=False),
        Binding("ctrl+u", "half_page_up", "Half page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("full_stop", "today", "Today", show=False),
        Binding("enter", "open", "Open"),
    ]

    class Opened(Message):
        """Enter (or a double click) on an event."""

        def __init__(self, row: tl.TimelineRow) -> None:
            super().__init__()
            self.row = row

    class Loaded(Message):
        """A new filter's count (or an error) is in."""

        def __init__(self, total: int, error: str | None) -> None:
            super().__init__()
            self.total = total
            self.error = error

    def __init__(
        self,
        engine: Engine,
        today: Callable[[], dt.date],
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.engine = engine
        self._today = today
        self.filter = EventFilter()
        self.total: int | None = None  # None until the first count is in
        self.today_index = 0
        self.undated_index = 0  # the first undated row; == total when there is none
        self.today_day = today()
        self.cursor = 0
        self.error: str | None = None
        self._gen = 0
        self.loaded_gen = -1  # the generation whose count and first page are shown
        self.counting = False  # the rows are shown, their positions not yet counted
        self._plan: tl.AnyFilter = self.filter
        self._rows: dict[int, tl.TimelineRow] = {}
        self._loaded: set[int] = set()  # pages whose rows are all in _rows
        self._pending: set[int] = set()
        self._anchors: list[tuple[int, Key]] = []
        self._fetch_scheduled = False
        self._style_cache: dict[str, Style] | None = None
        self._provisional_anchor = 0
        self._closing = False
        self._hold_line: int | None = None
        # the actors' and titles' shares of the width, set from each filter's rows
        self._actors_wanted = 30
        self._title_wanted = 40
        self.marked: frozenset[int] = frozenset()  # events new or changed since the mark
        # noticing writes by other programs (the CLI): see _check_changes
        self._watch_lock = threading.Lock()
        self._watch_conn: Connection | None = None
        self._watching = False
        self._data_signature: object = None

    # ------------------------------------------------------------------ public API

    @property
    def current(self) -> tl.TimelineRow | None:
        return self.row(self.cursor)

    def row(self, index: int) -> tl.TimelineRow | None:
        return self._rows.get(index)

    def set_filter(self, filt: EventFilter) -> None:
        """Show ``filt``'s events, positioned at today."""
        self.filter = filt
        self.reload(anchor=None)

    def reload(
        self, anchor: Key | None = None, keep_index: bool = False, keep_line: bool = False
    ) -> None:
        """Read again (after a write or a filter change), in two steps.

        First the screenful around the anchor is read by keyset and shown; then the rows are
        counted (the slow part at a million events) and the positions settle.
        ``anchor``: put the cursor on the event with this key (or where it would be);
        ``keep_index``: stay on the current event's place; otherwise go to today.
        ``keep_line``: and keep the cursor on the same screen line (a reload nobody asked for).
        """
        if keep_index and anchor is None and self.current is not None:
            anchor = self.current.key
        self._hold_line = (
            self.line_of(self.cursor) - int(self.scroll_y)
            if keep_line and anchor is not None and self.total
            else None
        )
        self._gen += 1
        self._pending.clear()
        self.today_day = self._today()
        self.run_worker(
            partial(
                self._reload_worker,
                self._gen,
                self.filter,
                self.today_day,
                anchor,
                max(10, self.body_height, self.app.size.height),
            ),
            thread=True,
            group="timeline",
            exit_on_error=False,
        )

    def set_marked(self, event_ids: frozenset[int]) -> None:
        """Mark these events (new or changed since the user last looked) in the first column."""
        self.marked = event_ids
        self.refresh()

    def go_to(self, day: dt.date) -> None:
        """Put the cursor on the first event placed on or after ``day`` (the last before it
        when there is none), in the current filter."""
        self.reload(anchor=(day, 0))

    @property
    def generation(self) -> int:
        """Goes up with every reload; results of older generations are dropped."""
        return self._gen

    # ------------------------------------------------------------------ other writers

    WATCH_INTERVAL = 2.5  # seconds between two looks for changes made by other programs

    def on_mount(self) -> None:
        self._check_changes()
        self.set_interval(self.WATCH_INTERVAL, self._check_changes, name="timeline-watch")

    def on_unmount(self) -> None:
        self._closing = True
        tl.close_match_tables(self.engine)
        with self._watch_lock:
            if self._watch_conn is not None:
                with contextlib.suppress(Exception):
                    self._watch_conn.close()
                self._watch_conn = None

    def _check_changes(self) -> None:
        """Look (off the UI thread) whether the database changed; reload the page if so."""
        if self._watching or self._closing:
            return
        self._watching = True
        self.run_worker(
            self._watch_worker, thread=True, group="timeline-watch", exit_on_error=False
        )

    def _signature(self) -> object:
        """Something that changes whenever another connection commits a change to events.

        SQLite: ``PRAGMA data_version`` on a connection of our own that never writes (a few µs).
        PostgreSQL: the table statistics' row counters (updated within about a second) and the
        newest event id.
        """
        with self._watch_lock:
            if self._closing:
                return None
            if self._watch_conn is None or self._watch_conn.closed:
                self._watch_conn = self.engine.connect()
            conn = self._watch_conn
            try:
                if conn.dialect.name == "sqlite":
                    return conn.exec_driver_sql("PRAGMA data_version").scalar()
                row = conn.execute(
                    text(
                        "SELECT (SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) "
                        "FROM pg_stat_user_tables WHERE relname IN "
                        "('events', 'participations', 'status_changes')), "
                        "(SELECT max(id) FROM events)"
                    )
                ).one()
                return tuple(row)
            finally:
                conn.rollback()  # no snapshot kept between two looks

    def _watch_worker(self) -> None:
        try:
            signature = self._signature()
        except Exception:  # noqa: BLE001 - a failed look is retried at the next tick
            signature = None
        self._deliver(self._watched, signature)

    def _watched(self, signature: object) -> None:
        self._watching = False
        if signature is None or self._closing:
            return
        before, self._data_signature = self._data_signature, signature
        if before is None or before == signature:
            return
        if self.loaded_gen == self._gen and not self.counting:
            self.reload(keep_index=True, keep_line=True)
        else:
            self._data_signature = before  # busy reading: look again at the next tick

    # ------------------------------------------------------------------ geometry

    @property
    def has_marker(self) -> bool:
        return bool(self.total)

    @property
    def has_undated_heading(self) -> bool:
        return bool(self.total) and self.undated_index < (self.total or 0)

    @property
    def line_count(self) -> int:
        return (
            (self.total or 0)
            + (1 if self.has_marker else 0)
            + (1 if self.has_undated_heading else 0)
        )

    def line_of(self, index: int) -> int:
        """Virtual line (0 = first line under the header) of row ``index``."""
        return (
            index
            + (1 if self.has_marker and index >= self.today_index else 0)
            + (1 if self.has_undated_heading and index >= self.undated_index else 0)
        )

    def marker_at(self, line: int) -> str | None:
        """"today" or "undated" when virtual line ``line`` is that marker line."""
        if self.has_marker and line == self.today_index:
            return "today"
        if self.has_undated_heading and line == self.line_of(self.undated_index) - 1:
            return "undated"
        return None

    def index_at(self, line: int) -> int | None:
        """The row on virtual line ``line``; None for a marker line or past the end."""
        if line < 0 or line >= self.line_count or self.marker_at(line) is not None:
            return None
        if self.has_marker and line > self.today_index:
            line -= 1
        if self.has_undated_heading and line > self.undated_index:
            line -= 1
        return line

    @property
    def body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _update_virtual_size(self) -> None:
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, self.line_count + 1)

    # ------------------------------------------------------------------ workers

    def _reload_worker(
        self,
        gen: int,
        filt: EventFilter,
        today: dt.date,
        anchor: Key | None,
        screen: int,
    ) -> None:
        key = anchor or (today, 0)
        stale = partial(self._stale, gen)
        before_n, after_n = screen // 3 + 2, screen + 2
        quick = None
        try:
            if filt.text and self.engine.dialect.name == "sqlite":
                # a common word's screen is found faster by walking the time index than by
                # collecting all its matches first; those are collected with the counts
                with Session(self.engine) as session, self._interruptible(session, stale):
                    quick = tl.quick_text_rows(session, filt, key, before_n, after_n, stale)
            if quick is not None:
                before, after = quick
                planned: tl.AnyFilter = filt
            else:
                with Session(self.engine) as session:
                    planned = tl.plan(session, filt, stale)
                if stale():
                    return
                # the rows above and below the anchor are read side by side, on two connections
                above = _READERS.submit(
                    self._read, tl.rows_before, planned, key, before_n, stale=stale
                )
                after = self._read(tl.rows_from, planned, key, after_n, stale=stale)
                before = above.result()
        except tl.Interrupted:
            return  # a newer filter took over
        except Exception as exc:  # noqa: BLE001 - shown to the user, never swallowed
            self._deliver(self._failed, gen, self._message_for(exc))
            return
        self._deliver(self._shown, gen, planned, before, after, today)
        if stale():
            return  # a newer filter: do not spend the time counting this one
        reread = None
        try:
            if quick is not None:
                with Session(self.engine) as session:
                    planned = tl.plan(session, filt, stale)
                # the same screen through the search index: what the pages will use
                reread = (
                    self._read(tl.rows_before, planned, key, before_n, stale=stale),
                    self._read(tl.rows_from, planned, key, after_n, stale=stale),
                )
            with Session(self.engine) as session, self._interruptible(session, stale):
                total = tl.count_rows(session, planned)
                today_index = tl.count_before(session, planned, today) if total else 0
                undated_index = total - tl.count_undated(session, planned) if total else 0
                if anchor is None:
                    anchor_index = today_index
                else:
                    anchor_index = tl.count_before_key(session, planned, anchor) if total else 0
        except tl.Interrupted:
            return
        except Exception as exc:  # noqa: BLE001
            self._deliver(self._failed, gen, self._message_for(exc))
            return
        self._deliver(
            self._counted, gen, total, today_index, undated_index, anchor_index, key, planned,
            reread,
        )

    def _stale(self, gen: int) -> bool:
        """Whether a worker of generation ``gen`` has been overtaken (read from any thread)."""
        return gen != self._gen or self._closing

    @staticmethod
    @contextlib.contextmanager
    def _interruptible(session: Session, stale: Callable[[], bool]):
        """Stop ``session``'s SQLite statements once ``stale()``: slow counts of old filters."""
        if session.get_bind().dialect.name != "sqlite":
            yield
            return
        dbapi = session.connection().connection.dbapi_connection
        with tl.interruptible(dbapi, stale):
            yield

    def _read(self, reader: Callable, *args, stale: Callable[[], bool] | None = None):
        with Session(self.engine) as session:
            if stale is None:
                return reader(session, *args)
            with self._interruptible(session, stale):
                return reader(session, *args, stale=stale)

    @staticmethod
    def _message_for(exc: Exception) -> str:
        if isinstance(exc, TrackerError):
            return str(exc)
        return f"database error: {exc}"

    def _deliver(self, callback: Callable, *args) -> None:
        with contextlib.suppress(RuntimeError):  # RuntimeError: the app has closed
            self.app.call_from_thread(callback, *args)

    @staticmethod
    def _read_page(
        session: Session,
        filt: tl.AnyFilter,
        n: int,
        total: int,
        anchors: list[tuple[int, Key]],
        prev_key: Key | None,
        next_key: Key | None,
        *,
        stale: Callable[[], bool] | None = None,
    ) -> list[tl.TimelineRow]:
        read = partial(_with_stale, stale=stale)
        start = n * PAGE
        end = min(total, start + PAGE)
        size = end - start
        if size <= 0:
            return []
        if prev_key is not None:
            return read(tl.rows_after, session, filt, prev_key, size)
        if next_key is not None:
            return read(tl.rows_before, session, filt, next_key, size)
        for index, key in anchors:
            if start <= index <= end:
                before = (
                    read(tl.rows_before, session, filt, key, index - start) if index > start else []
                )
                after = read(tl.rows_from, session, filt, key, end - index) if end > index else []
                return before + after
        return read(tl.rows_at, session, filt, start, size, total)

    def _page_worker(
        self,
        gen: int,
        filt: tl.AnyFilter,
        n: int,
        total: int,
        anchors: list[tuple[int, Key]],
        prev_key: Key | None,
        next_key: Key | None,
    ) -> None:
        try:
            rows = self._read(
                self._read_page,
                filt,
                n,
                total,
                anchors,
                prev_key,
                next_key,
                stale=partial(self._stale, gen),
            )
        except tl.Interrupted:
            return
        except Exception as exc:  # noqa: BLE001
            self._deliver(self._page_failed, gen, n, str(exc))
            return
        self._deliver(self._page_loaded, gen, n, rows)

    def _shown(
        self,
        gen: int,
        planned: tl.AnyFilter,
        before: list[tl.TimelineRow],
        after: list[tl.TimelineRow],
        today: dt.date,
    ) -> None:
        """Step one: the rows around the anchor, at provisional positions 0..n."""
        if gen != self._gen:
            return
        self.loaded_gen = gen
        self.counting = True
        self.error = None
        self._plan = planned
        rows = before + after
        self._actors_wanted = actors_wanted(rows)
        self._title_wanted = title_wanted(rows)
        self._rows = dict(enumerate(rows))
        self._loaded = set()
        self._pending.clear()
        self._anchors = []
        self.total = len(rows)
        self.today_index = sum(1 for r in rows if r.timeline_date < today)
        self.undated_index = sum(1 for r in rows if not r.undated)
        self.cursor = min(len(before), max(0, len(rows) - 1))
        self._provisional_anchor = len(before)
        self._update_virtual_size()
        if self._hold_line is not None:
            top = max(0, self.line_of(self.cursor) - self._hold_line)
            self.scroll_to(y=top, animate=False, force=True)
            self.call_after_refresh(lambda: self.scroll_to(y=top, animate=False, force=True))
            self._schedule_fetch()
        else:
            self._center_cursor()
            self.call_after_refresh(self._center_cursor)
        self.refresh()

    def _counted(
        self,
        gen: int,
        total: int,
        today_index: int,
        undated_index: int,
        anchor_index: int,
        anchor: Key,
        planned: tl.AnyFilter,
        reread: tuple[list[tl.TimelineRow], list[tl.TimelineRow]] | None = None,
    ) -> None:
        """Step two: the counts are in; move the rows shown to their true positions."""
        if gen != self._gen:
            return
        self._plan = planned
        if reread is not None:
            before, after = reread
            moved = self.cursor - self._provisional_anchor
            self._rows = dict(enumerate(before + after))
            self._provisional_anchor = len(before)
            self.cursor = max(0, min(len(before) + moved, len(before) + len(after) - 1))
        shift = anchor_index - self._provisional_anchor
        old_line = self.line_of(self.cursor) - int(self.scroll_y)
        self._rows = {i + shift: r for i, r in self._rows.items() if 0 <= i + shift < total}
        self.total = total
        self.today_index = today_index
        self.undated_index = undated_index
        self.cursor = max(0, min(self.cursor + shift, total - 1)) if total else 0
        self._anchors = [(today_index, (self.today_day, 0)), (anchor_index, anchor)]
        self._loaded = {
            n
            for n in {i // PAGE for i in self._rows}
            if all(i in self._rows for i in range(n * PAGE, min(total, (n + 1) * PAGE)))
        }
        self.counting = False
        self._update_virtual_size()
        top = max(0, self.line_of(self.cursor) - old_line)
        self.scroll_to(y=top, animate=False, force=True)
        self.call_after_refresh(lambda: self.scroll_to(y=top, animate=False, force=True))
        self._schedule_fetch()
        self.refresh()
        self.post_message(self.Loaded(total, None))

    def _failed(self, gen: int, message: str) -> None:
        if gen != self._gen:
            return
        self.loaded_gen = gen
        self.counting = False
        self.error = message
        self.total = 0
        self._rows = {}
        self._loaded = set()
        self._update_virtual_size()
        self.refresh()
        self.post_message(self.Loaded(0, message))

    def _page_loaded(self, gen: int, n: int, rows: list[tl.TimelineRow]) -> None:
        self._pending.discard(n)
        if gen != self._gen or self.counting:
            return
        for offset, row in enumerate(rows):
            self._rows[n * PAGE + offset] = row
        self._loaded.add(n)
        self._evict()
        self._schedule_fetch()  # neighbours waiting for this page's keys
        self.refresh()

    def _page_failed(self, gen: int, n: int, message: str) -> None:
        self._pending.discard(n)
        if gen == self._gen:
            self.error = f"could not read events: {message}"
            self.refresh()

    def _evict(self) -> None:
        if len(self._loaded) <= MAX_PAGES:
            return
        here = int(self.scroll_y) // PAGE
        for n in sorted(self._loaded, key=lambda p: abs(p - here), reverse=True):
            if len(self._loaded) <= MAX_PAGES:
                break
            self._loaded.discard(n)
            for i in range(n * PAGE, (n + 1) * PAGE):
                self._rows.pop(i, None)

    def _want_pages(self) -> None:
        """Read the pages on screen, and one either side, that are not in memory."""
        self._fetch_scheduled = False
        if not self.total or self.counting:
            return
        top = int(self.scroll_y)
        first = self.index_at(top) or self.index_at(top + 1) or 0
        last_line = min(self.line_count - 1, top + self.body_height)
        last = self.index_at(last_line)
        if last is None:
            last = max(0, last_line - 1)
        last_page = (self.total - 1) // PAGE
        visible = range(first // PAGE, min(last_page, last // PAGE) + 1)
        margin = [n for n in (first // PAGE - 1, last // PAGE + 1) if 0 <= n <= last_page]
        for n in [*sorted(visible, key=lambda p: abs(p - first // PAGE)), *margin]:
            if n in self._loaded or n in self._pending:
                continue
            prev = self._rows.get(n * PAGE - 1)
            nxt = self._rows.get((n + 1) * PAGE)
            start, end = n * PAGE, min(self.total, (n + 1) * PAGE)
            keyset = prev or nxt or any(start <= i <= end for i, _ in self._anchors)
            neighbour_pending = (n - 1) in self._pending or (n + 1) in self._pending
            if not keyset and (neighbour_pending or n not in visible):
                continue  # read by keyset once the neighbour is in
            self._pending.add(n)
            self.run_worker(
                partial(
                    self._page_worker,
                    self._gen,
                    self._plan,
                    n,
                    self.total,
                    list(self._anchors),
                    prev.key if prev else None,
                    nxt.key if nxt else None,
                ),
                thread=True,
                group="timeline",
                exit_on_error=False,
            )

    def _schedule_fetch(self) -> None:
        if not self._fetch_scheduled:
            self._fetch_scheduled = True
            self.call_later(self._want_pages)

    # ------------------------------------------------------------------ rendering

    def _styles(self) -> dict[str, Style]:
        """Every style a line needs, computed once per CSS/theme/focus change (it is costly)."""
        if self._style_cache is None:
            base = self.rich_style
            cursor = self.get_component_rich_style("timeline--cursor", partial=True)
            styles = {"": base, "cursor:": base + cursor}
            for name in self.COMPONENT_CLASSES:
                part = self.get_component_rich_style(name, partial=True)
                styles[name] = base + part
                styles["cursor:" + name] = base + cursor + part
            self._style_cache = styles
        return self._style_cache

    def _style(self, name: str, cursor: bool = False) -> Style:
        return self._styles()[("cursor:" if cursor else "") + name]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache = None

    def on_focus(self) -> None:
        self._style_cache = None
        self.refresh()

    def on_blur(self) -> None:
        self._style_cache = None
        self.refresh()

    def on_resize(self) -> None:
        self._update_virtual_size()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._schedule_fetch()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._style("")
        if y == 0:
            return self._header(width)
        if self.total is None:
            return self._message("Loading…", y, width)
        if self.error and y == 1:
            return self._message(self.error, y, width, force=True)
        if self.total == 0:
            return self._message(
                "No events match."
                if self.filter != EventFilter()
                else "No events yet: press a to add one, or ingest articles.",
                y,
                width,
            )
        line = int(self.scroll_y) + y - 1
        if line >= self.line_count:
            return Strip.blank(width, base)
        marker = self.marker_at(line)
        if marker == "today":
            return self._today_line(width)
        if marker == "undated":
            return self._undated_line(width)
        index = self.index_at(line)
        if index is None:
            return Strip.blank(width, base)
        row = self.row(index)
        if row is None:
            if not self.counting and (index // PAGE) not in self._pending:
                self._schedule_fetch()
            return Strip([Segment(fit("  …", width), self._style("timeline--placeholder"))])
        previous = self.row(index - 1) if index > 0 else None
        show_month = (
            y == 1
            or previous is None
            or (
                (previous.timeline_date.year, previous.timeline_date.month)
                != (row.timeline_date.year, row.timeline_date.month)
            )
        )
        return self._row_strip(row, width, show_month, index == self.cursor)

    def _message(self, text: str, y: int, width: int, force: bool = False) -> Strip:
        if y != 1 and not force:
            return Strip.blank(width, self._style(""))
        style = self._style("timeline--message")
        return Strip([Segment(fit("  " + clean(text), width), style)])

    def _columns(self, width: int) -> Columns:
        return Columns.for_width(width, self._actors_wanted, self._title_wanted)

    def _header(self, width: int) -> Strip:
        cols = self._columns(width)
        style = self._style("timeline--header")
        text = " " * MARK_WIDTH + " ".join(
            [
                fit("month", cols.month),
                fit("when", cols.when),
                fit("type", cols.type),
                fit("status", cols.status),
                fit("actors: initiator → target" if cols.actors >= 28 else "actors", cols.actors),
                fit("title", cols.title),
            ]
        )
        return Strip([Segment(fit(text, width), style)])

    def _today_line(self, width: int) -> Strip:
        label = f" today · {day_label(self.today_day)} "
        text = "── " + label + "─" * max(0, width - cell_len(label) - 3)
        return Strip([Segment(fit(text, width), self._style("timeline--today"))])

    def _undated_line(self, width: int) -> Strip:
        label = " undated · no date found in their articles "
        text = "── " + label + "─" * max(0, width - cell_len(label) - 3)
        return Strip([Segment(fit(text, width), self._style("timeline--today"))])

    def _row_strip(self, row: tl.TimelineRow, width: int, show_month: bool, cursor: bool) -> Strip:
        cols = self._columns(width)
        styles = self._styles()
        prefix = "cursor:" if cursor else ""
        base = styles[prefix]
        gap = Segment(" ", base)
        month = f"{row.timeline_date:%b %Y}" if show_month and not row.undated else ""
        if row.undated:
            text = "? no date" if cols.compact else "? no date found"
            when = Segment(fit(text, cols.when), styles[prefix + "timeline--undated"])
        elif row.dated:
            label = row.when_text
            if cols.compact or cell_len(label) > cols.when:  # the weekday only where it fits
                label = row.short_when_text
            if cols.compact:
                label = label.replace("week of ", "wk ")
            when = Segment(fit(label, cols.when), styles[prefix + "timeline--when"])
        else:
            reported = day_label(row.timeline_date, weekday=False)
            text = f"? {reported}" if cols.compact else f"? reported {reported}"
            when = Segment(fit(text, cols.when), styles[prefix + "timeline--undated"])
        status_style = styles.get(prefix + f"timeline--status-{row.status}", base)
        mark = "●" if row.id in self.marked else ""
        segments = [
            Segment(fit(mark, MARK_WIDTH), styles[prefix + "timeline--mark"]),
            Segment(fit(month, cols.month), styles[prefix + "timeline--month"]),
            gap,
            when,
            gap,
            Segment(fit(row.type, cols.type), styles[prefix + "timeline--type"]),
            gap,
            Segment(fit(f" {row.status} ", cols.status - 1), status_style),
            Segment("  ", base),
            Segment(
                fit(clean(row.actors_text), cols.actors),
                styles[prefix + "timeline--actors"],
            ),
            gap,
            Segment(fit(clean(row.title), cols.title), styles[prefix + "timeline--title"]),
        ]
        used = sum(cell_len(s.text) for s in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments).crop(0, width)

    # ------------------------------------------------------------------ movement

    def _first_line_of(self, index: int) -> int:
        """Row ``index``'s line, or the marker lines right above it (kept in sight with it)."""
        line = self.line_of(index)
        while line > 0 and self.marker_at(line - 1) is not None:
            line -= 1
        return line

    def _center_cursor(self) -> None:
        line = self.line_of(self.cursor)
        top = max(0, line - self.body_height // 3)
        top = max(0, min(top, self._first_line_of(self.cursor)))
        self.scroll_to(y=top, animate=False, force=True)
        self._schedule_fetch()

    def move_to(self, index: int) -> None:
        if not self.total:
            return
        index = max(0, min(index, self.total - 1))
        self.cursor = index
        line = self.line_of(index)
        top = int(self.scroll_y)
        height = self.body_height
        # keep the today and undated markers in sight when the cursor sits right under them
        first_needed = self._first_line_of(index)
        if first_needed < top:
            self.scroll_to(y=max(0, first_needed), animate=False, force=True)
        elif line >= top + height:
            self.scroll_to(y=line - height + 1, animate=False, force=True)
        self._schedule_fetch()
        self.refresh()

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def _page(self, delta: int) -> None:
        if not self.total:
            return
        height = self.body_height
        target = max(0, min(self.total - 1, self.cursor + delta))
        top = max(
            0,
            min(int(self.scroll_y) + (height if delta > 0 else -height), self.line_count - height),
        )
        self.scroll_to(y=top, animate=False, force=True)
        self.move_to(target)

    def action_page_down(self) -> None:
        self._page(self.body_height)

    def action_page_up(self) -> None:
        self._page(-self.body_height)

    def action_half_page_down(self) -> None:
        self._page(self.body_height // 2)

    def action_half_page_up(self) -> None:
        self._page(-(self.body_height // 2))

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        if self.total:
            self.move_to(self.total - 1)

    def action_today(self) -> None:
        if self.total:
            self.move_to(min(self.today_index, self.total - 1))

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Opened(row))

    def on_click(self, event: Click) -> None:
        index = self.index_at(int(self.scroll_y) + event.y - 1) if event.y >= 1 else None
        if index is None:
            return
        self.move_to(index)
        if event.chain >= 2:
            self.action_open()
