"""How long everyday CLI commands take, end to end (a new process each time), at 1M events.

    python benchmarks/bench_cli.py                                  # SQLite, 1M events
    python benchmarks/bench_cli.py --sizes 0,1000000 --pg postgresql+psycopg://.../bench

The SQLite databases are those of bench_tui.py (built once, kept in --dir); with --pg the
same synthetic events are loaded into that PostgreSQL database (emptied first unless it holds
exactly that many). Each command runs --repeat times as `python -m tracker --db URL ...`;
the figures are wall-clock seconds (median and best), process start and imports included,
and the CPU seconds the process used (median): on a loaded machine the wall clock measures
the load, the CPU time what the command costs. `agenda` and `changes --keep-mark` (the views of
issue 11) are timed too.
The events `add` creates are deleted afterwards, so the database keeps its event count
(`status` appends to the history of the first event).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_tui  # noqa: E402

BUDGET = 0.3  # seconds: the goal for list, show, status and add


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(url: str, *args: str) -> tuple[float, float, subprocess.CompletedProcess]:
    """(wall seconds, CPU seconds, the finished process) of one command."""
    cpu = children_cpu()
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "--db", url, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    elapsed = time.perf_counter() - started
    cpu = children_cpu() - cpu
    if done.returncode != 0:
        raise SystemExit(f"tracker {' '.join(args)} failed: {done.stderr.strip()}")
    return elapsed, cpu, done


Figures = dict[str, tuple[float, float, float]]  # wall median, wall best, CPU median


def measure(url: str, repeat: int) -> Figures:
    figures: Figures = {}

    def timed(label: str, *args: str) -> subprocess.CompletedProcess:
        times, cpus, last = [], [], None
        for _ in range(repeat):
            elapsed, cpu, last = run(url, *args)
            times.append(elapsed)
            cpus.append(cpu)
        figures[label] = (statistics.median(times), min(times), statistics.median(cpus))
        return last

    timed("--help", "--help")
    timed("list", "list")
    timed("list --search (rare word)", "list", "--search", bench_tui.RARE_WORD)
    timed("list --status --since", "list", "--status", "planned", "--since", "2024-01-01")
    listed = json.loads(run(url, "list", "--limit", "1", "--json")[2].stdout)
    if listed:
        event_id = str(listed[0]["id"])
        timed("show", "show", event_id)
        timed("status", "status", event_id, "postponed", "--note", "bench")
    added = []
    times, cpus = [], []
    for _ in range(repeat):
        elapsed, cpu, done = run(
            url, "add", "--type", "call", "--actor", "Russia", "--actor", "China",
            "--when", "12 March 2025", "--json",
        )  # fmt: skip
        times.append(elapsed)
        cpus.append(cpu)
        added.append(json.loads(done.stdout)["id"])
    figures["add"] = (statistics.median(times), min(times), statistics.median(cpus))
    for event_id in added:
        run(url, "delete", str(event_id), "--yes")
    timed("agenda", "agenda")
    timed("changes", "changes", "--keep-mark")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dir", default=os.environ.get("TMPDIR", "/tmp") + "/tracker-bench")
    parser.add_argument("--pg", metavar="URL", help="also measure this PostgreSQL database")
    args = parser.parse_args()
    load_before = os.getloadavg()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    directory = Path(args.dir)
    directory.mkdir(parents=True, exist_ok=True)
    rows: dict[str, Figures] = {}
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
            f"{figures[c][0]:.2f} ({figures[c][1]:.2f}) cpu {figures[c][2]:.2f}"
            if c in figures
            else "–"
            for c in commands
        )
        print(f"| {name} | {cells} |")
    print(
        f"\nwall seconds, median (best) of {args.repeat} runs, and CPU seconds (median); "
        f"goal {BUDGET} s; load average {load_before[0]:.2f} at the start, "
        f"{os.getloadavg()[0]:.2f} at the end"
    )


if __name__ == "__main__":
    main()
