import datetime as dt

import pytest
from sqlalchemy import select

from tracker.db.models import Actor, StatusChange
from tracker.domain import When
from tracker.errors import ConflictError, NotFoundError, TrackerError
from tracker.services import actors as actor_service
from tracker.services.events import (
    ActorRole,
    add_event,
    change_status,
    delete_event,
    edit_event,
    get_event,
    parse_actor_role,
)
from tracker.services.query import EventFilter, count_events, list_events

FEB_12 = When(dt.date(2025, 2, 12), dt.date(2025, 2, 12), "day")
MARCH = When(dt.date(2025, 3, 1), dt.date(2025, 3, 31), "month")


def trump_putin_call(session, **kw):
    return add_event(
        session,
        type="call",
        status=kw.pop("status", "planned"),
        actors=[ActorRole("Donald Trump"), ActorRole("Vladimir Putin")],
        when=kw.pop("when", FEB_12),
        **kw,
    )


def test_add_event_records_first_status_change(session):
    event = trump_putin_call(session, note="from the seed")
    session.commit()
    loaded = get_event(session, event.id)
    assert loaded.status == "planned"
    assert [(c.from_status, c.to_status, c.note) for c in loaded.status_changes] == [
        (None, "planned", "from the seed")
    ]
    assert {p.actor.name for p in loaded.participations} == {"Donald Trump", "Vladimir Putin"}
    assert loaded.timeline_date == dt.date(2025, 2, 12)


def test_unknown_type_and_status_are_refused(session):
    with pytest.raises(TrackerError, match="unknown event type"):
        add_event(session, type="picnic", status="planned")
    with pytest.raises(TrackerError, match="unknown status"):
        add_event(session, type="call", status="maybe")


def test_status_history_is_appended_and_current_follows_effective_time(session):
    event = trump_putin_call(session)
    session.commit()
    change_status(session, event.id, "occurred", at=FEB_12, note="the call took place")
    session.commit()
    # a late report of an earlier state goes into history without moving the current status
    change_status(
        session, event.id, "proposed", at=When(dt.date(2025, 1, 2), dt.date(2025, 1, 2), "day")
    )
    session.commit()
    loaded = get_event(session, event.id)
    assert loaded.status == "occurred"
    assert [c.to_status for c in loaded.status_changes] == ["planned", "occurred", "proposed"]
    assert loaded.status_changes[1].from_status == "planned"


def test_stale_version_is_a_conflict_and_writes_nothing(session):
    event = trump_putin_call(session)
    session.commit()
    with pytest.raises(ConflictError):
        change_status(session, event.id, "occurred", expected_version=event.version + 5)
    session.rollback()
    assert len(session.scalars(select(StatusChange)).all()) == 1


def test_edit_event_changes_fields_and_bumps_version(session):
    event = trump_putin_call(session)
    session.commit()
    version = event.version
    edit_event(session, event.id, title="First call", when=MARCH, actors=[ActorRole("Trump")])
    session.commit()
    loaded = get_event(session, event.id)
    assert loaded.title == "First call"
    assert (loaded.precision, loaded.when_start) == ("month", dt.date(2025, 3, 1))
    assert [p.actor.name for p in loaded.participations] == ["Trump"]
    assert loaded.version > version


def test_delete_event_removes_it_and_its_history(session):
    event = trump_putin_call(session)
    session.commit()
    delete_event(session, event.id)
    session.commit()
    with pytest.raises(NotFoundError):
        get_event(session, event.id)
    assert session.scalars(select(StatusChange)).all() == []


def test_aliases_resolve_and_names_are_case_insensitive(session):
    actor_service.add_actor(session, "Russia", kind="state", country="ru", aliases=["the Kremlin"])
    session.commit()
    assert actor_service.resolve_actor(session, "KREMLIN").name == "Russia"
    assert actor_service.resolve_actor(session, "russia").country == "RU"
    with pytest.raises(TrackerError, match="already exists"):
        actor_service.add_actor(session, "RUSSIA", kind="state")


def test_filters_by_actor_alias_type_status_time_and_text(session):
    actor_service.add_actor(session, "Russia", kind="state", aliases=["Moscow"])
    trump_putin_call(session, title="Phone call on Ukraine")
    add_event(
        session,
        type="sanctions",
        status="threatened",
        actors=[ActorRole("Donald Trump", "initiator"), ActorRole("Russia", "target")],
        title="Economic sanctions if no deal",
        when=MARCH,
    )
    session.commit()
    assert count_events(session, EventFilter()) == 2
    assert [e.type for e in list_events(session, EventFilter(actors=("moscow",)))] == ["sanctions"]
    assert count_events(session, EventFilter(types=("call",))) == 1
    assert count_events(session, EventFilter(statuses=("threatened",))) == 1
    assert count_events(session, EventFilter(since=dt.date(2025, 3, 1))) == 1
    assert [e.type for e in list_events(session, EventFilter(text="sanct"))] == ["sanctions"]
    assert [e.type for e in list_events(session, EventFilter(text="putin"))] == ["call"]
    with pytest.raises(NotFoundError):
        list_events(session, EventFilter(actors=("Atlantis",)))


def test_keyset_pages_walk_the_timeline_both_ways(session):
    for day in range(1, 11):
        add_event(
            session,
            type="meeting",
            status="occurred",
            actors=[ActorRole("A")],
            when=When(dt.date(2025, 1, day), dt.date(2025, 1, day), "day"),
        )
    session.commit()
    first = list_events(session, limit=4)
    second = list_events(session, limit=4, after=(first[-1].timeline_date, first[-1].id))
    assert [e.when_start.day for e in first + second] == list(range(1, 9))
    back = list_events(session, limit=4, before=(second[0].timeline_date, second[0].id))
    assert back == first


def test_merge_actors_keeps_all_events(session):
    trump_putin_call(session)
    add_event(
        session,
        type="meeting",
        status="proposed",
        actors=[ActorRole("Trump"), ActorRole("Vladimir Putin")],
    )
    session.commit()
    actor_service.merge_actors(session, "Donald Trump", "Trump")
    session.commit()
    assert count_events(session, EventFilter(actors=("Donald Trump",))) == 2
    assert actor_service.resolve_actor(session, "trump").name == "Donald Trump"
    assert session.scalar(select(Actor).where(Actor.name == "Trump")) is None
    assert count_events(session, EventFilter(text="donald")) == 2


def test_merging_an_actor_with_aliases_is_silent_and_keeps_every_name(session):
    """The absorbed actor's aliases were deleted twice (once in bulk, once by the cascade of
    its deletion), and SQLAlchemy printed a warning on the user's terminal."""
    import warnings

    trump_putin_call(session)
    actor_service.add_actor(session, "Volodya")
    actor_service.add_alias(session, "Volodya", "Vova")
    actor_service.add_alias(session, "Volodya", "V. V.")
    session.commit()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        actor_service.merge_actors(session, "Vladimir Putin", "Volodya")
        session.commit()
    for name in ("Volodya", "Vova", "V. V.", "Vladimir Putin"):
        assert actor_service.resolve_actor(session, name).name == "Vladimir Putin"


def test_parse_actor_role():
    assert parse_actor_role("Donald Trump:initiator") == ActorRole("Donald Trump", "initiator")
    assert parse_actor_role("Russia") == ActorRole("Russia", "participant")
    with pytest.raises(TrackerError, match="unknown role"):
        parse_actor_role("Russia:boss")


def test_completion_offers_names_and_aliases_without_their_article(session):
    from tracker.services.query import actor_names_matching

    actor_service.add_actor(session, "Russia", kind="state", aliases=["the Kremlin", "Moscow"])
    actor_service.add_actor(session, "Kim Jong Un")
    session.commit()
    assert actor_names_matching(session, "krem") == ["Kremlin"]
    assert actor_names_matching(session, "the k") == ["the Kremlin"]
    assert actor_names_matching(session, "KIM") == ["Kim Jong Un"]
    assert actor_names_matching(session, "mos") == ["Moscow"]


def test_an_actor_is_found_with_or_without_diacritics(session):
    accented = actor_service.add_actor(session, "Recep Tayyip Erdoğan", country="TR")
    plain = actor_service.add_actor(session, "Nicolas Maduro", country="VE")
    session.commit()
    assert actor_service.find_actor(session, "recep tayyip erdogan") == accented
    assert actor_service.find_actor(session, "Nicolás Maduro") == plain
    with pytest.raises(TrackerError, match="already exists"):
        actor_service.add_actor(session, "Recep Tayyip Erdogan")
