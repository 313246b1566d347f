"""Layer 1 (tracker/extract/clauses.py): the phrase-level questions the layers above ask."""

import pytest

from tracker.extract.clauses import Clauses, attributive_participle, participle_modifier
from tracker.extract.tokens import tokenize


def lows_of(text: str) -> list[str]:
    return [t.low for t in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "word", "describes"),
    [
        ("a government formed by ousted lawmakers", "ousted", True),
        ("to revisit suspended agreements", "suspended", True),
        ("the talks were postponed on Monday", "postponed", False),  # no noun after it
        ("Russia attacked Ukraine", "attacked", True),  # the caller asks what comes before
        ("Russia attacked", "attacked", False),  # nothing after it
        ("they attacking forces", "attacking", False),  # not a past participle
    ],
)
def test_attributive_participle(text, word, describes):
    lows = lows_of(text)
    assert attributive_participle(lows, lows.index(word)) is describes


@pytest.mark.parametrize(
    ("text", "word", "modifier"),
    [
        ("a government formed by ousted lawmakers", "ousted", True),
        ("the invaded regions", "invaded", True),
        ("Russia attacked Ukraine", "attacked", False),  # a verb after its subject
        ("invaded regions", "invaded", False),  # nothing before it opens a noun phrase
    ],
)
def test_participle_modifier(text, word, modifier):
    lows = lows_of(text)
    assert participle_modifier(lows, lows.index(word)) is modifier


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ('Moscow called the measures an "economic blockade" on Monday', "blockade", True),
        ('Moscow said the "blockade" must end', "blockade", False),  # quoted, not a label
        ("Moscow called the measures an economic blockade", "blockade", False),  # not quoted
    ],
)
def test_quoted_label(text, word, label):
    tokens = tokenize(text)
    lows = [t.low for t in tokens]
    assert Clauses(tokens).quoted_label(lows.index(word)) is label
