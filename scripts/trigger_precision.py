"""How often each trigger word's events are right, on the tuned parts only (README, round 17).

    python scripts/trigger_precision.py [--scorer ../shared/eval] [--least 6] [--most 0.2]

Every event the extractor reads from the tuned real-news parts is matched to the gold with the
scorer's own matching; the events are then counted by (type, trigger words as written). A word
whose events are right less often than about a third of the time costs F1 wherever it fires
(dropping a set of events raises F1 when fewer than F1/2 of them are right). The rows printed are
the words with at least ``--least`` events of which at most ``--most`` are right: candidates to
drop from the lexicon or to narrow with a pattern, each to be read before it is changed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.extract.pipeline import extract  # noqa: E402
from tracker.services.ingest import read_article_text  # noqa: E402

REAL = ROOT / "tests/extract/real"
# the parts tuned on (real/README.md); the scored-only parts are never read here
TUNED = [REAL / "tune", REAL / "fresh"] + [
    REAL / f"batch{n}" for n in (4, 5, 6, 7, 8, 9, 21, 24, 26, 27, 30, 31, 35)
]


def count(scorer) -> tuple[Counter, Counter]:
    right: Counter = Counter()
    wrong: Counter = Counter()
    for part in TUNED:
        for path in sorted(part.glob("*.txt")):
            gold = json.loads(path.with_suffix(".gold.json").read_text("utf-8"))["events"]
            extraction = extract(read_article_text(path), source=str(path))
            got = extraction.to_json()["events"]
            matched = {j for _, j in scorer.match(gold, got, families=False)}
            for j, event in enumerate(extraction.events):
                key = (event.type, event.trigger.lower())
                (right if j in matched else wrong)[key] += 1
    return right, wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared/eval")
    ap.add_argument("--least", type=int, default=6, help="events a word needs to be shown")
    ap.add_argument("--most", type=float, default=0.2, help="largest share right to be shown")
    args = ap.parse_args()
    if not (args.scorer / "score.py").exists():
        print(f"error: no score.py under {args.scorer}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(args.scorer))
    import score  # the scorer's own matching

    right, wrong = count(score)
    rows = []
    for key in set(right) | set(wrong):
        n = right[key] + wrong[key]
        if n >= args.least and right[key] / n <= args.most:
            rows.append((right[key] / n, -n, key))
    for share, minus_n, (event_type, trigger) in sorted(rows):
        print(f"{event_type:10s} {trigger[:40]:40s} right {right[(event_type, trigger)]:3d} "
              f"of {-minus_n:3d} ({share:.0%})")
    total_right, total = sum(right.values()), sum(right.values()) + sum(wrong.values())
    print(f"all triggers: {total_right} of {total} events right ({total_right / total:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
