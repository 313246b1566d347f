"""Merging extracted events into the store, independent of the extractor's rules."""

import datetime as dt

import pytest

from tracker.domain import When
from tracker.errors import TrackerError
from tracker.extract.types import Article, ExtractedActor, ExtractedEvent, Extraction
from tracker.services.events import get_event, history_order
from tracker.services.ingest import (
    MAX_ARTICLE_BYTES,
    apply_extraction,
    collect_paths,
    read_article_text,
)
from tracker.services.query import EventFilter, list_events

TRUMP = ExtractedActor("Donald Trump", "participant", "person", "US")
PUTIN = ExtractedActor("Vladimir Putin", "participant", "person", "RU")
ZELENSKYY = ExtractedActor("Volodymyr Zelenskyy", "target", "person", "UA")


def extraction(published, *events, title="An article"):
    text = " ".join(e.evidence for e in events)
    return Extraction(Article(title, published, text, 0, text), list(events))


def call(status, when=None, evidence="Trump and Putin spoke.", actors=(TRUMP, PUTIN)):
    return ExtractedEvent("call", status, list(actors), when, evidence, 0, len(evidence), 0.8)


def test_a_later_article_moves_the_status_with_its_mention_as_source(session):
    first = apply_extraction(
        session,
        extraction(dt.date(2025, 1, 24), call("planned", evidence="A call is planned.")),
        "a.txt",
        "h1",
    )
    day = When(dt.date(2025, 2, 12), dt.date(2025, 2, 12), "day")
    second = apply_extraction(
        session,
        extraction(dt.date(2025, 2, 13), call("occurred", day, "They spoke on Wednesday.")),
        "b.txt",
        "h2",
    )
    session.commit()
    assert (first.new_events, second.new_events, second.merged_mentions) == (1, 0, 1)
    assert second.status_changes == 1
    (event,) = list_events(session, EventFilter())
    event = get_event(session, event.id)
    assert event.status == "occurred"
    assert (event.when_start, event.precision) == (dt.date(2025, 2, 12), "day")
    history = sorted(event.status_changes, key=history_order)
    assert [(c.from_status, c.to_status, c.effective_at) for c in history] == [
        (None, "planned", dt.date(2025, 1, 24)),
        ("planned", "occurred", dt.date(2025, 2, 13)),
    ]
    assert history[1].mention.sentence == "They spoke on Wednesday."
    assert history[0].mention.article.source == "a.txt"
    assert [m.article.source for m in event.mentions] == ["a.txt", "b.txt"]


def test_an_older_report_does_not_walk_an_event_back(session):
    apply_extraction(session, extraction(dt.date(2025, 2, 13), call("occurred")), "a.txt", "h1")
    outcome = apply_extraction(
        session,
        extraction(dt.date(2025, 2, 14), call("planned", evidence="A call was planned.")),
        "b.txt",
        "h2",
    )
    session.commit()
    assert (outcome.merged_mentions, outcome.status_changes) == (1, 0)
    assert list_events(session)[0].status == "occurred"


def test_different_actors_or_times_stay_separate_events(session):
    march = When(dt.date(2025, 3, 1), dt.date(2025, 3, 31), "month")
    june = When(dt.date(2025, 6, 1), dt.date(2025, 6, 30), "month")
    apply_extraction(session, extraction(None, call("planned", march)), "a.txt", "h1")
    apply_extraction(session, extraction(None, call("planned", june)), "b.txt", "h2")
    apply_extraction(
        session, extraction(None, call("planned", actors=(TRUMP, ZELENSKYY))), "c.txt", "h3"
    )
    session.commit()
    assert len(list_events(session)) == 3


def test_events_without_a_time_sit_at_the_article_date(session):
    apply_extraction(session, extraction(dt.date(2025, 1, 24), call("planned")), "a.txt", "h1")
    session.commit()
    (event,) = list_events(session)
    assert event.when_start is None and event.timeline_date == dt.date(2025, 1, 24)


def test_known_actors_bring_their_gazetteer_aliases(session):
    from tracker.services.actors import resolve_actor

    russia = ExtractedActor("Russia", "target", "state", "RU")
    event = ExtractedEvent(
        "sanctions", "threatened", [TRUMP, russia], None, "Sanctions loom.", 0, 15, 0.7
    )
    apply_extraction(session, extraction(None, event), "a.txt", "h1")
    session.commit()
    assert resolve_actor(session, "the Kremlin").name == "Russia"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("Caf\u00e9 talks".encode("latin-1"), "not UTF-8"),
    ],
)
def test_unreadable_articles_are_refused_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(TrackerError, match=reason):
        read_article_text(path)


def test_missing_and_huge_files(tmp_path):
    with pytest.raises(TrackerError, match="no such file"):
        read_article_text(tmp_path / "nope.txt")
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"word " * (MAX_ARTICLE_BYTES // 5 + 1))
    with pytest.raises(TrackerError, match="too large"):
        read_article_text(huge)


def test_collect_paths_takes_folders_globs_and_reports_the_rest(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "deep").mkdir()
    (tmp_path / "a" / "deep" / "two.md").write_text("x")
    (tmp_path / "a" / "image.png").write_bytes(b"x")
    (tmp_path / "three.txt").write_text("x")
    paths, problems = collect_paths(
        [
            str(tmp_path / "a"),
            str(tmp_path / "*.txt"),
            str(tmp_path / "missing.txt"),
            str(tmp_path / "a" / "image.png"),
        ]
    )
    assert sorted(p.name for p in paths) == ["one.txt", "three.txt", "two.md"]
    assert sorted(p.reason for p in problems) == [
        "no such file or folder",
        "not a .txt, .md or .html file",
    ]


def test_an_undated_mention_does_not_merge_into_an_event_years_away(session):
    held = When(dt.date(2019, 6, 30), dt.date(2019, 6, 30), "day")
    apply_extraction(
        session, extraction(dt.date(2019, 7, 1), call("occurred", held)), "a.txt", "h1"
    )
    outcome = apply_extraction(
        session,
        extraction(dt.date(2025, 1, 24), call("planned", evidence="A call is planned.")),
        "b.txt",
        "h2",
    )
    session.commit()
    assert (outcome.new_events, outcome.merged_mentions, outcome.status_changes) == (1, 0, 0)
    assert sorted(e.status for e in list_events(session)) == ["occurred", "planned"]


def test_an_article_of_several_events_merges_each_into_its_own(session):
    """Several mentions in one article (PostgreSQL reads their candidates in one round trip,
    before any is merged): each finds its event, and none takes an event an earlier one took."""
    day = When(dt.date(2025, 2, 12), dt.date(2025, 2, 12), "day")
    meeting = ExtractedEvent(
        "meeting", "planned", [TRUMP, PUTIN], None, "They will meet.", 0, 15, 0.8
    )
    first = apply_extraction(
        session,
        extraction(dt.date(2025, 2, 10), call("planned", day), meeting, call("planned", day)),
        "a.txt",
        "h1",
    )
    assert (first.new_events, first.merged_mentions) == (3, 0)
    second = apply_extraction(
        session,
        extraction(
            dt.date(2025, 2, 11),
            call("planned", day, "Trump and Putin will speak."),
            meeting,
            call("occurred", day, "They spoke."),
            call("planned", day, "A third call."),
        ),
        "b.txt",
        "h2",
    )
    session.commit()
    assert (second.new_events, second.merged_mentions) == (1, 3)
    assert len(list_events(session, EventFilter())) == 4


def test_a_name_spelled_with_or_without_diacritics_is_one_actor(session):
    accented = ExtractedActor("Recep Tayyip Erdoğan", "participant", "person", "TR")
    plain = ExtractedActor("Recep Tayyip Erdogan", "participant", "person", "TR")
    for day, erdogan, name in ((24, accented, "a.txt"), (25, plain, "b.txt")):
        apply_extraction(
            session,
            extraction(
                dt.date(2025, 1, day),
                call("occurred", evidence=f"{erdogan.name} and Putin spoke on the {day}th.",
                     actors=(erdogan, PUTIN),
                     when=When(dt.date(2025, 1, day), dt.date(2025, 1, day), "day")),
            ),
            name,
            name,
        )
    session.commit()
    from sqlalchemy import select

    from tracker.db.models import Actor

    names = session.scalars(select(Actor.name).where(Actor.country == "TR")).all()
    assert names == ["Recep Tayyip Erdoğan"]


def test_a_later_article_that_names_another_party_retitles_the_event_unless_a_person_did(
    session,
):
    from tracker.extract.titles import event_title
    from tracker.services.events import edit_event

    day = When(dt.date(2025, 2, 12), dt.date(2025, 2, 12), "day")
    macron = ExtractedActor("Emmanuel Macron", "participant", "person", "FR")

    def told(actors, evidence):
        found = call("occurred", day, evidence, actors)
        found.title = event_title("call", list(actors))
        return found

    apply_extraction(
        session, extraction(dt.date(2025, 2, 12), told([TRUMP, PUTIN], "They spoke.")),
        "a.txt", "h1",
    )
    second = apply_extraction(
        session,
        extraction(dt.date(2025, 2, 12), told([TRUMP, PUTIN, macron], "Macron joined them.")),
        "b.txt", "h2",
    )
    session.commit()
    assert second.merged_mentions == 1
    (event,) = list_events(session, EventFilter())
    event = get_event(session, event.id)
    assert event.title == "Trump–Putin–Macron phone call"
    assert "emmanuel macron" in event.search_text.casefold()
    # a title a person gave stays as it is
    edit_event(session, event.id, title="The Wednesday call")
    session.commit()
    apply_extraction(
        session,
        extraction(dt.date(2025, 2, 12), told([TRUMP, PUTIN, ZELENSKYY], "Zelenskyy too.")),
        "c.txt", "h3",
    )
    session.commit()
    assert get_event(session, event.id).title == "The Wednesday call"
