"""The fast paths of extraction give what the plain ways they replace give."""

import random

from tracker.extract.tokens import PhraseIndex


def _scan_match_at(phrases, lows, i):
    """The reference: every phrase that starts with the word, longest first, compared."""
    entries = sorted(
        ((k, v) for k, v in phrases.items() if k and k[0] == lows[i]), key=lambda kv: -len(kv[0])
    )
    for key, value in entries:
        if tuple(lows[i : i + len(key)]) == key:
            return len(key), value
    return None


def test_phrase_index_finds_the_longest_phrase_as_a_scan_does():
    rng = random.Random(8)
    vocabulary = ["a", "b", "c", "d"]
    for _ in range(300):
        phrases = {
            tuple(rng.choice(vocabulary) for _ in range(rng.randint(1, 4))): rng.choice(
                [None, False, 0, "x", rng.random()]
            )
            for _ in range(rng.randint(1, 8))
        }
        index = PhraseIndex(phrases)
        lows = [rng.choice(vocabulary) for _ in range(rng.randint(1, 9))]
        for i in range(len(lows)):
            assert index.match_at(lows, i) == _scan_match_at(phrases, lows, i)
        reference, i = [], 0
        while i < len(lows):
            hit = _scan_match_at(phrases, lows, i)
            if hit:
                reference.append((i, i + hit[0], hit[1]))
                i += hit[0]
            else:
                i += 1
        assert index.find_all(lows) == reference


def test_phrase_index_follows_an_assigned_first_word_table():
    index = PhraseIndex({("united", "states"): "US"})
    assert index.match_at(["united", "nations"], 0) is None
    by_first = dict(index.by_first)
    by_first["united"] = [*by_first["united"], (("united", "nations"), "UN")]
    index.by_first = by_first
    assert index.match_at(["united", "nations"], 0) == (2, "UN")
    assert index.match_at(["united", "states"], 0) == (2, "US")
