"""Recall rules for unseen articles: each with a sentence of its own."""

import datetime as dt

import pytest

from tracker.extract import extract


def events(text, published=dt.date(2024, 11, 27)):
    return [
        (e.type, e.status, [a.name for a in e.actors])
        for e in extract(f"Test\n\n{text}\n", published=published).events
    ]


def test_an_offer_to_host_further_rounds_proposes_talks():
    text = "Norway has offered to host further rounds of the process if both sides agree."
    assert any(t == "talks" and s == "proposed" for t, s, _ in events(text))


def test_a_round_of_sanctions_is_not_talks():
    text = "The European Union adopted a new round of sanctions against Russia on Monday."
    assert not any(t == "talks" for t, _, _ in events(text))


def test_talks_that_are_due_later_are_planned():
    text = "A third round of talks between Serbia and Kosovo is due in March."
    assert ("talks", "planned", ["Serbia", "Kosovo"]) in events(text)


def test_a_second_praise_in_the_same_sentence_is_its_own_act():
    text = "Macron thanked Italy for its help and praised Spain on Monday."
    found = events(text)
    assert ("support", "occurred", ["Emmanuel Macron", "Italy"]) in found
    assert ("support", "occurred", ["Emmanuel Macron", "Spain"]) in found


def test_praising_a_state_after_thanking_its_leader_is_a_second_act():
    text = "Scholz thanked Macron for his support and called France a close friend."
    found = events(text)
    assert ("support", "occurred", ["Olaf Scholz", "France"]) in found


def test_the_groups_fighters_act_for_the_group_named_before():
    text = "Hezbollah said on Friday that the group's fighters attacked an army post."
    found = events(text)
    assert any(t == "military" and actors[:1] == ["Hezbollah"] for t, _, actors in found)


def test_a_summit_named_by_its_name_is_a_meeting():
    found = events("Kazakhstan will host the Central Asia-Japan Summit next week.",
                   dt.date(2024, 8, 1))
    assert found == [("meeting", "planned", ["Kazakhstan"])]
    assert events("Leaders gathered at the Black Sea Summit Hotel on Monday.",
                  dt.date(2024, 8, 1)) == []


def test_cooperation_names_a_relationship_not_an_offer():
    assert events(
        "This year marks the 20th anniversary of cooperation among South Korea, China and Japan."
    ) == []
    assert events(
        "The MoU provides a framework for deeper collaboration between Guyana and Haiti."
    ) == []


def test_an_act_named_as_one_of_a_series_is_its_own_act():
    found = events("Indonesia will raise the matter at the next ASEAN summit in Jakarta in May.",
                   dt.date(2023, 4, 10))
    assert found == [("meeting", "planned", ["Indonesia", "ASEAN"])]
    assert events("Indonesia will raise the matter at the ASEAN summit in Jakarta in May.",
                  dt.date(2023, 4, 10)) == []  # the summit the story is about
    found = events(
        "The last visit by a Japanese prime minister to South Korea was made by Shinzo Abe "
        "in 2018.",
        dt.date(2023, 4, 29),
    )
    assert [(t, s) for t, s, _ in found] == [("meeting", "occurred")]


def test_a_sign_of_something_is_no_signing():
    text = "The actions of the EU and Britain are a sign of their weakness, Iran said."
    assert events(text) == []


def test_sending_is_aid_only_when_aid_is_sent():
    text = '"I would like to send my warmest regards to Chairman Kim Jong Un," Trump said.'
    assert events(text) == []
    assert [t for t, _, _ in events(
        "India was the first country to send rescue crews and aid supplies to Sri Lanka."
    )] == ["aid"]


@pytest.mark.parametrize("label", ["outdated", "counterproductive", "a farce", "irresponsible"])
def test_calling_a_party_or_its_act_by_a_damning_word_is_criticism(label):
    found = events(f'Trump called the G7 "{label}" on Friday.')
    assert found == [("criticism", "occurred", ["Donald Trump", "G7"])]


def test_a_trigger_phrase_is_read_through_an_adverb():
    assert events("India stands firmly with Sri Lanka in this hour of need.") == [
        ("support", "occurred", ["India", "Sri Lanka"])
    ]
    # a phrase written with its adverb still matches as written
    found = events("Washington is extremely concerned about Russia's moves, Miller said.")
    assert [t for t, _, _ in found] == ["criticism"]


def test_recognising_a_leader_backs_him():
    found = events("The United States recognized Juan Guaido as interim president of Venezuela.")
    assert found[0][0] == "support" and found[0][2][:2] == ["United States", "Juan Guaido"]


def test_declared_support_for_a_party_is_support():
    assert events("Kuwait has declared its full support for Malaysia.") == [
        ("support", "occurred", ["Kuwait", "Malaysia"])
    ]


def test_wanting_a_partys_people_to_act_is_a_demand_on_the_party():
    found = events("ECOWAS also wants Mali's military to stage elections within 16 months.")
    assert found == [("demand", "occurred", ["ECOWAS", "Mali"])]


def test_objecting_to_a_partys_act_is_criticism():
    assert events("North Korea objected to Seoul nominating a vice-minister to lead its team.") == [
        ("criticism", "occurred", ["North Korea", "South Korea"])
    ]


@pytest.mark.parametrize("verb,kind", [
    ("felicitated", "support"), ("is commending", "support"), ("is deploring", "criticism"),
    ("rebukes", "criticism"),
])
def test_every_form_of_a_judging_verb_is_a_trigger(verb, kind):
    assert events(f"Prime Minister Narendra Modi {verb} Sri Lanka on Monday.")[0][0] == kind


def test_what_a_party_should_do_said_to_it_is_a_demand_not_the_act():
    found = events("Xi stressed to Trump that the United States should lift its sanctions.")
    assert [(t, s) for t, s, _ in found] == [("demand", "occurred")]
    assert found[0][2][0] == "Xi Jinping" and "United States" in found[0][2]
    assert events("Monitors of the ceasefire must deploy immediately, the envoys said.") == []


def test_diplomatic_and_trade_measures_are_sanctions():
    assert events("South Africa has withdrawn its ambassador to Israel.") == [
        ("sanctions", "occurred", ["South Africa", "Israel"])
    ]
    found = events("Beijing has restricted critical minerals exports to the United States.")
    assert found == [("sanctions", "occurred", ["China", "United States"])]


def test_relief_delivered_or_provided_is_aid():
    found = events("The US Embassy announced the provision of $600,000 to Myanmar.")
    assert [(t, a) for t, _, a in found] == [("aid", ["United States", "Myanmar"])]


def test_a_leader_who_will_not_attend_or_visit_calls_the_visit_off():
    found = events("Prime Minister Tony Abbott will not be attending the Pacific Islands Forum.")
    assert found == [("meeting", "cancelled", ["Tony Abbott", "Pacific Islands Forum"])]
    found = events("Russian President Vladimir Putin will not visit Paris next week.")
    assert [(t, s) for t, s, _ in found] == [("meeting", "cancelled")]


def test_a_news_conference_with_a_counterpart_is_a_meeting():
    found = events("Prime Minister Fiame Naomi Mata'afa told a news conference with her New "
                   "Zealand counterpart Jacinda Ardern that the region was concerned.")
    pair = ["Fiame Naomi Mata'afa", "Jacinda Ardern"]
    assert [(t, a) for t, _, a in found] == [("meeting", pair)]
    assert events("Trump told a news conference on Monday that the economy was strong.") == []


def test_a_word_for_someone_in_the_narrative_is_no_criticism():
    text = "The EU said Alexander Lukashenko, once dubbed Europe's last dictator, met Putin."
    assert "criticism" not in [t for t, _, _ in events(text)]


def test_ending_relations_is_a_sanction():
    assert events("Venezuela ended relations with Colombia on Thursday.") == [
        ("sanctions", "occurred", ["Venezuela", "Colombia"])
    ]


def test_seeking_to_do_something_and_holding_a_veto_are_no_acts():
    assert events("Japan sought to ease tensions with China by freeing the trawler's crew.") == []
    text = "The U.S. and Russia are two of the five Security Council members with a veto."
    assert events(text) == []


def test_customs_duties_collected_are_no_sanctions():
    assert events("Kenya will let Uganda collect customs duties before goods leave Mombasa.") == []
