"""Groups named by their side and their kind ("Libyan rebels", "pro-Russian separatists"),
what an accused party is said to have done, and an "and" that goes on with the sentence's
subject rather than an aside's."""

import datetime as dt

from tests.extract_helpers import typed_parties
from tracker.extract.actors import ArticleMemory, base_index, find_mentions
from tracker.extract.tokens import tokenize


def mentions(sentences):
    memory = ArticleMemory()
    return [
        [m.actor for m in find_mentions(tokenize(s), base_index(), memory)] for s in sentences
    ]


def parties(text, published=dt.date(2024, 3, 6)):
    return typed_parties(text, published)


def test_a_demonym_before_a_group_noun_names_the_group_not_the_state():
    [actors] = mentions(["Chadian rebels and the Malian opposition met in Niamey."])
    names = [a.name for a in actors]
    assert "Chadian rebels" in names and "Malian opposition" in names
    assert "Chad" not in names and "Mali" not in names
    group = next(a for a in actors if a.name == "Chadian rebels")
    assert (group.kind, group.country) == ("group", "TD")


def test_a_group_siding_with_a_state_is_named_with_pro():
    [actors] = mentions(["Pro-Iranian militants shelled the base overnight."])
    assert [a.name for a in actors] == ["pro-Iranian militants"]


def test_a_side_opposing_something_is_no_group():
    [actors] = mentions(["Brazilian opposition to the treaty surprised Lisbon."])
    assert "Brazilian opposition" not in [a.name for a in actors]


def test_the_group_noun_later_refers_to_the_group_named_last():
    _, second = mentions([
        "Sudanese protesters gathered outside the ministry on Monday.",
        "The protesters demanded that the army hand over power.",
    ])
    assert [a.name for a in second][:1] == ["Sudanese protesters"]


def test_a_group_is_a_party_to_an_act():
    found = parties("Malian rebels rejected the Algerian peace plan on Tuesday.")
    assert any(t == "rejection" and names[0] == "Malian rebels" for t, names in found)


def test_what_the_accused_is_said_to_have_done_names_no_party():
    found = parties("Rwanda accused Burundi of sheltering Congolese fighters and Uganda.")
    crit = [names for t, names in found if t == "criticism"]
    assert crit and crit[0] == ["Rwanda", "Burundi"]


def test_the_accused_of_a_government_is_still_the_government():
    found = parties("Chile accused the government of Peru over the border incident.")
    assert any(t == "criticism" and "Peru" in names for t, names in found)


def test_an_and_after_an_aside_goes_on_with_the_sentence_subject():
    text = (
        "Ruto said Kenya would not pay the levy, as Tanzania demands, "
        "and accused Tanzania of blocking trucks at the border."
    )
    crit = [names for t, names in parties(text) if t == "criticism"]
    assert crit and "William Ruto" in crit[0] and "Tanzania" in crit[0]


def test_a_states_possessive_before_a_group_noun_names_its_group():
    [actors] = mentions(["Belarus's opposition called for new elections."])
    assert [a.name for a in actors] == ["Belarusian opposition"]


def test_the_countrys_opposition_is_the_group_of_the_state_named():
    text = "Talks between Nicaragua's government and the country's opposition ended."
    [actors] = mentions([text])
    names = [a.name for a in actors]
    assert "Nicaraguan opposition" in names and "Nicaragua" in names


def test_the_countrys_separatists_are_not_guessed():
    [actors] = mentions(["Georgia's government met the country's separatists."])
    assert all(a.kind != "group" for a in actors)


def test_a_count_of_states_names_the_latest_list_of_that_many():
    [_, second] = mentions([
        "The foreign ministers of Kazakhstan, Uzbekistan and Tajikistan met in Astana.",
        "The three countries signed a water-sharing agreement.",
    ])
    assert {a.name for a in second} == {"Kazakhstan", "Uzbekistan", "Tajikistan"}


def test_a_count_of_allies_names_the_states_a_sentence_listed_loosely():
    found = parties(
        "The State Department, along with Britain, France, Germany and Italy, issued a "
        "statement. The five allies strongly condemned the fighting in Tripoli."
    )
    criticism = [p for t, p in found if t == "criticism"]
    assert criticism and set(criticism[0]) == {
        "United States", "United Kingdom", "France", "Germany", "Italy"
    }


def test_a_count_that_fits_no_list_names_no_one():
    [_, second] = mentions([
        "Kazakhstan, Uzbekistan and Tajikistan met in Astana.",
        "The four countries signed a water-sharing agreement.",
    ])
    assert second == []


def test_a_count_of_states_the_sentence_names_itself_adds_no_earlier_list():
    [_, second] = mentions([
        "Kazakhstan, Uzbekistan and Tajikistan met in Astana.",
        "Chad, Niger and Mali said the three countries would sign a pact.",
    ])
    assert {a.name for a in second} == {"Chad", "Niger", "Mali"}


def test_a_regions_leaders_or_bloc_name_its_regional_organisation():
    found = mentions([
        "West African leaders on Thursday ordered the activation of a standby force.",
        "Pacific leaders have stood firm against Fiji.",
        "The European bloc imposed sanctions on Belarus.",
        "West African heads of state arrived in Banjul.",
    ])
    assert [[a.name for a in actors] for actors in found] == [
        ["ECOWAS"], ["Pacific Islands Forum", "Fiji"], ["European Union", "Belarus"],
        ["ECOWAS", "Gambia"],
    ]


def test_a_forums_own_name_before_leaders_is_the_forum_and_its_meeting():
    [actors] = mentions(["The pact would be discussed at next month's Pacific Islands Forum "
                         "leaders meeting."])
    assert [a.name for a in actors] == ["Pacific Islands Forum"]


def test_other_names_of_states_and_groups():
    found = mentions([
        "Greece and Macedonia signed a deal.",
        "Troops from the Republic of Congo and the Democratic Republic of Congo met.",
        "Al-Shabaab attacked the base.",
        "Ansarullah fired missiles at Israel.",
    ])
    assert [[a.name for a in actors] for actors in found] == [
        ["Greece", "North Macedonia"],
        ["Republic of the Congo", "Democratic Republic of the Congo"],
        ["Al-Shabaab"],
        ["Houthis", "Israel"],
    ]
