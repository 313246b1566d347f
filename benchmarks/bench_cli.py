"""How long everyday CLI commands take, end to end (a new process each time), at 1M events.

    python benchmarks/bench_cli.py                                  # SQLite, 1M events
    python benchmarks/bench_cli.py --sizes 0,1000000 --pg postgresql+psycopg://.../bench

The SQLite databases are those of bench_tui.py (built once, kept in --dir); with --pg the
same synthetic events are loaded into that PostgreSQL database (emptied first unless it holds
exactly that many). Each command runs --repeat times as `python -m tracker --db URL ...`;
the figures are wall-clock seconds (median and best), process start and imports included.
The events `add` creates are deleted afterwards, so the database keeps its event count
(`status` appends to the history of the first event).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_tui  # noqa: E402

BUDGET = 0.3  # seconds: the goal for list, show, status and add


def run(url: str, *args: str) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "--db", url, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"tracker {' '.join(args)} failed: {done.stderr.strip()}")
    return elapsed, done


def measure(url: str, repeat: int) -> dict[str, tuple[float, float]]:
    figures: dict[str, tuple[float, float]] = {}

    def timed(label: str, *args: str) -> subprocess.CompletedProcess:
        times, last = [], None
        for _ in range(repeat):
            elapsed, last = run(url, *args)
            times.append(elapsed)
        figures[label] = (statistics.median(times), min(times))
        return last

    timed("--help", "--help")
    timed("list", "list")
    timed("list --search (rare word)", "list", "--search", bench_tui.RARE_WORD)
    timed("list --status --since", "list", "--status", "planned", "--since", "2024-01-01")
    listed = json.loads(run(url, "list", "--limit", "1", "--json")[1].stdout)
    if listed:
        event_id = str(listed[0]["id"])
        timed("show", "show", event_id)
        timed("status", "status", event_id, "postponed", "--note", "bench")
    added = []
    times = []
    for _ in range(repeat):
        elapsed, done = run(
            url, "add", "--type", "call", "--actor", "Russia", "--actor", "China",
            "--when", "12 March 2025", "--json",
        )  # fmt: skip
        times.append(elapsed)
        added.append(json.loads(done.stdout)["id"])
    figures["add"] = (statistics.median(times), min(times))
    for event_id in added:
        run(url, "delete", str(event_id), "--yes")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dir", default=os.environ.get("TMPDIR", "/tmp") + "/tracker-bench")
    parser.add_argument("--pg", metavar="URL", help="also measure this PostgreSQL database")
    args = parser.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    directory = Path(args.dir)
    directory.mkdir(parents=True, exist_ok=True)
    rows: dict[str, dict[str, tuple[float, float]]] = {}
    for n in sizes:
        path, built = bench_tui.ensure(directory, n)
        if built is not None:
            print(f"built {n:,} events in {built:.1f} s ({path})", file=sys.stderr)
        rows[f"SQLite {n:,}"] = measure(f"sqlite:///{path}", args.repeat)
        if args.pg:
            url = bench_tui.pg_database(args.pg, n)
            built = bench_tui.ensure_pg(url, n)
            if built is not None:
                print(f"built {n:,} events in {built:.1f} s ({url})", file=sys.stderr)
            rows[f"PostgreSQL {n:,}"] = measure(url, args.repeat)
    commands = list(next(iter(rows.values())))
    print()
    print("| database | " + " | ".join(commands) + " |")
    print("|---|" + "---:|" * len(commands))
    for name, figures in rows.items():
        cells = " | ".join(
            f"{figures[c][0]:.2f} ({figures[c][1]:.2f})" if c in figures else "–" for c in commands
        )
        print(f"| {name} | {cells} |")
    print(f"\nseconds, median (best) of {args.repeat} runs; goal {BUDGET} s")


if __name__ == "__main__":
    main()
