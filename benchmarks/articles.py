"""Generated article sets for the ingestion benchmark and the crash reproduction.

- ``distinct``: the annotated test articles (tests/extract/corpus*/), copied over and over with
  one word varied per copy, so every copy is a new article (the scenario of the Python 3.11
  segmentation fault: many events, many actors, ORM objects coming and going);
- ``wire``: copies of one story as agencies send it, each with its own lead word and date, so
  every article after the first merges into events already known (the merge path).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted(ROOT.glob("tests/extract/corpus*/*.txt"))

WIRE_STORY = """---
title: {agency}: Trump and Putin to speak by phone on Ukraine
published: {published}
---
WASHINGTON — President Donald Trump will speak with Russian President Vladimir Putin by phone \
on Tuesday, the White House said, in what officials described as a {word} step toward ending \
the war in Ukraine.

Trump said he wanted to meet Putin in Saudi Arabia soon. The Kremlin confirmed the call and \
said Putin was ready for talks.

Ukrainian President Volodymyr Zelenskyy criticised the plan and demanded a seat at any talks. \
The European Union threatened new sanctions against Russia if the attacks went on.

Secretary of State Marco Rubio met Saudi Crown Prince Mohammed bin Salman in Riyadh on Monday \
to prepare the summit.
"""
AGENCIES = ["Reuters", "AP", "AFP", "dpa", "Bloomberg", "ANSA", "EFE", "Kyodo"]
WORDS = ["first", "major", "cautious", "decisive", "tentative", "bold", "careful", "new"]


def distinct_articles(n: int) -> list[tuple[str, str]]:
    """``n`` (file name, text) pairs, all different, built from the annotated test articles."""
    texts = [p.read_text(encoding="utf-8") for p in CORPUS]
    out = []
    for i in range(n):
        base = texts[i % len(texts)]
        # one word varied per copy: a new content hash, the same events
        marker = f"copy{i:05d}"
        lines = base.splitlines()
        body_at = next(
            (k for k in range(len(lines) - 1, -1, -1) if len(lines[k].split()) > 5), len(lines) - 1
        )
        lines[body_at] = f"{lines[body_at]} ({marker})"
        out.append((f"{i:05d}-{CORPUS[i % len(CORPUS)].stem}.txt", "\n".join(lines) + "\n"))
    return out


def wire_articles(n: int) -> list[tuple[str, str]]:
    """``n`` wire copies of one story, a day or two apart: they merge into each other."""
    start = dt.date(2025, 2, 10)
    out = []
    for i in range(n):
        text = WIRE_STORY.format(
            agency=AGENCIES[i % len(AGENCIES)],
            published=(start + dt.timedelta(days=(i // 97) % 3)).isoformat(),
            word=f"{WORDS[i % len(WORDS)]} ({i})",
        )
        out.append((f"{i:05d}-wire.txt", text))
    return out


def write_articles(folder: Path, kind: str, n: int) -> Path:
    """Write the set into ``folder`` (reused when it already holds exactly that set)."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / ".set"
    wanted = f"{kind} {n}"
    if stamp.exists() and stamp.read_text() == wanted:
        return folder
    for old in folder.glob("*.txt"):
        old.unlink()
    make = distinct_articles if kind == "distinct" else wire_articles
    for name, text in make(n):
        (folder / name).write_text(text, encoding="utf-8")
    stamp.write_text(wanted)
    return folder
