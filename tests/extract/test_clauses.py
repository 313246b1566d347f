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


@pytest.mark.parametrize(
    ("text", "word", "own_clause"),
    [
        # a name and a verb after "and", a verb before it: a clause with its own subject
        ("Chile pledged $5 million and the United States promised $3 million", "United", True),
        # one subject of two names, or a pronoun and a name
        ("Chile 's government and the Andean rebels signed a truce", "Andean", False),
        ("since he and President Lula agreed to a truce", "Lula", False),
        ("talks between Chile and Peru ended on Monday", "Peru", False),
    ],
)
def test_a_named_subject_after_and_opens_a_clause(text, word, own_clause):
    tokens = tokenize(text)
    lows = [t.low for t in tokens]
    clauses = Clauses(tokens)
    k = lows.index(word.lower())
    assert (clauses[k] > 0) == own_clause


@pytest.mark.parametrize(
    ("text", "word", "own_clause"),
    [
        # a gerund after "and" that goes with one after "by": a second act
        ("Belarus retaliated by announcing sanctions and recalling its envoys", "recalling", True),
        ("Minsk responded by imposing duties and expelling Polish diplomats", "expelling", True),
        # no gerund after a preposition before it, or a noun in "-ing": one act
        ("Minsk announced sanctions and recalling envoys was next", "recalling", False),
        ("by imposing duties and the meeting in Minsk", "meeting", False),
    ],
)
def test_a_gerund_after_and_parallel_to_one_before_opens_a_clause(text, word, own_clause):
    tokens = tokenize(text)
    lows = [t.low for t in tokens]
    k = lows.index(word)
    assert (Clauses(tokens)[k] > 0) == own_clause
