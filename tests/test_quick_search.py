"""The first screen of a search, found by walking the time index, is what the index gives."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event
from sqlalchemy.orm import Session

from tracker.db.session import open_database, unit_of_work
from tracker.domain import When
from tracker.services import timeline as tl
from tracker.services.events import ActorRole, add_event
from tracker.services.query import EventFilter

TITLES = [
    "Trump–Putin phone call",
    "Talks on tariffs in Genève",
    "Zelenskyy's visit to Brussels",
    "snake_case_words and talk_show",
    "Xi Jinping meets Lula (BRICS)",
    "Ceasefire talks stall; TALKS resume",
    "Élysée summit on energy",
    "trade talks #12 with 3rd party",
]
WORDS = ["talks", "ta", "ge", "geneve", "elysee", "show", "case", "trump put", "3rd", "zel", "s"]


def test_quick_rows_match_the_search_index(tmp_path):
    engine = open_database(f"sqlite:///{tmp_path / 't.db'}")
    with unit_of_work(engine) as s:
        for i in range(400):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=i % 200)
            add_event(
                s,
                type="talks",
                status="planned",
                actors=[ActorRole("Russia")] if i % 3 else [],
                title=TITLES[i % len(TITLES)],
                when=When(day, day, "day"),
            )
    key = (dt.date(2024, 4, 1), 0)
    with Session(engine) as s:
        for word in WORDS:
            for statuses in ((), ("planned",), ("occurred",)):
                filt = EventFilter(text=word, statuses=statuses)
                quick = tl.quick_text_rows(s, filt, key, 10, 30)
                planned = tl.plan(s, filt)
                expected = (
                    tl.rows_before(s, planned, key, 10),
                    tl.rows_from(s, planned, key, 30),
                )
                if quick is None:  # too rare to fill the screen from a short walk
                    assert len(expected[0]) + len(expected[1]) < 40 or word == "elysee"
                    continue
                assert [r.id for r in quick[0]] == [r.id for r in expected[0]], word
                assert [r.id for r in quick[1]] == [r.id for r in expected[1]], word
    engine.dispose()


def test_rare_words_go_to_the_search_index(tmp_path, monkeypatch):
    monkeypatch.setattr(tl, "QUICK_SCAN", 60)
    monkeypatch.setattr(tl, "_QUICK_BATCH", 20)
    engine = open_database(f"sqlite:///{tmp_path / 't.db'}")
    with unit_of_work(engine) as s:
        for i in range(300):
            add_event(s, type="talks", status="planned", title="zanzibar" if i == 7 else "x y")
    start = (dt.date(2000, 1, 1), 0)
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with Session(engine) as s:
        assert tl.quick_text_rows(s, EventFilter(text="zanz"), start, 5, 20) is None
        # the search index said so first: no row of the time index was tested in vain
        assert not [q for q in statements if "search_text" in q and "ORDER BY" in q]
        # a common word fills the screen from the walk
        quick = tl.quick_text_rows(s, EventFilter(text="x"), start, 5, 20)
        assert quick is not None and len(quick[1]) == 20
    engine.dispose()
