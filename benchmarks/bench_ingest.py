"""How fast `tracker ingest` stores articles, into SQLite and PostgreSQL, fresh and at 1M events.

    python benchmarks/bench_ingest.py                          # SQLite, fresh and 1M
    python benchmarks/bench_ingest.py --pg postgresql+psycopg://postgres@127.0.0.1/postgres
    python benchmarks/bench_ingest.py --sizes fresh --n 500 --jobs 1,2
    python benchmarks/bench_ingest.py --crash                  # the issue's crash scenario

Articles (benchmarks/articles.py): ``wire`` (default) is 2,000 wire copies of one story, each
merging into the events of the ones before (the merge path: candidate lookups, search-text
updates, status history); ``distinct`` is the annotated test articles copied over and over with
one word varied per copy.

Each run is a real `tracker ingest FOLDER --jobs N` process on a fresh database (a new SQLite
file, a new PostgreSQL database) or on a copy of the 1M-event database (SQLite: built by
benchmarks/bench_tui.py into /tmp/tracker-bench; PostgreSQL: built here once, kept as the
database ``tracker_bench_1m`` and copied per run as a template). Printed: wall seconds and
articles per second (process start included); the CPU seconds the ingest and its workers used
and articles per CPU second (what the run costs, whatever else the machine is doing); the
exit code.

``--crash`` replays the issue's segmentation fault scenario: 2,000 distinct articles into a
fresh SQLite file, then 300 into a copy of the 1M database; a crash shows as exit code -11.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from articles import write_articles  # noqa: E402

WORK = Path("/tmp/tracker-bench-ingest")
SQLITE_1M = Path("/tmp/tracker-bench/bench-1000000.db")
PG_1M = "tracker_bench_1m"


def run_ingest(url: str, folder: Path, jobs: int) -> tuple[float, float, int, str]:
    """(wall seconds, CPU seconds of the process and its workers, exit code, summary)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.run(
        [sys.executable, "-m", "tracker", "--db", url, "ingest", str(folder), "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = next((ln for ln in process.stdout.splitlines() if "already known" in ln), "")
    if process.returncode not in (0, 1):
        summary += " | " + process.stderr.strip().splitlines()[-1:][0] if process.stderr else ""
    return elapsed, cpu, process.returncode, summary


# ---------------------------------------------------------------- databases


def sqlite_fresh() -> str:
    path = WORK / f"fresh-{uuid.uuid4().hex[:8]}.db"
    return f"sqlite:///{path}"


def sqlite_1m() -> str:
    if not SQLITE_1M.exists():
        from bench_tui import ensure

        print("building the 1M SQLite database (bench_tui) ...", flush=True)
        ensure(SQLITE_1M.parent, 1_000_000)
    copy = WORK / "copy-1m.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    shutil.copyfile(SQLITE_1M, copy)
    url = f"sqlite:///{copy}"
    upgrade_schema(url)  # built by an older tracker
    return url


def upgrade_schema(url: str) -> None:
    from tracker.db.migrate import upgrade
    from tracker.db.session import make_engine

    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()


def _admin(pg_url: str):
    from sqlalchemy import create_engine

    return create_engine(pg_url, isolation_level="AUTOCOMMIT")


def pg_database(pg_url: str, template: str | None = None) -> str:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    name = f"bench_ingest_{uuid.uuid4().hex[:8]}"
    admin = _admin(pg_url)
    with admin.connect() as conn:
        extra = f' TEMPLATE "{template}"' if template else ""
        conn.execute(text(f'CREATE DATABASE "{name}"{extra}'))
    admin.dispose()
    return make_url(pg_url).set(database=name).render_as_string(hide_password=False)


def drop_pg(pg_url: str, url: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    admin = _admin(pg_url)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


def pg_1m(pg_url: str) -> str:
    """A copy of the kept 1M-event PostgreSQL database (built here the first time)."""
    from sqlalchemy import text

    admin = _admin(pg_url)
    with admin.connect() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": PG_1M})
    admin.dispose()
    if not exists:
        build_pg_1m(pg_url)
    url = pg_database(pg_url, template=PG_1M)
    upgrade_schema(url)
    return url


def build_pg_1m(pg_url: str) -> None:
    """1M synthetic events like bench_tui's, generated inside PostgreSQL (minutes, once)."""
    from bench_tui import ACTORS
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from tracker.db.session import open_database
    from tracker.domain import EVENT_TYPES, STATUSES

    print(f"building the 1M PostgreSQL database {PG_1M} (once) ...", flush=True)
    started = time.perf_counter()
    admin = _admin(pg_url)
    with admin.connect() as conn:  # a build cut short before is started again
        conn.execute(text(f'DROP DATABASE IF EXISTS "{PG_1M}_build" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{PG_1M}_build"'))
    admin.dispose()
    url = make_url(pg_url).set(database=f"{PG_1M}_build").render_as_string(hide_password=False)
    engine = open_database(url)
    types = "ARRAY[" + ",".join(f"'{t}'" for t in EVENT_TYPES) + "]"
    statuses = "ARRAY[" + ",".join(f"'{s}'" for s in STATUSES) + "]"
    n_actors = len(ACTORS)
    with engine.begin() as conn:
        for i, name in enumerate(ACTORS, start=1):
            conn.execute(
                text("INSERT INTO actors (id, name, name_key, kind) VALUES (:i, :n, :k, 'state')"),
                {"i": i, "n": name, "k": name.casefold()},
            )
        conn.execute(
            text(
                f"""
            INSERT INTO events (id, type, status, title, when_start, when_end, precision,
                timeline_date, origin, confidence, search_text, created_at, updated_at, version)
            SELECT i, ({types})[1 + i % {len(EVENT_TYPES)}],
                   ({statuses})[1 + (i * 7) % {len(STATUSES)}],
                   'Synthetic event ' || i,
                   CASE WHEN i % 10 <> 0 THEN d END, CASE WHEN i % 10 <> 0 THEN d END,
                   CASE WHEN i % 10 <> 0 THEN 'day' END, d, 'extracted', 0.9,
                   'Synthetic event ' || i, now(), now(), 1
            FROM (SELECT i, DATE '1995-01-01' + ((i::bigint * 7919) % 14600)::int AS d
                  FROM generate_series(1, 1000000) AS i) AS s"""
            )
        )
        conn.execute(
            text(
                f"""
            INSERT INTO participations (event_id, actor_id, role)
            SELECT i, 1 + i % {n_actors}, 'initiator' FROM generate_series(1, 1000000) AS i
            UNION ALL
            SELECT i, 1 + (i % {n_actors} + 1 + (i / {n_actors}) % ({n_actors} - 1)) % {n_actors},
                   'target'
            FROM generate_series(1, 1000000) AS i"""
            )
        )
        conn.execute(
            text(
                "INSERT INTO status_changes (event_id, from_status, to_status, recorded_at) "
                "SELECT id, NULL, status, now() FROM events"
            )
        )
        for table in ("actors", "events", "participations", "status_changes"):
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
            )
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    engine.dispose()
    admin = _admin(pg_url)
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{PG_1M}_build" RENAME TO "{PG_1M}"'))
    admin.dispose()
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", metavar="URL", help="PostgreSQL server URL (any database).")
    parser.add_argument("--no-sqlite", action="store_true", help="Only PostgreSQL.")
    parser.add_argument("--sizes", default="fresh,1m", help="fresh, 1m or both.")
    parser.add_argument("--n", type=int, default=2000, help="Articles per run.")
    parser.add_argument("--kind", default="wire", choices=["wire", "distinct"])
    parser.add_argument("--jobs", default=str(os.cpu_count() or 1), help="e.g. 1,2")
    parser.add_argument("--crash", action="store_true", help="The issue's crash scenario.")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)

    if args.crash:
        distinct = write_articles(WORK / "distinct-2000", "distinct", 2000)
        first300 = WORK / "distinct-300"
        write_articles(first300, "distinct", 300)
        print(f"python {sys.version.split()[0]}")
        for label, url, folder in [
            ("2,000 distinct into fresh SQLite", sqlite_fresh(), distinct),
            ("300 distinct into a 1M SQLite copy", sqlite_1m(), first300),
        ]:
            elapsed, _cpu, code, summary = run_ingest(url, folder, 1)
            print(f"{label}: exit {code} in {elapsed:.0f} s: {summary}", flush=True)
        return

    folder = write_articles(WORK / f"{args.kind}-{args.n}", args.kind, args.n)
    backends = [] if args.no_sqlite else ["sqlite"]
    if args.pg:
        backends.append("postgresql")
    print(f"{args.n} {args.kind} articles; python {sys.version.split()[0]}; {os.cpu_count()} cores")
    print(
        f"{'backend':<11} {'database':<9} {'jobs':>4} {'seconds':>8} {'articles/s':>10} "
        f"{'cpu s':>7} {'per cpu s':>9}  exit"
    )
    for backend in backends:
        for size in args.sizes.split(","):
            for jobs in (int(j) for j in args.jobs.split(",")):
                if backend == "sqlite":
                    url = sqlite_fresh() if size == "fresh" else sqlite_1m()
                else:
                    url = pg_database(args.pg) if size == "fresh" else pg_1m(args.pg)
                try:
                    elapsed, cpu, code, summary = run_ingest(url, folder, jobs)
                finally:
                    if backend == "postgresql":
                        drop_pg(args.pg, url)
                    else:
                        for suffix in ("", "-wal", "-shm"):
                            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
                print(
                    f"{backend:<11} {size:<9} {jobs:>4} {elapsed:>8.1f} "
                    f"{args.n / elapsed:>10.1f} {cpu:>7.1f} {args.n / cpu:>9.1f}  "
                    f"{code}  {summary}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
