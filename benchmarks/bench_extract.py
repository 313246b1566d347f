"""Extraction throughput on one core: the dev corpus extracted over and over, in-process.

    python benchmarks/bench_extract.py [CORPUS_DIR] [--words 100000] [--cold-cache | --warm-cache]
                                       [--no-sentences]

Prints two figures by default: cold (the date caches cleared before every round, so every
date candidate is resolved afresh: the honest figure) and warm (caches kept across rounds).
Process start, the first import and one warm-up pass (which imports dateparser) are excluded.

The CPU-time figure (in brackets) is the one to compare on a machine other processes share.

Then the time per KB of one generated sentence of 1, 5 and 20 KB ("Trump met Putin and ..."
and "Trump met Putin, ..." repeated; best of 3): linear time keeps it flat (issue 9 asks
that it grow no more than 1.5x from 1 to 20 KB).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.extract import extract  # noqa: E402
from tracker.extract.dates import _parse_absolute, resolve_expression  # noqa: E402

# the shared development corpus beside the checkout, else the articles that ship with it
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
DEFAULT_CORPUS = SHARED_CORPUS if SHARED_CORPUS.is_dir() else ROOT / "tests" / "extract" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--words", type=int, default=100_000, help="words to extract at least")
    parser.add_argument(
        "--cold-cache",
        action="store_true",
        help="only the cold figure: date caches cleared before every round",
    )
    parser.add_argument(
        "--warm-cache",
        action="store_true",
        help="only the warm figure: caches kept",
    )
    parser.add_argument(
        "--no-sentences", action="store_true", help="skip the long-sentence timings",
    )
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    if not texts:
        print(f"no articles under {args.corpus}", file=sys.stderr)
        return 2
    corpus_words = sum(len(t.split()) for t in texts)
    for text in texts:  # warm-up: imports, lexicon compilation, dateparser
        extract(text)
    rounds = -(-args.words // corpus_words)
    modes = [("cold", True), ("warm", False)]
    if args.cold_cache:
        modes = [("cold", True)]
    elif args.warm_cache:
        modes = [("warm", False)]
    for label, cold in modes:
        events = 0
        started = time.perf_counter()
        cpu_started = time.process_time()
        for _ in range(rounds):
            if cold:
                resolve_expression.cache_clear()
                _parse_absolute.cache_clear()
            for text in texts:
                events += len(extract(text).events)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        words = corpus_words * rounds
        print(
            f"{label}: {len(texts)} articles x {rounds} rounds = {words:,} words, "
            f"{events:,} events in {elapsed:.2f} s: {words / elapsed:,.0f} words/s "
            f"({words / cpu:,.0f} words per CPU second)"
        )
    if not args.no_sentences:
        long_sentences()
    return 0


SENTENCE_UNITS = (
    "Trump met Putin and ",
    "Trump met Putin, ",
    # a future cue, then a time every few words; months in a sentence that tells nothing past
    # (the date finder once searched the whole sentence again for each: quadratic)
    '"Putin will meet Xi on Monday, ',
    "the visit in November and ",
)


def long_sentences() -> None:
    """Time per KB of one sentence of 1, 5 and 20 KB (best of 3 runs each, CPU time)."""
    for unit in SENTENCE_UNITS:
        per_kb = {}
        for kilobytes in (1, 5, 20):
            body = (unit * (kilobytes * 1024 // len(unit) + 1)).rstrip(" ,and") + "."
            text = "A generated article\n\n" + body
            best = float("inf")
            for _ in range(3):
                started = time.process_time()  # CPU time: other processes do not count
                extract(text)
                best = min(best, time.process_time() - started)
            per_kb[kilobytes] = best * 1000 / kilobytes
        figures = ", ".join(f"{kb} KB {ms:.2f} ms/KB" for kb, ms in per_kb.items())
        print(f"one sentence of {unit.strip()!r} ...: {figures}; "
              f"20 KB / 1 KB = {per_kb[20] / per_kb[1]:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
