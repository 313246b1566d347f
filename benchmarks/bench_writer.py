"""The ingest writer alone: extractions made once (cached), then stored and timed.

    python benchmarks/bench_writer.py --db sqlite:////tmp/x.db --kind wire --n 500
    python benchmarks/bench_writer.py --copy-1m --n 300 --profile /tmp/w.prof
    python benchmarks/bench_writer.py --db postgresql+psycopg://postgres@127.0.0.1/DB --n 300

`tracker ingest --jobs N` extracts in worker processes while one process writes: when the
database is large the writer is what limits the run. This measures that process only: wall
and CPU seconds of storing ``--n`` articles (bench_ingest's article sets, extracted beforehand
with the database's known actors and kept in /tmp/tracker-bench-ingest), the statements sent
(count and time per statement shape, from SQLAlchemy's cursor events) and, with --profile, a
cProfile of the writer.

``--dump FILE`` writes every row the run left in the database (timestamps left out) so that
two versions of the writer can be compared on the same database and articles (merge_check).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import os
import pickle
import pstats
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(os.environ.get("TRACKER_ROOT") or Path(__file__).resolve().parents[1])
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from articles import write_articles  # noqa: E402

import tracker  # noqa: E402,F401  (bound to ROOT before bench_tui puts this checkout first)

WORK = Path("/tmp/tracker-bench-ingest")
SQLITE_1M = Path("/tmp/tracker-bench/bench-1000000.db")


def _extract_one(job):
    from tracker.services import ingest

    text, source, known = job
    extraction = ingest._extract(text, source, None, known, None)
    return source, ingest.content_hash(text), extraction


def extractions(folders: list[Path], known, jobs: int) -> list[tuple[str, str, object]]:
    """(source, digest, extraction) per article file, in name order; cached on disk."""
    from tracker.services.ingest import read_article_text

    paths = [p for folder in folders for p in sorted(folder.iterdir()) if p.suffix == ".txt"]
    key = hashlib.sha256(
        repr(([str(p) for p in paths], [(a.name, a.aliases) for a in known])).encode()
    ).hexdigest()[:16]
    cache = WORK / f"extractions-{key}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    jobs_in = [(read_article_text(p), str(p), known) for p in paths]
    if jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            out = pool.map(_extract_one, jobs_in, chunksize=4)
    else:
        out = [_extract_one(j) for j in jobs_in]
    cache.write_bytes(pickle.dumps(out))
    return out


def count_statements(engine):
    from sqlalchemy import event

    stats: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])

    @event.listens_for(engine, "before_cursor_execute")
    def before(conn, cursor, statement, parameters, context, executemany):
        conn.info["t0"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def after(conn, cursor, statement, parameters, context, executemany):
        shape = " ".join(statement.split())[:90]
        entry = stats[shape]
        entry[0] += 1
        entry[1] += time.perf_counter() - conn.info.pop("t0", time.perf_counter())

    return stats


DUMP_QUERIES = [
    "SELECT id, source, title, published, date_source, content_hash FROM articles ORDER BY id",
    "SELECT id, name, name_key, kind, country FROM actors ORDER BY id",
    "SELECT id, actor_id, alias, alias_key FROM actor_aliases ORDER BY id",
    "SELECT id, type, status, title, when_start, when_end, precision, timeline_date, origin, "
    "confidence, notes, search_text, version FROM events WHERE id > :base OR version > 1 "
    "ORDER BY id",
    "SELECT id, event_id, actor_id, role FROM participations WHERE event_id > :base "
    "OR id > :pbase ORDER BY id",
    "SELECT id, event_id, article_id, sentence, start_offset, end_offset, implied_status "
    "FROM mentions ORDER BY id",
    "SELECT id, event_id, from_status, to_status, effective_at, effective_precision, "
    "mention_id, note FROM status_changes WHERE id > :sbase ORDER BY id",
]


def base_ids(engine) -> dict[str, int]:
    from sqlalchemy import text

    with engine.connect() as conn:
        return {
            "base": conn.scalar(text("SELECT coalesce(max(id), 0) FROM events")),
            "pbase": conn.scalar(text("SELECT coalesce(max(id), 0) FROM participations")),
            "sbase": conn.scalar(text("SELECT coalesce(max(id), 0) FROM status_changes")),
        }


def dump(engine, base: dict[str, int], path: Path) -> str:
    from sqlalchemy import text

    digest = hashlib.sha256()
    with engine.connect() as conn, path.open("w") as out:
        for query in DUMP_QUERIES:
            out.write(f"# {query}\n")
            for row in conn.execute(text(query), base):
                line = repr(tuple(row)) + "\n"
                out.write(line)
                digest.update(line.encode())
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="database URL (used as it is: give a copy)")
    parser.add_argument("--copy-1m", action="store_true", help="a copy of the SQLite 1M file")
    parser.add_argument("--kind", default="wire", help="wire, distinct, or both: wire,distinct")
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=2, help="for the one-off extraction")
    parser.add_argument(
        "--undated", action="store_true", help="the articles' dates taken away (undated articles)"
    )
    parser.add_argument("--profile", metavar="FILE")
    parser.add_argument("--statements", action="store_true", help="print statement counts")
    parser.add_argument("--dump", metavar="FILE", help="rows written, for merge_check")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)

    from tracker.db.session import open_database
    from tracker.services.ingest import Writer, known_actor_entries

    url = args.db
    if args.copy_1m:
        copy = WORK / "writer-1m.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
        shutil.copyfile(SQLITE_1M, copy)
        url = f"sqlite:///{copy}"
    engine = open_database(url)
    with engine.connect() as conn:
        known = known_actor_entries(conn)
    folders = [write_articles(WORK / f"{k}-{args.n}", k, args.n) for k in args.kind.split(",")]
    todo = extractions(folders, known, args.jobs)
    if args.undated:  # the same articles without their dates: new articles, undated
        import dataclasses

        todo = [
            (
                source + "#undated",
                hashlib.sha256(("undated " + digest).encode()).hexdigest(),
                dataclasses.replace(ex, article=dataclasses.replace(ex.article, published=None)),
            )
            for source, digest, ex in todo
        ]
    base = base_ids(engine)
    stats = count_statements(engine) if args.statements else None
    writer = Writer(engine)
    # CPU time, not wall: the machine may be shared
    profiler = cProfile.Profile(time.process_time) if args.profile else None
    states: dict[str, int] = defaultdict(int)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    if profiler:
        profiler.enable()
    for source, digest, extraction in todo:
        states[writer.store(source, digest, extraction).state] += 1
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    n = len(todo)
    print(
        f"{engine.dialect.name} {url.rsplit('/', 1)[-1]}: {n} articles in {wall:.1f} s wall "
        f"({n / wall:.1f}/s), {cpu:.1f} s CPU ({n / cpu:.1f}/CPU s); {dict(states)}"
    )
    if stats is not None:
        total = sum(c for c, _ in stats.values())
        print(f"{total} statements ({total / n:.1f} per article)")
        for shape, (count, seconds) in sorted(stats.items(), key=lambda kv: -kv[1][1])[:25]:
            print(f"{count:7d} {seconds:8.2f} s {1000 * seconds / count:7.2f} ms  {shape}")
    if profiler:
        profiler.dump_stats(args.profile)
        pstats.Stats(args.profile).sort_stats("cumulative").print_stats(30)
    if args.dump:
        print("dump sha256", dump(engine, base, Path(args.dump)))
    engine.dispose()


if __name__ == "__main__":
    main()
