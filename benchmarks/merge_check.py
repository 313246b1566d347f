"""Does the ingest writer still merge the same way? Rows written by a fixed run, compared.

    python benchmarks/merge_check.py --out /tmp/after.txt                      # SQLite
    python benchmarks/merge_check.py --pg postgresql+psycopg://postgres@127.0.0.1/postgres
    TRACKER_ROOT=/path/to/older/checkout python benchmarks/merge_check.py --out /tmp/before.txt

A database of --events synthetic events (bench_tui's: 1% undated, so merges into undated
events and the "anywhere" limit of undated articles are both exercised) receives a fixed
sequence of articles, extracted once and cached (the extractor is not what is checked):
distinct test articles, the same articles with their date taken away (undated articles),
and wire copies that merge into each other, interleaved. Every row the run wrote or changed
(timestamps left out) is dumped to --out and its SHA-256 printed: two versions of the writer
merge alike when the digests match (TRACKER_ROOT runs another checkout's tracker package on
the same articles and extractions).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import pickle
import shutil
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from articles import write_articles  # noqa: E402
from bench_writer import base_ids, dump, extractions  # noqa: E402

WORK = Path("/tmp/tracker-merge-check")


def sequence(n: int, known) -> list[tuple[str, str, object]]:
    """The articles in a fixed order: (source, digest, extraction)."""
    cache = WORK / f"sequence-{n}-{len(known)}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    distinct = extractions([write_articles(WORK / f"distinct-{n}", "distinct", n)], known, 2)
    wire = extractions([write_articles(WORK / f"wire-{n}", "wire", n)], known, 2)
    undated = []
    for source, digest, ex in distinct[: n // 2]:  # the same text with no date: new articles
        article = dataclasses.replace(ex.article, published=None)
        undated.append(
            (
                source + "#undated",
                hashlib.sha256(("undated " + digest).encode()).hexdigest(),
                dataclasses.replace(ex, article=article),
            )
        )
    out = []
    third = n // 3
    for k in range(3):  # interleaved: undated events are made, then told again, and so on
        out += distinct[k * third : (k + 1) * third]
        out += undated[k * (n // 6) : (k + 1) * (n // 6)]
        out += wire[k * third : (k + 1) * third]
    cache.write_bytes(pickle.dumps(out))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", metavar="URL", help="PostgreSQL server URL (a database is made)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--n", type=int, default=300, help="articles of each kind")
    parser.add_argument("--out", default=None, help="dump file (default: WORK/<backend>.txt)")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)

    import bench_tui
    from sqlalchemy import text

    from tracker.db.session import open_database
    from tracker.services.ingest import Writer, known_actor_entries

    admin = None
    if args.pg:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        name = f"merge_check_{uuid.uuid4().hex[:8]}"
        admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
        bench_tui.build_pg(url, args.events)
    else:
        base = WORK / f"base-{args.events}.db"
        if not base.exists():
            bench_tui.build(base, args.events)
        copy = WORK / "run.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
        shutil.copyfile(base, copy)
        url = f"sqlite:///{copy}"
    try:
        engine = open_database(url)
        with engine.connect() as conn:
            known = known_actor_entries(conn)
        todo = sequence(args.n, known)
        ids = base_ids(engine)
        writer = Writer(engine)
        states: dict[str, int] = {}
        for source, digest, extraction in todo:
            outcome = writer.store(source, digest, extraction)
            states[outcome.state] = states.get(outcome.state, 0) + 1
            if outcome.state == "failed":
                print("failed:", source, outcome.reason)
        out = Path(args.out or WORK / f"{engine.dialect.name}.txt")
        digest = dump(engine, ids, out)
        engine.dispose()
        import tracker

        where = Path(tracker.__file__).parent
        print(f"tracker from {where}; {engine.dialect.name}; {states}; rows in {out}")
        print(f"sha256 {digest}")
    finally:
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()
