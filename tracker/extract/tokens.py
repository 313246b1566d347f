"""Word tokens with offsets: the unit that actor, trigger and cue lookups work on."""

from __future__ import annotations

import re
from dataclasses import dataclass

# "U.S." and "a.m." stay whole; hyphens and apostrophes stay inside words ("Jae-in", "Russia's").
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-'’&]\w+)*|[^\w\s]")


@dataclass(slots=True)
class Token:  # not frozen: a frozen dataclass's __init__ is several times slower
    text: str
    low: str
    base: str  # without a possessive "'s"
    start: int  # offsets within the sentence
    end: int
    cap: bool  # starts with a capital letter


def tokenize(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        base = word[:-2] if word[-2:] in _POSSESSIVE and len(word) > 2 else word
        start = m.start()
        out.append(Token(word, word.lower(), base, start, start + len(word), word[0].isupper()))
    return out


_POSSESSIVE = frozenset({"'s", "’s"})


def phrase_key(phrase: str) -> tuple[str, ...]:
    """Lower-cased token tuple of a lexicon phrase."""
    return tuple(t.low for t in tokenize(phrase))


class PhraseIndex:
    """Longest-match lookup of multi-word phrases over a token list, keyed by first word."""

    def __init__(self, phrases: dict[tuple[str, ...], object]):
        self.by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for key, value in phrases.items():
            if key:
                self.by_first.setdefault(key[0], []).append((key, value))
        for entries in self.by_first.values():
            entries.sort(key=lambda kv: -len(kv[0]))

    def match_at(self, lows: list[str], i: int) -> tuple[int, object] | None:
        """(length, value) of the longest phrase starting at token i, or None."""
        entries = self.by_first.get(lows[i])
        if not entries:
            return None
        for key, value in entries:
            n = len(key)
            if tuple(lows[i : i + n]) == key:
                return n, value
        return None

    def find_all(self, lows: list[str]) -> list[tuple[int, int, object]]:
        """Non-overlapping (start, end, value) matches, left to right, longest first."""
        out, i, n = [], 0, len(lows)
        by_first = self.by_first
        while i < n:
            if lows[i] in by_first:
                hit = self.match_at(lows, i)
                if hit:
                    out.append((i, i + hit[0], hit[1]))
                    i += hit[0]
                    continue
            i += 1
        return out
