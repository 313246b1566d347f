"""Rules found by reading the extractor's output on untagged news (session 10; session 9's are
in test_news_reading.py): each test is a sentence written for it, in the style of the wire copy
that showed the fault."""

import datetime as dt

from tests.extract_helpers import read_body


def events(text, published=dt.date(2015, 8, 6)):
    return [
        (e.type, e.status, [(a.name, a.role) for a in e.actors]) for e in read_body(text, published)
    ]


def test_a_fronted_request_names_who_asked_and_the_main_clause_names_who_was_asked():
    got = events(
        "After a request from the Burmese government, India's Ministry of Home Affairs "
        "announced late on Wednesday that 100 tons of rice would be flown to Mandalay."
    )
    assert ("demand", "occurred", [("Myanmar", "initiator"), ("India", "target")]) in got
    # the request's maker is the recipient of the aid it asked for
    assert ("aid", "planned", [("India", "initiator"), ("Myanmar", "target")]) in got
    got = events(
        "Following a request from Kenya, the Ugandan government sent troops to the border."
    )
    assert ("demand", "occurred", [("Kenya", "initiator"), ("Uganda", "target")]) in got


def test_aid_asked_for_by_a_party_goes_to_it():
    got = events("Following an appeal by the Philippines, Japan sent tents and blankets.")
    aid = [e for e in got if e[0] == "aid"]
    assert aid and ("Philippines", "target") in aid[0][2]


def test_relief_goods_sent_in_the_passive_are_the_announcers_aid():
    got = events("China's foreign ministry said on Thursday that tents and blankets would be "
                 "flown to Nepal.")
    assert [e[:2] for e in got] == [("aid", "planned")]
    assert ("China", "initiator") in got[0][2]
    # no relief goods, no aid: "the letter was sent to Nepal"
    assert [e for e in events("The letter was sent to Nepal on Thursday.") if e[0] == "aid"] == []


def test_an_invitation_accepted_is_a_visit_planned_whoever_made_it():
    got = events("Putin accepted Xi's invitation to visit China in October.")
    assert got[0][:2] == ("meeting", "planned")
    assert {"Vladimir Putin", "Xi Jinping"} <= {name for name, _ in got[0][2]}


def test_whoever_faces_a_measure_is_its_target():
    assert events("Iran will face new sanctions, the US said.") == [
        ("sanctions", "planned", [("United States", "initiator"), ("Iran", "target")])
    ]
    got = events("Russia faces fresh EU sanctions over Ukraine.")
    assert got[0][2] == [("European Union", "initiator"), ("Russia", "target")]


def test_a_negation_does_not_reach_into_a_clause_of_its_own_subject():
    got = events("Russia has done nothing since it agreed in Geneva on April 17 to reduce "
                 "tensions in Ukraine.", published=dt.date(2014, 4, 28))
    assert [e[:2] for e in got] == [("agreement", "occurred")]
    # within one clause the negation still holds
    assert events("Russia has not agreed to reduce tensions.") == []


def test_a_meeting_agreed_to_be_put_off_or_called_off_is_so():
    got = events("The European Union and China have agreed to postpone a summit planned for "
                 "this fall.")
    assert [e[:2] for e in got] == [("meeting", "postponed")]
    got = events("Russia and Ukraine agreed to cancel talks planned for Monday.")
    assert [e[:2] for e in got] == [("talks", "cancelled")]
    assert [e[:2] for e in events("The EU and China agreed to hold a summit in September.")] == [
        ("meeting", "planned")]


def test_a_meeting_with_its_own_participle_of_plan_is_planned():
    got = events("Merkel and Xi discussed the Sept. 14 summit, scheduled to be held in Leipzig.",
                 published=dt.date(2020, 6, 3))
    meetings = [e for e in got if e[0] == "meeting"]
    assert meetings and meetings[0][1] == "planned"


def test_a_response_to_reports_names_no_party_of_the_act():
    got = events("Indonesia has recalled its ambassador to Australia in a furious response to "
                 "reports that Australian spies tried to listen to the phone calls of President "
                 "Susilo Bambang Yudhoyono.")
    assert got[0] == (
        "sanctions", "occurred", [("Indonesia", "initiator"), ("Australia", "target")]
    )


def test_a_quoted_judgement_of_what_was_told_is_the_speakers_criticism():
    got = events("Indonesia has recalled its ambassador to Australia over spying reports. "
                 "\"This is an unfriendly, unbecoming act between strategic partners,\" Foreign "
                 "Minister Marty Natalegawa told reporters.")
    assert ("criticism", "occurred") in [e[:2] for e in got]
    denied = "\"This is not an unfriendly act,\" Foreign Minister Marty Natalegawa said."
    assert events(denied) == []


def test_a_person_welcomed_or_received_is_met_a_persons_decision_welcomed_is_praised():
    got = events("Kenyan President William Ruto welcomed Ethiopian Prime Minister Abiy Ahmed at "
                 "State House on Monday.")
    assert got[0][:2] == ("meeting", "occurred")
    assert got[0][2] == [("William Ruto", "participant"), ("Abiy Ahmed", "participant")]
    assert events("Ruto will receive Abiy Ahmed in Nairobi on Friday.")[0][:2] == (
        "meeting", "planned")
    assert events("Ruto welcomed Abiy Ahmed's decision.")[0][0] == "support"


def test_a_body_that_only_describes_its_members_is_no_party():
    got = events("A meeting between NATO allies Greece and Turkey was held in Ankara on Thursday.")
    assert got and all("NATO" not in [n for n, _ in parties] for _, _, parties in got)
    assert {"Greece", "Turkey"} <= {n for n, _ in got[0][2]}


def test_a_target_answering_with_its_own_measure_is_a_second_act():
    # "its own sanctions": the possessive names the answer, not the act told before
    found = events(
        "The European Union imposed sanctions on Belarus on Friday. Belarus retaliated by "
        "announcing its own sanctions against the EU."
    )
    assert ("sanctions", "occurred", [("European Union", "initiator"), ("Belarus", "target")]) in (
        found
    )
    assert ("sanctions", "occurred", [("Belarus", "initiator"), ("European Union", "target")]) in (
        found
    )
    # told again by its author, the act stays one
    again = events(
        "The European Union imposed sanctions on Belarus on Friday. The EU said its sanctions "
        "would stay in place."
    )
    assert [e[0] for e in again] == ["sanctions"]


def test_two_sides_that_discussed_something_consulted():
    got = events(
        "On January 26, in Istanbul, Foreign Minister Hakan Fidan and his British counterpart "
        "David Cameron discussed the Gaza conflict and bilateral issues."
    )
    assert [(t, s, [n for n, _ in actors]) for t, s, actors in got] == [
        ("meeting", "occurred", ["Hakan Fidan", "David Cameron"])
    ]
    # what was discussed in a consultation the sentence names is that consultation
    got = events(
        "Modi spoke with Zelensky by phone on Monday. During the call, both sides discussed "
        "the war."
    )
    assert [t for t, _, _ in got] == ["call"]
    # one side alone discussing a matter consulted no one
    assert events("Erdogan discussed the economy in a speech in Ankara.") == []


def test_coordinated_gerunds_after_by_are_two_acts():
    got = events(
        "Belarus retaliated by announcing sanctions against the EU and recalling its "
        "ambassadors from Poland and Lithuania."
    )
    assert ("sanctions", "occurred", [("Belarus", "initiator"), ("European Union", "target")]) in (
        got
    )
    assert (
        "sanctions", "occurred",
        [("Belarus", "initiator"), ("Poland", "target"), ("Lithuania", "target")],
    ) in got


def test_a_coup_named_after_a_preposition_is_the_setting_of_another_act():
    got = events(
        "President Joe Biden said his administration would impose new sanctions on the leaders "
        "of last week's military coup in Myanmar."
    )
    assert [t for t, _, _ in got] == ["sanctions"]
    got = events("The African Union suspended Mali after last August's coup.")
    assert "military" not in [t for t, _, _ in got]
    # a coup staged or led is told as an act
    got = events("Colonel Assimi Goita, who led the August coup, was sworn in on Monday.")
    assert [t for t, _, _ in got] == ["military"]


def test_a_relative_clause_that_says_who_ousted_someone_is_no_act_told():
    got = events(
        "While the generals who ousted Bazoum have called for a three-year transition, ECOWAS "
        "demands the immediate return to constitutional order."
    )
    assert "military" not in [t for t, _, _ in got]
    got = events("The army ousted President Mohamed Bazoum on July 26.")
    assert [t for t, _, _ in got] == ["military"]
