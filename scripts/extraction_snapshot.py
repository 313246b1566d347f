"""Write every field ``extract`` returns for the development and tuning articles to one JSON file.

    python scripts/extraction_snapshot.py OUT.json [--reverse]

A guard for changes that must not alter extraction (speed work): take a snapshot before, one
after, and compare the files byte for byte. ``--reverse`` extracts the articles in the opposite
order (the file is the same), which catches a cache whose answer depends on what ran before it.
The held-out articles are never read.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.extract import extract  # noqa: E402

# shared/ sits beside the main checkout; a worktree under wt/ is one level deeper
SHARED_DEV = next(
    (p / "shared" / "corpus" / "dev" for p in (ROOT.parent, ROOT.parent.parent)
     if (p / "shared" / "corpus" / "dev").is_dir()),
    ROOT.parent / "shared" / "corpus" / "dev",
)
CORPORA = (
    SHARED_DEV,
    ROOT / "tests" / "extract" / "corpus",
    ROOT / "tests" / "extract" / "corpus2",
    ROOT / "tests" / "extract" / "corpus3",
    ROOT / "tests" / "extract" / "real" / "tune",
)


def _plain(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"cannot write {type(value).__name__}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--reverse", action="store_true", help="extract in reverse order")
    args = parser.parse_args()
    missing = [str(corpus) for corpus in CORPORA if not any(corpus.glob("*.txt"))]
    if missing:
        print(f"no articles under {', '.join(missing)}", file=sys.stderr)
        return 2
    paths = [p for corpus in CORPORA for p in sorted(corpus.glob("*.txt"))]
    if args.reverse:
        paths.reverse()
    results = {}
    for path in paths:
        extraction = extract(path.read_text(encoding="utf-8"))
        results[str(path.relative_to(path.parent.parent))] = {
            "published": extraction.article.published,
            "title": extraction.article.title,
            "events": [dataclasses.asdict(e) for e in extraction.events],
        }
    text = json.dumps(results, default=_plain, indent=1, sort_keys=True, ensure_ascii=False)
    args.out.write_text(text + "\n", encoding="utf-8")
    events = sum(len(r["events"]) for r in results.values())
    print(f"{len(results)} articles, {events} events -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
