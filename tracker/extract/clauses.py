"""Layer 1: a sentence's clauses, found once per sentence and queried in constant time.

A clause starts at a subordinator's comma ("Despite having spoken with Biden, Trump ..."), at a
semicolon, colon, dash or bracket, at a comma before a clause opener (", who", ", while",
", saying"), and at "and"/"but" before a verb ("held talks ... and signed"). A relative clause
set off by commas (", which ... ,") interrupts its clause, which resumes after it. Quoted spans
and parenthetical relatives are indexed here too, so that the layers above ask "which clause,
where does it end, is this token quoted, is it a label someone gives" without rescanning the
sentence (linear time); ``attributive_participle`` and ``participle_modifier`` tell a participle
that describes the noun after it ("by ousted lawmakers") from a verb.
"""

from __future__ import annotations

from itertools import compress
from operator import ne

from tracker.extract import lexicon
from tracker.extract.tokens import DOUBLE_QUOTES, Token, gerund

# Arguments and cues of a trigger lie within this many tokens of it: what is farther away in
# one sentence belongs to another act. The bound keeps the work per trigger constant.
WINDOW = 60

_CUES = lexicon.cues()
_BREAKS = frozenset(_CUES["clause_breaks"])
_RELATIVE_OPENERS = frozenset(_CUES["relative_openers"])
_SUBORDINATORS = frozenset(_CUES["subordinators"])
_VERB_FORMS = frozenset(_CUES["verb_forms"])
_PUNCTUATION_BREAKS = frozenset({";", ":", "—", "–", "("})
_PARENTHETICAL = frozenset({"who", "which", "whose"})
# what the clause scan stops at (as tokens' ``low``): commas, break marks, "and", "but", quotes
_SCANNED = _PUNCTUATION_BREAKS | DOUBLE_QUOTES | {",", "and", "but"}
_NOUN_PHRASE_OPENERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our"})
_NAMING_VERBS = frozenset(_CUES["naming_verbs"])
_NAMING_REACH = 6  # words before a quotation: "called the measures an 'economic blockade'"
# After a participle, words that are no noun it could describe ("postponed until May").
_NOT_AFTER_PARTICIPLE = frozenset(_CUES["not_nouns_after_participle"])
_PARTICIPLE_OPENERS = frozenset({"by", "of", "the", "a", "an", "its", "his", "her", "their"})


def looks_like_verb(low: str) -> bool:
    return low in _VERB_FORMS or (low.endswith("ed") and len(low) > 4)


def clause_starts(tokens: list[Token]) -> list[int]:
    """For each token, the index where its clause starts."""
    return clause_scan(tokens)[0]


def clause_scan(
    tokens: list[Token], lows: list[str] | None = None
) -> tuple[list[int], list[int], list[int]]:
    """For each token the index where its clause starts; where the commas and the double
    quotation marks stand. ``lows``: the tokens' lower case, when the caller has it."""
    n = len(tokens)
    starts = [0] * n
    commas: list[int] = []
    quotes: list[int] = []
    current = 0
    resume: int | None = None  # the clause a ", which ...," insertion interrupts
    # "Despite having spoken with Biden, Trump ...": the opening phrase ends at its comma.
    opening = bool(tokens) and tokens[0].low in _SUBORDINATORS
    done = 0  # starts[:done] are known
    # Only a comma, a break mark, "and" or "but" can start a clause: the tokens between two of
    # them are in the clause of the first.
    if lows is None:
        lows = [t.low for t in tokens]
    for i in compress(range(len(lows)), map(_SCANNED.__contains__, lows)):  # the scan in C
        t = tokens[i]
        if t.text in DOUBLE_QUOTES:
            quotes.append(i)
            continue
        if current:
            starts[done:i] = [current] * (i - done)
        if t.text == ",":
            commas.append(i)
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
        elif t.low == "and" and i + 1 < n and _parallel_gerund(lows, current, i):
            # "retaliated by announcing sanctions against the EU and recalling its
            # ambassadors": a second act of the same subject
            current = i
        elif t.low in ("and", "but") and _named_subject_next(tokens, i) and _verb_among(
            lows, max(current, i - _VERB_REACH), i
        ):
            # "Kuwait pledged $500 million and the United States promised $380 million": a
            # clause with a subject of its own after one with a verb ("Ethiopia's government
            # and the TPLF signed": one subject)
            current = i
        starts[i] = current
        done = i + 1
    if current:
        starts[done:] = [current] * (n - done)
    return starts, commas, quotes


def _verb_among(lows: list[str], a: int, b: int) -> bool:
    """Does a word in lows[a:b] look like a verb? (A function, not a generator in clause_scan:
    there it would make ``tokens`` a closure cell, slower to read in its loop.)"""
    return any(map(looks_like_verb, lows[a:b]))


def _parallel_gerund(lows: list[str], start: int, i: int) -> bool:
    """Is the word after "and" at i a gerund that goes with one after a preposition earlier in
    the clause ("by announcing ... and recalling")?"""
    after = lows[i + 1]
    if len(after) < 6 or not gerund(after) or after in _NOT_GERUNDS:
        return False  # (five-letter ones, "being", "going", are left out)
    return any(
        gerund(lows[k]) and lows[k - 1] in _GERUND_PREPOSITIONS
        for k in range(max(start + 1, i - _VERB_REACH), i)
    )


_GERUND_PREPOSITIONS = frozenset({"by", "after", "before", "while", "without", "besides"})
# words in "-ing" that are no verb's gerund
_NOT_GERUNDS = frozenset({"during", "meeting", "building", "following", "according",
                          "including", "morning", "evening", "spring", "nothing", "something",
                          "anything", "everything", "beijing", "wellington",
                          "reading", "string", "briefing", "hearing",
                          "funding", "training", "bombing", "shooting", "fighting", "uprising",
                          "financing", "standing", "understanding", "wording", "warning",
                          "signing", "opening", "closing", "gathering", "pending"})


def attributive_participle(lows: list[str], k: int) -> bool:
    """Is the word at k a participle that describes the noun after it ("ousted lawmakers",
    "suspended agreements")? Whether the word before opens a noun phrase is the caller's to ask
    ("by ousted lawmakers", "the invaded regions", "to revisit suspended agreements")."""
    after = lows[k + 1] if k + 1 < len(lows) else ""
    return lows[k].endswith("ed") and after.isalpha() and after not in _NOT_AFTER_PARTICIPLE


def participle_modifier(lows: list[str], k: int) -> bool:
    """ "by ousted lawmakers", "the invaded regions": a participle that opens a noun phrase
    (after a preposition or a determiner) describes its noun; it tells no act."""
    return k > 0 and lows[k - 1] in _PARTICIPLE_OPENERS and attributive_participle(lows, k)


_PERSONAL_PRONOUNS = frozenset({"he", "she", "we", "they", "i", "you", "him", "her", "us", "them"})
_VERB_REACH = 12  # how far back from such an "and" the verb of the clause before it is looked for


def _named_subject_next(tokens: list[Token], i: int) -> bool:
    """After the "and" at i, a name and then a verb ("and the United States promised"); the
    word before the "and" is no name ("talks between Russia and Ukraine ended": one subject)."""
    n = len(tokens)
    if i == 0 or tokens[i - 1].cap or not tokens[i - 1].low.isalnum() or (
        tokens[i - 1].low in _PERSONAL_PRONOUNS
    ):
        return False  # "since he and Xi agreed": one subject
    j = i + 1 + (i + 1 < n and tokens[i + 1].low == "the")
    k = j
    while k < n and k - j < 4 and tokens[k].cap and tokens[k].text[:1].isalpha():
        k += 1
    return j < k < n and not tokens[k].cap and looks_like_verb(tokens[k].low)


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

    __slots__ = (
        "tokens", "starts", "_commas", "_quotes", "_ends", "_quote_of", "_relative_close",
    )

    def __init__(self, tokens: list[Token], lows: list[str] | None = None):
        self.tokens = tokens
        self.starts, self._commas, self._quotes = clause_scan(tokens, lows)
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
            # a clause stretch ends where the next begins (the comparisons run in C)
            previous = 0
            for change in compress(range(1, n), map(ne, starts[1:], starts)):
                ends[previous:change] = [change] * (change - previous)
                previous = change
            self._ends = ends
        return ends[i] if i < len(ends) else len(ends)

    def quote_start(self, i: int) -> int | None:
        """The first token inside the double quotation marks around token i, if quoted."""
        if self._quote_of is None:
            self._quote_of = _quote_index(len(self.tokens), self._quotes)
        return self._quote_of[i] if i < len(self._quote_of) else None

    def quoted_label(self, i: int) -> bool:
        """Is token i inside a quoted label that someone gives ("called it a 'blockade'")?"""
        a = self.quote_start(i)
        return a is not None and any(
            t.low in _NAMING_VERBS for t in self.tokens[max(0, a - _NAMING_REACH) : a]
        )

    def in_parenthetical_relative(self, i: int, before: int) -> bool:
        """Is token i inside a ", who ... ," insertion that closes before position ``before``?"""
        if self._relative_close is None:
            self._relative_close = _relative_index(self.tokens, self._commas)
        close = self._relative_close[i]
        return close is not None and close < before


def _quote_index(n: int, marks: list[int]) -> list[int | None]:
    """For each of n tokens inside a pair of double quotation marks (at ``marks``), the first
    token inside."""
    out: list[int | None] = [None] * n
    for k in range(0, len(marks) - 1, 2):
        a, b = marks[k] + 1, marks[k + 1]
        out[a:b] = [a] * (b - a)
    return out


def _relative_index(tokens: list[Token], commas: list[int]) -> list[int | None]:
    """For each token of a ", who ... ," insertion, the comma that closes it."""
    n = len(tokens)
    out: list[int | None] = [None] * n
    j = 0
    while j < len(commas):
        k = commas[j]
        if k < n - 1 and tokens[k + 1].low in _PARENTHETICAL:
            if j + 1 == len(commas):
                break  # never closed
            close = commas[j + 1]
            out[k + 1 : close] = [close] * (close - k - 1)
            j += 2  # the closing comma opens nothing
        else:
            j += 1
    return out
