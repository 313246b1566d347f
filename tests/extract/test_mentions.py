"""The actor-mentions layer: spellings, titles, role references, pairs, agencies."""

import datetime as dt

from tracker.extract import extract
from tracker.extract.actors import ArticleMemory, ascii_fold, find_mentions
from tracker.extract.pipeline import _base_index
from tracker.extract.tokens import tokenize


def names(sentences, memory=None):
    memory = memory if memory is not None else ArticleMemory()
    out = []
    for sentence in sentences:
        mentions = find_mentions(tokenize(sentence), _base_index(), memory)
        out.append([m.actor.name for m in mentions])
    return out


def event_actors(text, published=dt.date(2024, 3, 6)):
    result = extract(f"Test\n\n{text}\n", published=published)
    return [(e.type, [a.name for a in e.actors]) for e in result.events]


def test_ascii_fold_drops_diacritics_only():
    assert ascii_fold("Erdoğan Türkiye Mélanie") == "Erdogan Turkiye Melanie"
    assert ascii_fold("Støre") == "Støre"  # no combining mark to drop


def test_a_person_is_named_as_the_article_spells_them():
    text = "Recep Tayyip Erdoğan arrived. Erdogan then met Vladimir Putin."
    memory = ArticleMemory.for_article(text)
    first, second = names(["Recep Tayyip Erdoğan arrived.", "Erdogan then met Vladimir Putin."],
                          memory)
    assert first == ["Recep Tayyip Erdoğan"]
    assert second == ["Recep Tayyip Erdoğan", "Vladimir Putin"]


def test_an_ascii_article_keeps_the_canonical_ascii_name():
    memory = ArticleMemory.for_article("Recep Tayyip Erdogan arrived in Sochi.")
    [actors] = names(["Recep Tayyip Erdogan arrived in Sochi."], memory)
    assert actors[0] == "Recep Tayyip Erdogan"


def test_extraction_uses_the_article_spelling():
    found = event_actors("Erdoğan met Vladimir Putin in Sochi on Monday.")
    assert ("meeting", ["Recep Tayyip Erdoğan", "Vladimir Putin"]) in found


def test_an_acronym_written_as_a_word_is_the_organisation():
    [actors] = names(["Nato and Ecowas leaders met Opec officials."])
    assert actors == ["NATO", "ECOWAS", "OPEC"]
    [actors] = names(["The Un said no."])  # too short to be written as a word
    assert actors == []
