"""The real-news corpus is well formed: what the scorer reads must be what the guide says."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tracker.domain import EVENT_TYPES, PRECISIONS, STATUSES

REAL = Path(__file__).parent / "real"
PARTS = (
    "tune", "heldout", "second", "fresh",
    "batch4", "batch5", "batch6", "batch7", "batch8", "batch9", "batch10", "batch11", "batch12",
    "batch13", "batch14", "batch15", "batch16",
)
ARTICLES = sorted(p for part in PARTS for p in (REAL / part).glob("*.txt"))
FRONT = re.compile(
    r"\A---\ntitle: .+\npublished: (\d{4}-\d{2}-\d{2})\nsource: (.+?), (https?://\S+)\n---\n"
)


def test_the_split_is_kept_and_large_enough():
    tune = {p.name for p in (REAL / "tune").glob("*.txt")}
    heldout = {p.name for p in (REAL / "heldout").glob("*.txt")}
    assert len(tune) + len(heldout) >= 120
    assert not tune & heldout
    second = {p.name for p in (REAL / "second").glob("*.txt")}
    assert len(second) >= 20 and second <= tune | heldout
    # batch 3, scored untuned: a part of its own, every article annotated
    fresh = list((REAL / "fresh").glob("*.txt"))
    assert len(fresh) >= 20 and not {p.name for p in fresh} & (tune | heldout)
    assert all(p.with_name(p.stem + ".gold.json").exists() for p in fresh)
    # batch 4, scored untuned: new reports, none of them in an earlier part
    batch4 = list((REAL / "batch4").glob("*.txt"))
    earlier = tune | heldout | {p.name for p in fresh}
    assert len(batch4) >= 25 and not {p.name for p in batch4} & earlier
    assert all(p.with_name(p.stem + ".gold.json").exists() for p in batch4)
    # batch 5, scored untuned at the end of session 4
    batch5 = list((REAL / "batch5").glob("*.txt"))
    assert len(batch5) >= 25 and not {p.name for p in batch5} & (earlier | {p.name for p in batch4})
    assert all(p.with_name(p.stem + ".gold.json").exists() for p in batch5)
    # batch 6, scored untuned with the session's last extractor
    batch6 = list((REAL / "batch6").glob("*.txt"))
    before6 = earlier | {p.name for p in batch4} | {p.name for p in batch5}
    assert len(batch6) >= 25 and not {p.name for p in batch6} & before6
    assert all(p.with_name(p.stem + ".gold.json").exists() for p in batch6)
    # batch 7, scored untuned with the session's last extractor
    batch7 = list((REAL / "batch7").glob("*.txt"))
    assert len(batch7) >= 25 and not {p.name for p in batch7} & (before6 | {p.name for p in batch6})
    assert all(p.with_name(p.stem + ".gold.json").exists() for p in batch7)
    # batch 8, collected and annotated blind in session 5, scored untuned at its start and end
    batch8 = list((REAL / "batch8").glob("*.txt"))
    before8 = before6 | {p.name for p in batch6} | {p.name for p in batch7}
    assert len(batch8) >= 25 and not {p.name for p in batch8} & before8
    assert all(p.with_name(p.stem + ".gold.json").exists() for p in batch8)
    # batch 9, collected and annotated blind in session 5 like batch 8
    batch9 = list((REAL / "batch9").glob("*.txt"))
    before9 = before8 | {p.name for p in batch8}
    assert len(batch9) >= 25 and not {p.name for p in batch9} & before9
    assert all(p.with_name(p.stem + ".gold.json").exists() for p in batch9)
    # batches 10 and 11, collected and annotated blind in session 6, scored untuned
    before10 = before9 | {p.name for p in batch9}
    for name in ("batch10", "batch11"):
        batch = list((REAL / name).glob("*.txt"))
        assert len(batch) >= 25 and not {p.name for p in batch} & before10
        assert all(p.with_name(p.stem + ".gold.json").exists() for p in batch)
        before10 |= {p.name for p in batch}
    # batch 12, collected and annotated blind in session 8, scored untuned at its start and end
    batch12 = list((REAL / "batch12").glob("*.txt"))
    assert len(batch12) >= 25 and not {p.name for p in batch12} & before10
    assert all(p.with_name(p.stem + ".gold.json").exists() for p in batch12)
    # batch 13, collected and annotated blind in session 9, scored untuned at its start and end
    batch13 = list((REAL / "batch13").glob("*.txt"))
    before13 = before10 | {p.name for p in batch12}
    assert len(batch13) >= 25 and not {p.name for p in batch13} & before13
    assert all(p.with_name(p.stem + ".gold.json").exists() for p in batch13)
    # batch 14, collected and annotated blind in session 10, scored untuned at its start and end
    batch14 = list((REAL / "batch14").glob("*.txt"))
    before14 = before13 | {p.name for p in batch13}
    assert len(batch14) >= 25 and not {p.name for p in batch14} & before14
    assert all(p.with_name(p.stem + ".gold.json").exists() for p in batch14)
    # batch 15, collected and annotated blind in session 11, scored untuned at its start and end
    batch15 = list((REAL / "batch15").glob("*.txt"))
    before15 = before14 | {p.name for p in batch14}
    assert len(batch15) >= 25 and not {p.name for p in batch15} & before15
    assert all(p.with_name(p.stem + ".gold.json").exists() for p in batch15)
    # batch 16, collected and annotated blind in session 12, scored untuned at its start and end
    batch16 = list((REAL / "batch16").glob("*.txt"))
    before16 = before15 | {p.name for p in batch15}
    assert len(batch16) >= 25 and not {p.name for p in batch16} & before16
    assert all(p.with_name(p.stem + ".gold.json").exists() for p in batch16)


def test_at_least_thirty_outlets_from_2010_to_2026():
    outlets, years = set(), set()
    for path in ARTICLES:
        m = FRONT.match(path.read_text("utf-8"))
        outlets.add(m.group(2).split(" (")[0].strip().lower())
        years.add(int(m.group(1)[:4]))
    assert len(outlets) >= 30
    assert min(years) >= 2010 and max(years) <= 2026


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_article_and_gold_agree_with_the_guide(article: Path):
    text = article.read_text("utf-8")
    front = FRONT.match(text)
    assert front, "front matter: title, published, source: OUTLET, URL"
    gold_path = article.with_name(article.stem + ".gold.json")
    if not gold_path.exists():
        pytest.skip("not annotated yet")
    gold = json.loads(gold_path.read_text("utf-8"))
    assert gold["published"] == front.group(1)
    for event in gold["events"]:
        assert event["type"] in EVENT_TYPES
        assert event["status"] in STATUSES
        assert event["actors"] and all(isinstance(a, str) and a for a in event["actors"])
        assert event["evidence"] in text, "evidence is verbatim"
        when = event["when"]
        if when is not None:
            assert when["precision"] in PRECISIONS
            assert when["start"] <= when["end"]


def test_every_type_and_status_is_represented():
    seen_types, seen_statuses = set(), set()
    for gold in (REAL / "tune").glob("*.gold.json"):
        for event in json.loads(gold.read_text("utf-8"))["events"]:
            seen_types.add(event["type"])
            seen_statuses.add(event["status"])
    assert seen_types == set(EVENT_TYPES)
    assert seen_statuses == set(STATUSES)
