"""Two learned components weighed against the rules, on the tuned parts only (README, round 16).

    python scripts/learned_components.py [--scorer ../shared/eval]

1. A filter over extracted events: logistic regression on what the extractor knows of each
   event (type, status, trigger word, parties, position, wording); an event is dropped when its
   probability of matching gold is below a threshold.
2. A sentence detector for missed acts: logistic regression on a sentence's words, per event
   type, adding an event with the sentence's parties where the rules found none of that type.

Each is scored by leaving one part out at a time (trained on the others), with the scorer's own
matching. Pure Python (no numpy), a few minutes on one core. Only tuned parts are read.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.extract.actors import ArticleMemory, find_mentions  # noqa: E402
from tracker.extract.articles import read_article  # noqa: E402
from tracker.extract.pipeline import _base_index, extract  # noqa: E402
from tracker.extract.sentences import split_sentences  # noqa: E402
from tracker.extract.tokens import tokenize  # noqa: E402

REAL = ROOT / "tests/extract/real"
PARTS = [REAL / "tune", REAL / "fresh"] + [
    REAL / f"batch{n}" for n in (4, 5, 6, 7, 8, 9, 21, 24, 26, 27, 30, 31)
]
TYPES = ("call", "meeting", "talks", "agreement", "proposal", "demand", "criticism", "support",
         "rejection", "sanctions", "aid", "military")
WORD = re.compile(r"[^\W_]+")
MODAL = {"would", "could", "might", "may", "if", "not", "no", "never", "should", "will"}


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def bucket(x: float, edges: list[float]) -> str:
    return str(next((i for i, e in enumerate(edges) if x <= e), len(edges)))


def train(rows: list[tuple[dict, int]], l2: float = 1.0, epochs: int = 20, rate: float = 0.1):
    w: dict[str, float] = defaultdict(float)
    data = list(rows)
    rnd = random.Random(0)
    for _ in range(epochs):
        rnd.shuffle(data)
        for f, y in data:
            p = 1 / (1 + math.exp(-max(min(sum(w[k] * v for k, v in f.items()), 30), -30)))
            for k, v in f.items():
                w[k] -= rate * ((p - y) * v + l2 * w[k] / len(data))
    return w


def prob(w, f) -> float:
    return 1 / (1 + math.exp(-max(min(sum(w.get(k, 0.0) * v for k, v in f.items()), 30), -30)))


def event_features(ev, evs, length: int) -> dict[str, float]:
    trig = ev.trigger.lower().split()
    tw = trig[-1] if trig else ""
    n = min(len(ev.actors), 4)
    low = words(ev.evidence)
    f = {"b": 1.0, "t=" + ev.type: 1.0, "ts=" + ev.type + ev.status: 1.0, "tr=" + tw: 1.0,
         "ttr=" + ev.type + tw: 1.0, f"tn={ev.type}{n}": 1.0,
         "k=" + ",".join(sorted({a.kind for a in ev.actors})): 1.0,
         "r=" + ",".join(a.role for a in ev.actors): 1.0,
         "when=" + ("inf" if ev.when_inferred else "y" if ev.when else "n"): 1.0,
         "len=" + bucket(len(ev.evidence.split()), [8, 15, 25, 40]): 1.0,
         "pos=" + bucket(ev.start / max(length, 1), [0.1, 0.3, 0.6]): 1.0,
         "ss=" + str(min(sum(e.start == ev.start for e in evs), 4)): 1.0,
         "st=" + str(min(sum(e.type == ev.type for e in evs), 4)): 1.0}
    for m in MODAL & low:
        f["m=" + m] = 1.0
    if "said" in low or "says" in low:
        f["said"] = 1.0
    return f


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared/eval")
    args = ap.parse_args()
    sys.path.insert(0, str(args.scorer))
    import score  # the scorer's own matching

    events, sentences, gold_total, tp_total, got_total = [], [], 0, 0, 0
    for part in PARTS:
        for path in sorted(part.glob("*.txt")):
            gold = json.loads(path.with_suffix(".gold.json").read_text())["events"]
            text = path.read_text("utf-8")
            found = extract(text, source=str(path)).events
            got = [e.to_json() for e in found]
            pairs = score.match(gold, got, families=False)
            matched_got = {j for _, j in pairs}
            unmatched = [g for i, g in enumerate(gold) if i not in {i for i, _ in pairs}]
            gold_total += len(gold)
            tp_total += len(pairs)
            got_total += len(got)
            for j, e in enumerate(found):
                events.append((part, event_features(e, found, len(text)), int(j in matched_got)))
            article = read_article(text, source=str(path))
            memory = ArticleMemory.for_article(article.body)
            for sentence in split_sentences(text, article.body_offset):
                tokens = tokenize(sentence.text)
                if not tokens:
                    continue
                names = list(dict.fromkeys(
                    m.actor.name for m in find_mentions(tokens, _base_index(), memory)
                    if not m.location
                ))
                if not names:
                    continue
                said = words(sentence.text)
                have = {x["type"] for x in got if x["evidence"] in sentence.text}
                for t in TYPES:
                    if t in have:
                        continue
                    hit = any(
                        g["type"] == t and score.grounded(g.get("evidence", ""), sentence.text)
                        and score.overlap(score.actor_names(g), names) for g in unmatched
                    )
                    f = {"b|" + t: 1.0, f"n|{t}|{min(len(names), 3)}": 1.0}
                    f.update({f"w|{t}|{w}": 1.0 for w in said})
                    sentences.append((part, f, int(hit)))

    def f1(tp: int, got: int) -> float:
        return 2 * tp / (got + gold_total)

    print(f"tuned real parts: {gold_total} gold, {got_total} extracted, {tp_total} matched, "
          f"F1 {f1(tp_total, got_total):.4f}")
    for name, rows, adding in (("event filter", events, False),
                               ("sentence detector", sentences, True)):
        scored = []
        for part in PARTS:
            w = train([(f, y) for p, f, y in rows if p != part], epochs=8 if adding else 30)
            scored += [(prob(w, f), y) for p, f, y in rows if p == part]
        for threshold in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6):
            chosen = [y for p, y in scored if p >= threshold]
            if adding:
                tp, got = tp_total + sum(chosen), got_total + len(chosen)
                note = f"adds {len(chosen)}, {sum(chosen)} right"
            else:
                tp, got = sum(chosen), len(chosen)
                note = f"keeps {len(chosen)} of {len(scored)}"
            print(f"{name}, threshold {threshold}: F1 {f1(tp, got):.4f} ({note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
