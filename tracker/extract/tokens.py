"""Word tokens with offsets: the unit that actor, trigger and cue lookups work on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from operator import add, attrgetter

# "U.S." and "a.m." stay whole; hyphens and apostrophes stay inside words ("Jae-in", "Russia's");
# so do a number's group and decimal marks ("150,000 troops", "$1.5 billion": no comma to end a
# phrase at).
# ("[A-Za-z]\.[A-Za-z]\." spelled out rather than "(?:[A-Za-z]\.){2,}": a seventh faster;
# possessive quantifiers, the same matches since nothing after a token's pattern could make it
# give back a character: a tenth faster for keeping no backtracking points)
# "China-U.S.": a hyphenated word may end with an abbreviation (checked only where a word ends
# in a hyphen and one letter)
_TOKEN = re.compile(
    r"[A-Za-z]\.[A-Za-z]\.(?:[A-Za-z]\.)*+|\d++(?:[,.]\d++)++"
    r"|\w++(?:[-'’&]\w++)*+(?:(?<=-[A-Za-z])\.[A-Za-z]\.(?:[A-Za-z]\.)*+)?|[^\w\s]"
)


@dataclass(slots=True)
class Token:  # not frozen: a frozen dataclass's __init__ is several times slower
    """A word or a mark as written. One object stands for every occurrence of its chunk's
    token (the chunks of news repeat): where it stands in a sentence is in the sentence's
    ``Tokens.starts`` and ``Tokens.ends``. Never changed once made."""

    text: str
    low: str
    base: str  # without a possessive "'s"
    cap: bool  # starts with a capital letter


class Tokens(list[Token]):
    """A sentence's tokens with the columns that every layer reads, built in the same pass:
    ``lows`` (lower case), ``bases`` (without a possessive), ``capitals`` (the positions of
    capitalised tokens), ``words`` (the set of lower-cased words, for set tests in C that
    skip a layer when none of its words is there) and ``starts`` (each token's offset in the
    sentence); ``ends`` (where each token ends) is built when first asked for."""

    __slots__ = ("lows", "bases", "capitals", "words", "starts", "_ends")

    lows: list[str]
    bases: list[str]
    capitals: list[int]
    words: set[str]
    starts: list[int]

    def end_of(self, k: int) -> int:
        """Where token k ends (``ends[k]``, without building the list when it is not)."""
        ends = self._ends
        return self.starts[k] + len(self[k].text) if ends is None else ends[k]

    @property
    def ends(self) -> list[int]:
        if self._ends is None:  # start plus length, in C
            self._ends = list(map(add, self.starts, map(len, map(_TEXT, self))))
        return self._ends


_TEXT = attrgetter("text")

# Double quote marks, which open or close a quotation (a straight one does both).
DOUBLE_QUOTES = frozenset({'"', "“", "”"})
# The longest quotation read as words inside the sentence rather than as a quotation, and
# the marks that end a clause inside one (a quoted clause is a statement, not a term).
_SCARE_QUOTE_WORDS = 4
_CLAUSE_MARKS = frozenset({".", ",", ";", ":", "!", "?"})


def without_scare_quotes(tokens: Tokens) -> Tokens:
    """The sentence with the quote marks taken out around a few words set in quotation marks
    as a term of the sentence ('decided to "immediately suspend" Gabon', 'made "solemn
    representations" to Japan'): the words read as the sentence's own, so that a trigger
    phrase or its object reach through the marks. A quotation that opens with a capital or
    holds a clause mark is a statement and keeps its marks. The same tokens when none."""
    lows = tokens.lows
    if DOUBLE_QUOTES.isdisjoint(tokens.words):
        return tokens
    drop: list[int] = []
    opened: int | None = None
    for k, low in enumerate(lows):
        if low not in DOUBLE_QUOTES:
            continue
        if opened is None or low == "“":
            opened = None if low == "”" else k  # a closing mark with none open: none opens
            continue
        inner = range(opened + 1, k)
        if 0 < len(inner) <= _SCARE_QUOTE_WORDS and not tokens[opened + 1].cap and all(
            lows[j] not in _CLAUSE_MARKS for j in inner
        ):
            drop += (opened, k)
        opened = None
    if not drop:
        return tokens
    dropped = set(drop)
    kept = [k for k in range(len(tokens)) if k not in dropped]
    return _with_columns(
        Tokens(tokens[k] for k in kept),
        [lows[k] for k in kept],
        [tokens.bases[k] for k in kept],
        [n for n, k in enumerate(kept) if tokens[k].cap],
        [tokens.starts[k] for k in kept],
    )


def _with_columns(
    out: Tokens, lows: list[str], bases: list[str], capitals: list[int], starts: list[int]
) -> Tokens:
    """The tokens with their columns set, all of them (``words`` from ``lows``)."""
    out.lows = lows
    out.bases = bases
    out.capitals = capitals
    out.words = set(lows)
    out.starts = starts
    out._ends = None
    return out


def tokenize(text: str) -> Tokens:
    out = Tokens()
    lows: list[str] = []
    bases: list[str] = []
    capitals: list[int] = []
    starts: list[int] = []
    add_tokens, add_lows, add_bases = out.extend, lows.extend, bases.extend
    add_token, add_low, add_base = out.append, lows.append, bases.append
    add_start, add_capital = starts.append, capitals.append
    known = _CHUNK_TOKENS
    if len(known) > _CHUNK_TOKENS_LIMIT:
        known.clear()  # a bounded memo: a long run meets ever new names and numbers
    # No token holds whitespace and the token regex looks at nothing around a match: a text's
    # tokens are those of its whitespace-separated chunks, and the chunks of news repeat
    # ("said", "Putin's", "talks."), so each is read by the regex once and its tokens and
    # their columns are kept, to be appended whole (no step per token; joining them with
    # iterators in C instead of this loop costs more). Split at single spaces (a text with
    # other whitespace, "\n" or "\xa0", none of it printable, has it made a space first: the
    # offsets stay), a chunk's offset is the sum of the lengths before it, one more for each
    # space. An empty chunk (between two spaces) is read as no tokens, like any other.
    spaced = text if text.isprintable() else _OTHER_WHITESPACE.sub(" ", text)
    at = 0  # the offset of the chunk
    for chunk in spaced.split(" "):
        try:
            read = known[chunk]  # a subscript: cheaper than a .get() call
        except KeyError:
            read = _read_chunk(chunk)
            if len(chunk) <= _CHUNK_MEMO_LENGTH:
                known[chunk] = read
        if read.__class__ is Token:  # one token: most chunks, kept as the token alone
            if read.cap:
                add_capital(len(lows))
            add_token(read)
            add_low(read.low)
            add_base(read.base)
            add_start(at)
        else:
            tokens, chunk_lows, chunk_bases, chunk_capitals, inner_starts = read
            # the offsets shifted by a map in C (a comprehension is a function call)
            starts.extend(map(at.__add__, inner_starts))
            if chunk_capitals:
                capitals.extend(map(len(lows).__add__, chunk_capitals))
            add_tokens(tokens)
            add_lows(chunk_lows)
            add_bases(chunk_bases)
        at += len(chunk) + 1  # the chunk and its space
    return _with_columns(out, lows, bases, capitals, starts)


def _read_chunk(chunk: str) -> _ChunkRead:
    """The token of a one-token chunk (most chunks: the token carries its lower-case and
    possessive-less forms, and tokenize reads one object per chunk, not five); else the
    chunk's tokens, their lower-case and possessive-less forms, which of them are capitalised
    and where they start (positions in the chunk; none for the empty chunk)."""
    tokens: list[Token] = []
    lows: list[str] = []
    bases: list[str] = []
    capitals: list[int] = []
    starts: list[int] = []
    at = 0
    for word, low, base, cap in _chunk_tokens(chunk):
        t = object.__new__(Token)  # the fields set one by one: cheaper than __init__
        t.text = word
        t.low = low
        t.base = base
        t.cap = cap
        if cap:
            capitals.append(len(tokens))
        tokens.append(t)
        lows.append(low)
        bases.append(base)
        starts.append(at)
        at += len(word)
    if len(tokens) == 1:
        return tokens[0]
    return tuple(tokens), tuple(lows), tuple(bases), tuple(capitals), tuple(starts)


def _chunk_tokens(chunk: str) -> list[tuple[str, str, str, bool]]:
    """The tokens of a chunk without whitespace: (text, lower case, without a possessive,
    capitalised). Every character that is no word character is a token of its own: the
    tokens cover the chunk one after the other."""
    if chunk.isalnum():  # word characters only (the regex's \w is alphanumeric or "_")
        return [(chunk, chunk.lower(), chunk, chunk[0].isupper())]
    return [
        (word, word.lower(), word[:-2] if word[-2:] in POSSESSIVE_ENDINGS and len(word) > 2
         else word, word[0].isupper())
        for word in _TOKEN.findall(chunk)
    ]


_OTHER_WHITESPACE = re.compile(r"[^\S ]")  # whitespace other than a space ("\n", "\xa0")
POSSESSIVE_ENDINGS = frozenset({"'s", "’s"})
# the quote marks, double and single, straight and curly (a single one may also be an apostrophe)
QUOTE_MARKS = DOUBLE_QUOTES | {"'", "‘", "’"}
# a one-token chunk's token, or a chunk's tokens, lower cases, bases, capitals and starts (see
# _read_chunk)
_ChunkRead = Token | tuple[
    tuple[Token, ...], tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[int, ...]
]
# chunk -> what _read_chunk made of it: the chunks of news repeat
_CHUNK_TOKENS: dict[str, _ChunkRead] = {}
_CHUNK_TOKENS_LIMIT = 50_000
_CHUNK_MEMO_LENGTH = 64  # longer chunks (a URL, a run of dashes) are read again, not kept


def gerund(low: str) -> bool:
    """A lower-case word read as an -ing form ("imposing", "having"), not "king" or "ring"."""
    return len(low) > 4 and low.endswith("ing")


def token_fields(text: str) -> list[tuple[str, str, str, bool]]:
    """(text, lower case, without a possessive, capitalised) of each of a text's tokens, as
    ``tokenize`` reads them, without its chunk memo: for lexicon entries, read once when the
    lexicons are compiled, whose chunks would fill the memo with words news rarely has."""
    return [fields for chunk in text.split() for fields in _chunk_tokens(chunk)]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """Lower-cased token tuple of a lexicon phrase."""
    return tuple(low for _, low, _, _ in token_fields(phrase))


class PhraseIndex:
    """Longest-match lookup of multi-word phrases over a token list, keyed by first word.

    ``by_first`` (first word -> its phrases, longest first) is the index's public face; the
    lookups walk a trie built from it (rebuilt when it is assigned): first word -> node, each
    node a pair [the value of the phrase that ends there, or _NO_PHRASE; the next word ->
    node, or None]. A match reads one dict entry per word it walks and stops at the first
    word no phrase goes on with, instead of slicing a tuple for every phrase length."""

    def __init__(self, phrases: dict[tuple[str, ...], object]):
        by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for key, value in phrases.items():
            if key:
                by_first.setdefault(key[0], []).append((key, value))
        for entries in by_first.values():
            entries.sort(key=lambda kv: -len(kv[0]))
        self.by_first = by_first

    @property
    def by_first(self) -> dict[str, list[tuple[tuple[str, ...], object]]]:
        return self._by_first

    @by_first.setter
    def by_first(self, by_first: dict[str, list[tuple[tuple[str, ...], object]]]) -> None:
        self._by_first = by_first
        trie: dict[str, _TrieNode] = {}
        for first, entries in by_first.items():
            for key, value in entries:
                node = trie.get(first)
                if node is None:
                    node = trie[first] = [_NO_PHRASE, None]
                for word in key[1:]:
                    if node[1] is None:
                        node[1] = {}
                    following = node[1]
                    node = following.get(word)
                    if node is None:
                        node = following[word] = [_NO_PHRASE, None]
                if node[0] is _NO_PHRASE:
                    node[0] = value  # the first of equal keys wins, as in a scan
        self._trie = trie
        self._firsts = frozenset(trie)  # (a set test needs no view of the dict's keys made)

    def match_at(self, lows: Sequence[str], i: int) -> tuple[int, object] | None:
        """(length, value) of the longest phrase starting at token i, or None."""
        node = self._trie.get(lows[i])
        if node is None:
            return None
        value, following = node
        length = 1 if value is not _NO_PHRASE else 0
        k = i + 1
        size = len(lows)
        while following is not None and k < size:
            node = following.get(lows[k])
            if node is None:
                break
            k += 1
            if node[0] is not _NO_PHRASE:
                value, length = node[0], k - i
            following = node[1]
        return (length, value) if length else None

    def find_all(self, lows: Sequence[str]) -> list[tuple[int, int, object]]:
        """Non-overlapping (start, end, value) matches, left to right, longest first."""
        if self._firsts.isdisjoint(lows):
            return []  # most windows: one test in C
        trie = self._trie
        out: list[tuple[int, int, object]] = []
        free = 0  # the first token that no match found so far covers
        size = len(lows)
        for i in compress(range(size), map(trie.__contains__, lows)):  # possible firsts
            if i < free:
                continue
            # match_at, inlined: this loop runs for every trigger and cue word
            value, following = trie[lows[i]]
            length = 1 if value is not _NO_PHRASE else 0
            k = i + 1
            while following is not None and k < size:
                node = following.get(lows[k])
                if node is None:
                    break
                k += 1
                if node[0] is not _NO_PHRASE:
                    value, length = node[0], k - i
                following = node[1]
            if length:
                out.append((i, i + length, value))
                free = i + length
        return out


# a trie node: [the value of the phrase that ends at it (or _NO_PHRASE), the next word -> node
# (None where no phrase goes on)]
_TrieNode = list  # [object, dict[str, _TrieNode] | None]


_NO_PHRASE = object()  # no phrase of that length: values may be None or False
