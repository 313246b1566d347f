"""``python -m tracker.extract ARTICLE [--published YYYY-MM-DD] --json``: run the extractor."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from tracker.errors import TrackerError
from tracker.extract import extract


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tracker.extract", description=__doc__)
    parser.add_argument("article", type=Path)
    parser.add_argument("--published", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--json", action="store_true", help="print the extraction as JSON")
    args = parser.parse_args(argv)
    try:
        text = args.article.read_text(encoding="utf-8")
        result = extract(text, published=args.published, source=str(args.article))
    except (OSError, TrackerError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        for event in result.events:
            when = event.when.label() if event.when else "?"
            print(f"{event.status:10s} {event.type:10s} {when:16s} {event.title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
