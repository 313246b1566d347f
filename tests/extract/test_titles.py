"""Event titles: who acts, the act, at whom."""

from tracker.extract.titles import event_title
from tracker.extract.types import ExtractedActor


def actor(name: str, role: str, kind: str = "state") -> ExtractedActor:
    return ExtractedActor(name=name, role=role, kind=kind)


def test_a_directed_act_names_its_maker_and_its_target():
    actors = [actor("United States", "initiator"), actor("Russia", "target")]
    title = event_title("sanctions", actors)
    assert title == "United States sanctions on Russia"


def test_a_joint_act_names_both_makers_not_one_as_if_the_other_were_its_object():
    actors = [
        actor("Donald Trump", "initiator", "person"), actor("Vladimir Putin", "initiator", "person")
    ]
    assert event_title("support", actors) == "Trump–Putin support"
    joint = [actor("United States", "initiator"), actor("European Union", "initiator"),
             actor("Russia", "target")]
    assert event_title("sanctions", joint) == "United States–European Union sanctions on Russia"


def test_a_meeting_names_its_participants():
    actors = [actor("Donald Trump", "participant", "person"),
              actor("Vladimir Putin", "participant", "person")]
    assert event_title("call", actors) == "Trump–Putin phone call"


def test_a_chief_executive_is_named_without_the_title():
    from tracker.extract import extract

    text = "Test\n\nHong Kong Chief Executive Leung Chun-ying asked Japan to refrain.\n"
    events = extract(text).events
    assert [a.name for a in events[0].actors][0] == "Leung Chun-ying"


def test_a_peer_named_after_the_word_is_a_person():
    from tracker.extract import extract

    text = (
        "Test\n\nTrump was on the phone on Wednesday afternoon to speak with his Argentine "
        "peer Mauricio Macri.\n"
    )
    events = extract(text).events
    assert [(e.type, [a.name for a in e.actors]) for e in events] == [
        ("call", ["Donald Trump", "Mauricio Macri"])
    ]


def test_an_act_known_only_by_its_target_does_not_read_as_the_targets_own():
    # "The United States was criticised for ...": whom it is aimed at, no maker named
    assert event_title("criticism", [actor("United States", "target")]) == (
        "Criticism of United States"
    )
    assert event_title("aid", [actor("Ukraine", "target"), actor("Moldova", "target")]) == (
        "Aid to Ukraine and Moldova"
    )
    # with its maker named, the maker comes first as before
    assert event_title("aid", [actor("Japan", "initiator"), actor("Ukraine", "target")]) == (
        "Japan aid to Ukraine"
    )


def test_a_retelling_that_names_the_target_retitles_the_act():
    import datetime as dt

    from tests.extract_helpers import read_body

    events = read_body(
        "China protested on Monday. China lodged a protest with Japan on Monday over the visit.",
        dt.date(2026, 1, 30),
    )
    assert [(e.title, [a.name for a in e.actors]) for e in events] == [
        ("China criticism of Japan", ["China", "Japan"])
    ]


def test_a_person_is_named_by_the_surname_as_written_in_full():
    people = [actor("Mahmoud Abbas", "participant", "person"),
              actor("Ban Ki-moon", "participant", "person")]
    assert event_title("meeting", people) == "Abbas–Ban meeting"  # family name first
    people = [actor("Ursula von der Leyen", "participant", "person"),
              actor("Jean-Yves Le Drian", "participant", "person")]
    assert event_title("meeting", people) == "von der Leyen–Le Drian meeting"
    people = [actor("Isabel Diaz-Ayuso", "participant", "person"),
              actor("Cristina Fernandez de Kirchner", "participant", "person")]
    assert event_title("meeting", people) == "Diaz-Ayuso–Kirchner meeting"
