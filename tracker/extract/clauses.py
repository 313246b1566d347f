"""Layer 1: a sentence's clauses, found once per sentence and queried in constant time.

A clause starts at a subordinator's comma ("Despite having spoken with Biden, Trump ..."), at a
semicolon, colon, dash or bracket, at a comma before a clause opener (", who", ", while",
", saying"), and at "and"/"but" before a verb ("held talks ... and signed"). A relative clause
set off by commas (", which ... ,") interrupts its clause, which resumes after it. Quoted spans
and parenthetical relatives are indexed here too, so that the layers above ask "which clause,
where does it end, is this token quoted" without rescanning the sentence (linear time).
"""

from __future__ import annotations

from tracker.extract import lexicon
from tracker.extract.tokens import Token

# Arguments and cues of a trigger lie within this many tokens of it: what is farther away in
# one sentence belongs to another act. The bound keeps the work per trigger constant.
WINDOW = 60

_CUES = lexicon.cues()
_BREAKS = frozenset(_CUES["clause_breaks"])
_RELATIVE_OPENERS = frozenset(_CUES["relative_openers"])
_SUBORDINATORS = frozenset(_CUES["subordinators"])
_VERB_FORMS = frozenset(_CUES["verb_forms"])
_PUNCTUATION_BREAKS = frozenset({";", ":", "—", "–", "("})
_QUOTES = frozenset({'"', "“", "”"})
_PARENTHETICAL = frozenset({"who", "which", "whose"})
_NOUN_PHRASE_OPENERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our"})


def looks_like_verb(low: str) -> bool:
    return low in _VERB_FORMS or (low.endswith("ed") and len(low) > 4)


def clause_starts(tokens: list[Token]) -> list[int]:
    """For each token, the index where its clause starts."""
    starts, current = [], 0
    resume: int | None = None  # the clause a ", which ...," insertion interrupts
    n = len(tokens)
    # "Despite having spoken with Biden, Trump ...": the opening phrase ends at its comma.
    opening = bool(tokens) and tokens[0].low in _SUBORDINATORS
    for i, t in enumerate(tokens):
        if opening and t.text == ",":
            opening = False
            current = i + 1
        elif t.text in _PUNCTUATION_BREAKS or (
            t.text == "," and i + 1 < n and tokens[i + 1].low in _BREAKS
        ):
            relative = t.text == "," and tokens[i + 1].low in _RELATIVE_OPENERS
            resume = current if relative else None
            current = i + 1
        elif t.text == "," and resume is not None:
            current, resume = resume, None  # "Russia, which ..., criticised": back to Russia
        elif t.low in ("and", "but") and i + 1 < n and looks_like_verb(tokens[i + 1].low) and not (
            _adjectives_coordinated(tokens, i)
        ):
            # "held talks ... and signed two statements": a second act; but "an immediate and
            # sustained ceasefire" is one noun phrase
            current = i
        starts.append(current)
    return starts


def _adjectives_coordinated(tokens: list[Token], i: int) -> bool:
    """ "an immediate and sustained ceasefire": the "and" at i joins two modifiers of a noun
    (a determiner before, a bare noun after the participle), not two acts."""
    if i < 2 or i + 2 >= len(tokens) or tokens[i - 2].low not in _NOUN_PHRASE_OPENERS:
        return False
    noun = tokens[i + 2]
    return (
        tokens[i - 1].low.isalpha() and not noun.cap and noun.low.isalpha()
        and noun.low not in _NOT_NOUNS
    )


_NOT_NOUNS = frozenset(_CUES["not_nouns_after_participle"]) | {"both", "all", "each", "every"}


class Clauses:
    """The clause structure of one sentence. ``clauses[i]`` is where token i's clause starts."""

    __slots__ = ("tokens", "starts", "_ends", "_quote_of", "_relative_close")

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.starts = clause_starts(tokens)
        # built on first use: most sentences never ask
        self._ends: list[int] | None = None
        self._quote_of: list[int | None] | None = None
        self._relative_close: list[int | None] | None = None

    def __getitem__(self, i: int) -> int:
        return self.starts[i]

    def __len__(self) -> int:
        return len(self.starts)

    def end_of(self, i: int) -> int:
        """Where token i's clause stretch ends (exclusive): the first later token that
        belongs to another clause."""
        ends = self._ends
        if ends is None:
            starts = self.starts
            n = len(starts)
            ends = [n] * n
            for k in range(n - 2, -1, -1):
                ends[k] = k + 1 if starts[k + 1] != starts[k] else ends[k + 1]
            self._ends = ends
        return ends[i] if i < len(ends) else len(ends)

    def quote_start(self, i: int) -> int | None:
        """The first token inside the double quotation marks around token i, if quoted."""
        if self._quote_of is None:
            self._quote_of = _quote_index(self.tokens)
        return self._quote_of[i] if i < len(self._quote_of) else None

    def in_parenthetical_relative(self, i: int, before: int) -> bool:
        """Is token i inside a ", who ... ," insertion that closes before position ``before``?"""
        if self._relative_close is None:
            self._relative_close = _relative_index(self.tokens)
        close = self._relative_close[i]
        return close is not None and close < before


def _quote_index(tokens: list[Token]) -> list[int | None]:
    """For each token inside a pair of double quotation marks, the first token inside."""
    out: list[int | None] = [None] * len(tokens)
    marks = [k for k, t in enumerate(tokens) if t.text in _QUOTES]
    if len(marks) < 2:
        return out
    for k in range(0, len(marks) - 1, 2):
        a, b = marks[k] + 1, marks[k + 1]
        for x in range(a, b):
            out[x] = a
    return out


def _relative_index(tokens: list[Token]) -> list[int | None]:
    """For each token of a ", who ... ," insertion, the comma that closes it."""
    n = len(tokens)
    out: list[int | None] = [None] * n
    k = 0
    while k < n - 1:
        if tokens[k].text == "," and tokens[k + 1].low in _PARENTHETICAL:
            close = next((j for j in range(k + 2, n) if tokens[j].text == ","), None)
            if close is None:
                break
            for x in range(k + 1, close):
                out[x] = close
            k = close
        k += 1
    return out
