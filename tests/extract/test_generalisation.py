"""General rules added for episodes and actors beyond the dev corpus (short texts of our own)."""

import datetime as dt

from tracker.extract import extract
from tracker.extract.actors import ArticleMemory, find_mentions
from tracker.extract.pipeline import _base_index
from tracker.extract.tokens import tokenize


def names(sentence):
    return [m.actor.name for m in find_mentions(tokenize(sentence), _base_index(), ArticleMemory())]


def events(text, published=dt.date(2024, 11, 27)):
    return [
        (e.type, e.status, [a.name for a in e.actors])
        for e in extract(text, published=published).events
    ]


def test_gazetteer_knows_more_states_groups_and_officials():
    assert names("Mikati met Hochstein and the TPLF in Tirana.") == [
        "Najib Mikati", "Amos Hochstein", "Tigray People's Liberation Front", "Albania",
    ]
    assert names("Tanzanian troops and Ivorian officials arrived.") == ["Tanzania", "Ivory Coast"]


def test_the_source_of_a_report_is_not_a_party():
    text = "According to a statement issued by Brunei, the leaders held talks in Jakarta."
    assert events(text) == []
