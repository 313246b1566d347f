"""Who reports a meeting with a verb other than 'said' ('noted', 'stressed', 'recalled',
'tweeted') is no party to it; 'recalled that' tells a memory, not an envoy recalled; 'FM'
before a name is a title."""

import datetime as dt

import pytest

from tests.extract_helpers import typed_parties
from tracker.extract.actors import ArticleMemory, base_index, find_mentions
from tracker.extract.tokens import tokenize


def events(text, published=dt.date(2024, 3, 6)):
    return typed_parties(text, published)


@pytest.mark.parametrize("verb", ["stressed", "noted", "recalled", "tweeted", "revealed"])
def test_the_reporter_of_a_meeting_is_no_party(verb):
    text = f"Ursula von der Leyen {verb} that Olaf Scholz had met Emmanuel Macron in Paris."
    found = events(text)
    meetings = [names for t, names in found if t == "meeting"]
    assert meetings and "Ursula von der Leyen" not in meetings[0]
    assert {"Olaf Scholz", "Emmanuel Macron"} <= set(meetings[0])


def test_recalled_that_is_no_recall_of_an_envoy():
    found = events("Chile recalled that Peru had been a close partner for decades.")
    assert all(t != "sanctions" for t, _ in found)
    found = events("Chile recalled its ambassador from Peru on Monday.")
    assert ("sanctions", ["Chile", "Peru"]) in found


def test_fm_before_a_name_is_a_title():
    [actors] = [
        [m.actor for m in find_mentions(tokenize(s), base_index(), ArticleMemory())]
        for s in ["The talks were led by FM Karim Benali of Algeria."]
    ]
    assert "Karim Benali" in [a.name for a in actors]
    assert all(not a.name.startswith("FM") for a in actors)


def test_who_reports_a_deal_between_two_others_is_no_party():
    found = events("Ethiopia and Eritrea signed a border accord, the African Union said on Friday.")
    deals = [names for t, names in found if t == "agreement"]
    assert deals and deals[0] == ["Ethiopia", "Eritrea"]
    text = "Talks between Serbia and Kosovo resumed in Brussels, the US and Germany said."
    talks = [names for t, names in events(text) if t == "talks"]
    assert talks and set(talks[0]) == {"Serbia", "Kosovo"}


def test_a_reporter_speaking_for_a_party_stays():
    text = "Ghana and Togo agreed to reopen the border, Ghanaian President Nana Akufo-Addo said."
    deals = [names for t, names in events(text) if t == "agreement"]
    assert deals and "Nana Akufo-Addo" in deals[0]


def test_speakers_of_their_own_statement_stay():
    text = (
        "In a joint statement, French President Emmanuel Macron, German Chancellor Angela "
        "Merkel and British Prime Minister Theresa May said they regretted the decision."
    )
    assert all(
        "Angela Merkel" in names for t, names in events(text) if t == "agreement"
    )
