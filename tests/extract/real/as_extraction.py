"""Print an annotator's gold file as `tracker extract --json` would print events.

Used to measure agreement between two annotators with the project's scorer: the second
annotation in second/ (or second58/, second67/) is the gold, the first annotation (tune/ or
heldout/, or batch58/, batch67/) plays the extractor. From the repository root:

    python ../shared/eval/score.py tests/extract/real/second \
        --cmd "python tests/extract/real/as_extraction.py"
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def first_annotation(article: Path) -> dict:
    """The first annotation of an article a second/ part holds: in tune/ or heldout/ (for
    second/), or in the batch the second annotation was made of (second58/ for batch58/)."""
    parts = ["tune", "heldout", *sorted(p.name for p in HERE.glob("batch*"))]
    for part in parts:
        gold = HERE / part / article.name.replace(".txt", ".gold.json")
        if gold.exists():
            return json.loads(gold.read_text("utf-8"))
    raise SystemExit(f"no first annotation for {article.name}")


def main() -> None:
    gold = first_annotation(Path(sys.argv[1]))
    print(json.dumps({
        "article": {"title": "", "published": gold.get("published")},
        "events": [
            {
                "type": e["type"],
                "status": e["status"],
                "actors": [
                    {"name": name, "role": "initiator" if i == 0 else "target"}
                    for i, name in enumerate(e["actors"])
                ],
                "when": e.get("when"),
                "evidence": e.get("evidence", ""),
                "confidence": 1.0,
            }
            for e in gold["events"]
        ],
    }))


if __name__ == "__main__":
    main()
