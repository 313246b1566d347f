"""How fast the TUI's timeline is over big SQLite databases, next to an empty one.

    python benchmarks/bench_tui.py                       # 0, 10k, 100k and 1M events
    python benchmarks/bench_tui.py --sizes 0,10000       # smaller sets
    python benchmarks/bench_tui.py --dir /tmp/bench      # where the databases are kept
    python benchmarks/bench_tui.py --pg postgresql+psycopg://postgres@127.0.0.1/bench
                                # PostgreSQL too, side by side, in databases bench_0, bench_N...

Each database is built once (bulk insert in one transaction, then the FTS index rebuilt) and
reused while its file exists. Measured headless with ``App.run_test()`` at 120x40:

- first paint: from starting the app to the first screen of rows read and rendered;
- page down / end (G): from the key to the rows on screen read and rendered;
- filter: from choosing a status in the filter bar to the new rows rendered;
- search: from typing a word (common, rare, then a common prefix) to the matching rows
  rendered; three times each, the "1st" column is the first time (nothing cached for it);
- j: one cursor step;
- agenda (A) / changes (C): from the key to the view's lists read and drawn, and the CPU
  milliseconds the process (its worker threads included) spent meanwhile.

Figures are in milliseconds: medians over --repeat runs of each run's median (page down: of
20 presses; "page down max" is the slowest of them). "counted" columns are when the row count
(and so the scrollbar) settles: the rows themselves are shown before, at the "filter"/"search"
figure.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import contextlib

from tracker.db.session import open_database  # noqa: E402
from tracker.domain import EVENT_TYPES, STATUSES, UNDATED  # noqa: E402

TODAY = dt.date(2025, 3, 15)
FIRST_DAY = dt.date(1995, 1, 1)
DAYS = 40 * 365
SIZE = (120, 40)

ACTORS = [
    "United States", "Russia", "Ukraine", "China", "European Union", "NATO", "OPEC",
    "United Nations", "Germany", "France", "United Kingdom", "Japan", "India", "Brazil",
    "Turkey", "Iran", "Israel", "Saudi Arabia", "Qatar", "Egypt", "Donald Trump",
    "Vladimir Putin", "Volodymyr Zelenskyy", "Xi Jinping", "Emmanuel Macron", "Olaf Scholz",
    "Keir Starmer", "Narendra Modi", "Recep Tayyip Erdogan", "Antonio Guterres",
]  # fmt: skip
WORDS = [
    "talks", "summit", "trade", "energy", "security", "border", "grain", "gas", "nuclear",
    "ceasefire", "tariffs", "visit", "loan", "pipeline", "election", "prisoners", "aid",
    "weapons", "climate", "debt",
]  # fmt: skip
RARE_WORD = "zanzibar"  # in one title of 10,000
COMMON_WORD = "talks"  # in about one title of 7
PREFIX = "ta"  # "talks", "tariffs": one title of 5 (a word being typed)


NOW = "2025-01-01 00:00:00.000000"


def synthetic_events(n: int) -> Iterator[tuple]:
    """The rows of ``n`` synthetic events (the same for a given ``n`` on every backend)."""
    rng = random.Random(n)
    for i in range(1, n + 1):
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        dated = rng.random() > 0.1
        a, b = rng.sample(range(len(ACTORS)), 2)
        words = rng.sample(WORDS, 2)
        if i % 10_000 == 5_000:
            words.append(RARE_WORD)
        title = f"{ACTORS[a]} and {ACTORS[b]}: {' '.join(words)} #{i}"
        iso = day.isoformat()
        # one in ten of the events without a time has no dated article either: the
        # timeline's undated section (1% of all)
        placed = iso if dated or i % 10 else UNDATED.isoformat()
        yield (
            i,
            EVENT_TYPES[i % len(EVENT_TYPES)],
            STATUSES[rng.randrange(len(STATUSES))],
            title,
            iso if dated else None,
            iso if dated else None,
            "day" if dated else None,
            placed,
            "extracted",
            0.9,
            f"{title} {ACTORS[a]} {ACTORS[b]}".casefold(),
            NOW,
            NOW,
            1,
        )


def synthetic_participations(n: int) -> Iterator[tuple]:
    rng = random.Random(n + 1)
    for i in range(1, n + 1):
        a, b = rng.sample(range(1, len(ACTORS) + 1), 2)
        yield (i, a, "initiator")
        yield (i, b, "target")


EVENT_COLUMNS = (
    "id, type, status, title, when_start, when_end, precision, timeline_date, origin, "
    "confidence, search_text, created_at, updated_at, version"
)


def build(path: Path, n: int) -> float:
    """A database of ``n`` synthetic events at ``path``; returns the seconds it took."""
    started = time.perf_counter()
    if path.exists():
        path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    engine = open_database(f"sqlite:///{path}")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    (trigger_sql,) = con.execute(
        "SELECT sql FROM sqlite_master WHERE type='trigger' AND name='events_fts_insert'"
    ).fetchone()
    with con:
        con.execute("DROP TRIGGER events_fts_insert")
        con.executemany(
            "INSERT INTO actors (id, name, name_key, kind, country) VALUES (?, ?, ?, ?, NULL)",
            [(i + 1, a, a.casefold(), "state") for i, a in enumerate(ACTORS)],
        )
        con.executemany(
            f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 14)})",
            synthetic_events(n),
        )
        con.executemany(
            "INSERT INTO participations (event_id, actor_id, role) VALUES (?, ?, ?)",
            synthetic_participations(n),
        )
        con.execute(
            "INSERT INTO status_changes (event_id, from_status, to_status, recorded_at) "
            "SELECT id, NULL, status, ? FROM events",
            (NOW,),
        )
        con.execute(trigger_sql)
        con.execute("INSERT INTO events_fts(events_fts) VALUES('rebuild')")
    con.execute("ANALYZE")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return time.perf_counter() - started


def build_pg(url: str, n: int) -> float:
    """The same ``n`` synthetic events in the PostgreSQL database at ``url`` (emptied first)."""
    from sqlalchemy import text

    started = time.perf_counter()
    engine = open_database(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "TRUNCATE events, actors, participations, status_changes, mentions, articles, "
                "actor_aliases RESTART IDENTITY CASCADE"
            )
        )
        raw = conn.connection.dbapi_connection
        with raw.cursor() as cur:
            with cur.copy("COPY actors (id, name, name_key, kind) FROM STDIN") as copy:
                for i, a in enumerate(ACTORS):
                    copy.write_row((i + 1, a, a.casefold(), "state"))
            with cur.copy(f"COPY events ({EVENT_COLUMNS}) FROM STDIN") as copy:
                for row in synthetic_events(n):
                    copy.write_row(row)
            with cur.copy("COPY participations (event_id, actor_id, role) FROM STDIN") as copy:
                for row in synthetic_participations(n):
                    copy.write_row(row)
            cur.execute(
                "INSERT INTO status_changes (event_id, from_status, to_status, recorded_at) "
                "SELECT id, NULL, status, %s FROM events",
                (NOW,),
            )
            for table in ("events", "actors", "participations", "status_changes"):
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
                )
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()
    return time.perf_counter() - started


def pg_database(url: str, n: int) -> str:
    """The database for ``n`` events on ``url``'s server: URL's name + "_N", created if need be
    (so that each size is built once and kept, like the SQLite files)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{n}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        ).scalar():
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def ensure_pg(url: str, n: int) -> float | None:
    """Build ``n`` events at ``url`` unless it holds exactly that many already."""
    from sqlalchemy import text

    engine = open_database(url)
    with engine.connect() as conn:
        have = conn.execute(text("SELECT count(*) FROM events")).scalar()
    engine.dispose()
    return None if have == n else build_pg(url, n)


def ensure(directory: Path, n: int) -> tuple[Path, float | None]:
    path = directory / f"bench-{n}.db"
    if path.exists():
        con = sqlite3.connect(path)
        try:
            (have,) = con.execute("SELECT count(*) FROM events").fetchone()
        except sqlite3.DatabaseError:
            have = -1
        con.close()
        if have == n:
            from tracker.db.migrate import upgrade
            from tracker.db.session import make_engine

            engine = make_engine(f"sqlite:///{path}")
            upgrade(engine)  # a database built by an older tracker
            engine.dispose()
            return path, None
    return path, build(path, n)


_changed: asyncio.Event | None = None


def watch_timeline() -> None:
    """Wake the benchmark whenever the timeline repaints, instead of polling in a busy loop
    (which would hold the GIL and slow the worker threads it measures)."""
    from tracker.tui.widgets.timeline import TimelineView

    original = TimelineView.refresh

    def refresh(self, *args, **kwargs):
        if _changed is not None:
            _changed.set()
        return original(self, *args, **kwargs)

    TimelineView.refresh = refresh


async def until(predicate, timeout: float = 30.0) -> None:
    global _changed
    if _changed is None:
        _changed = asyncio.Event()
    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            raise TimeoutError("the timeline did not settle")
        _changed.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(_changed.wait(), 0.005)


def ready(view) -> bool:
    """The latest reload is in and every row on screen is read."""
    if view.total is None or view.loaded_gen != view.generation:
        return False
    top = int(view.scroll_y)
    for y in range(view.body_height):
        index = view.index_at(top + y)
        if index is not None and view.row(index) is None:
            return False
    return True


def paint(view) -> None:
    """Render the widget's lines, as a screen update would."""
    for y in range(view.size.height):
        view.render_line(y)


async def measure(app, action, done=lambda: True, repeat: int = 1) -> list[float]:
    """Milliseconds from ``action`` until ``done()`` and every row on screen is read and drawn."""
    view = app.timeline
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        await action()
        await until(lambda: done() and ready(view))
        paint(view)
        times.append((time.perf_counter() - started) * 1000)
        await asyncio.sleep(0.02)
    return times


def send_key(app, key: str, char: str | None = None) -> None:
    """A key as the terminal driver delivers it (no test-pilot waits)."""
    from textual import events

    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)


async def run_one(url: str) -> dict[str, float]:
    from textual.widgets import Input, Select

    from tracker.tui.app import TrackerApp

    global _changed
    _changed = None
    engine = open_database(url)
    figures: dict[str, float] = {}
    started = time.perf_counter()
    app = TrackerApp(engine, today=TODAY, prewarm=False, freeze_gc=True)  # as run() does
    async with app.run_test(size=SIZE) as pilot:
        view = app.timeline
        await until(lambda: ready(view))
        paint(view)
        figures["first paint"] = (time.perf_counter() - started) * 1000
        await until(lambda: not view.counting)
        figures["first counted"] = (time.perf_counter() - started) * 1000
        await pilot.pause()

        def key(name: str, char: str | None = None):
            async def press():
                nonlocal before
                before = view.cursor
                send_key(app, name, char)

            return press

        before = view.cursor

        def moved() -> bool:
            return view.cursor != before or view.total in (0, None)

        if view.total:
            send_key(app, "home")
            await until(lambda: view.cursor == 0 and ready(view))
        figures["j"] = statistics.median(await measure(app, key("j", "j"), moved, 10))
        page_downs = await measure(app, key("pagedown"), moved, 20)
        figures["page down"] = statistics.median(page_downs)
        figures["page down max"] = max(page_downs)
        figures["end (G)"] = (await measure(app, key("G", "G"), moved))[0]
        figures["home"] = (await measure(app, key("home"), moved))[0]

        status = app.filter_bar.query_one("#filter-status", Select)
        search = app.filter_bar.query_one("#filter-text", Input)
        app.timeline.focus()

        async def set_status(value):
            if value is None:
                status.clear()
            else:
                status.value = value

        async def refilter(change) -> tuple[float, float]:
            """(ms to the new rows drawn, ms to the counts in) for one filter change."""
            gen = view.generation
            started = time.perf_counter()
            await change()
            await until(lambda: view.generation > gen and ready(view))
            paint(view)
            shown = (time.perf_counter() - started) * 1000
            await until(lambda: not view.counting)
            counted = (time.perf_counter() - started) * 1000
            await asyncio.sleep(0.02)
            return shown, counted

        shown, counted = [], []
        for value in ("planned", None, "cancelled", None):
            a, b = await refilter(lambda v=value: set_status(v))
            shown.append(a)
            counted.append(b)
        figures["status filter"] = statistics.median(shown)
        figures["status counted"] = statistics.median(counted)

        async def set_search(value):
            search.value = value

        searches = (
            ("search common", COMMON_WORD),
            ("search rare", RARE_WORD),
            ("search prefix", PREFIX),
        )
        for label, word in searches:
            shown, counted = [], []
            for _ in range(3):
                a, b = await refilter(lambda w=word: set_search(w))
                shown.append(a)
                counted.append(b)
                await refilter(lambda: set_search(""))
            figures[label] = statistics.median(shown)
            figures[label + " 1st"] = shown[0]  # the first time this word is searched
            figures[label.replace("search", "counted")] = statistics.median(counted)

        from tracker.tui.screens.agenda import AgendaScreen, ChangesScreen

        async def open_view(key_name: str, screen_type) -> tuple[float, float]:
            """From the key to the view's lists read and drawn: (wall ms, CPU ms of the
            process, its worker threads included)."""
            app.timeline.focus()
            cpu = time.process_time()
            started = time.perf_counter()
            send_key(app, key_name, key_name)
            deadline = started + 30
            while not (isinstance(app.screen, screen_type) and app.screen.sections is not None):
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"the {key_name} view did not open")
                await asyncio.sleep(0.001)
            await pilot.pause()
            elapsed = (time.perf_counter() - started) * 1000
            cpu = (time.process_time() - cpu) * 1000
            await pilot.press("escape")
            await pilot.pause()
            return elapsed, cpu

        for label, key_name, screen_type in (
            ("agenda (A)", "A", AgendaScreen),
            ("changes (C)", "C", ChangesScreen),
        ):
            opened = [await open_view(key_name, screen_type) for _ in range(3)]
            figures[label] = statistics.median(wall for wall, _ in opened)
            figures[label + " cpu"] = statistics.median(cpu for _, cpu in opened)
    engine.dispose()
    return figures


COLUMNS = [
    "first paint",
    "first counted",
    "j",
    "page down",
    "page down max",
    "end (G)",
    "home",
    "status filter",
    "status counted",
    "search common",
    "search common 1st",
    "counted common",
    "search rare",
    "search rare 1st",
    "counted rare",
    "search prefix",
    "search prefix 1st",
    "counted prefix",
    "agenda (A)",
    "agenda (A) cpu",
    "changes (C)",
    "changes (C) cpu",
]
# figures that are not a response to a keystroke: the counts arrive after the rows are shown
BACKGROUND = {
    "first paint",
    "first counted",
    "status counted",
    "counted common",
    "counted rare",
    "counted prefix",
    "agenda (A) cpu",  # the CPU side of the figure before it
    "changes (C) cpu",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=3, help="measured runs (median)")
    parser.add_argument("--dir", default=os.environ.get("TMPDIR", "/tmp") + "/tracker-bench")
    parser.add_argument(
        "--pg",
        metavar="URL",
        help="also measure PostgreSQL: databases NAME_0, NAME_N... on that server (built once)",
    )
    args = parser.parse_args()
    sizes = [0] + [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    sizes = list(dict.fromkeys(sizes))
    directory = Path(args.dir)
    directory.mkdir(parents=True, exist_ok=True)
    watch_timeline()
    results = {}
    pg_results = {}

    def measured(url: str) -> dict[str, float]:
        # a throwaway run warms imports and the OS cache, then the measured runs
        asyncio.run(run_one(url))
        runs = [asyncio.run(run_one(url)) for _ in range(args.repeat)]
        return {c: statistics.median(r[c] for r in runs) for c in COLUMNS}

    for n in sizes:
        path, built = ensure(directory, n)
        if built is not None:
            print(f"built {n:,} events in {built:.1f} s ({path})", file=sys.stderr)
        results[n] = measured(f"sqlite:///{path}")
        if args.pg:
            url = pg_database(args.pg, n)
            built = ensure_pg(url, n)
            if built is not None:
                print(f"built {n:,} events in {built:.1f} s ({url})", file=sys.stderr)
            pg_results[n] = measured(url)
    print()
    print("| database | events | " + " | ".join(COLUMNS) + " |")
    print("|---|---:|" + "---:|" * len(COLUMNS))
    for backend, table in (("SQLite", results), ("PostgreSQL", pg_results)):
        for n, figures in table.items():
            cells = " | ".join(f"{figures[c]:.1f}" for c in COLUMNS)
            print(f"| {backend} | {n:,} | {cells} |")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    print()
    print("ratio to the empty database (goal: within 2x) and keystrokes over 50 ms:")
    for backend, table in (("SQLite", results), ("PostgreSQL", pg_results)):
        if table:
            report(backend, table)


def report(backend: str, results: dict[int, dict[str, float]]) -> None:
    empty = results[0]
    for n, figures in results.items():
        if n == 0:
            continue
        ratios = {c: figures[c] / max(empty[c], 1.0) for c in COLUMNS if c not in BACKGROUND}
        worst = max(ratios, key=ratios.get)
        slow = [c for c in COLUMNS if c not in BACKGROUND and figures[c] > 50]
        paint_ratio = figures["first paint"] / empty["first paint"]
        print(f"  {backend} {n:,}: first paint {paint_ratio:.1f}x the empty database")
        print(
            f"  {backend} {n:,}: worst {worst} {ratios[worst]:.1f}x; "
            f"over 50 ms: {', '.join(slow) if slow else 'none'}"
        )


if __name__ == "__main__":
    main()
