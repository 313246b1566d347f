"""Layer: who says a quoted sentence that does not say who says it.

News quotes run over several sentences with the attribution once, at the end of the quote
('"... Putin is acting in a dangerous and unacceptable manner. Therefore, the Russian ambassador
was summoned," the ministry said.') or in the sentence before ('"We are concerned ...," Colonna
told Le Parisien. "We demand their immediate release."'). A sentence made of quoted words only
takes its speaker from the sentence of its paragraph that names one: the one where the quote
it is part of closes, or the attributed quote just before it.

``speaker_sources`` reads the quote marks of the text only (one pass over the sentences); the
speaker itself is read from the mentions of the attributing sentence by ``speaker_of``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from tracker.extract import lexicon
from tracker.extract.actors import Actor, Mention
from tracker.extract.sentences import Sentence
from tracker.extract.tokens import Tokens

# Double quote marks only: single ones are apostrophes as often as quotes.
_OPENING = frozenset({"“"})
_CLOSING = frozenset({"”"})
_STRAIGHT = '"'
_ATTRIBUTING = lexicon.words("attribution_verbs")
_SPEAKER_REACH = 10  # tokens from the verb to the speaker it names after it (titles between)


def _marks(text: str, quoted: bool) -> tuple[bool, list[tuple[int, int]]]:
    """Read one sentence's double quote marks from the state ``quoted`` (inside a quote at its
    start): (inside a quote at its end, the spans of the text outside quotes). The marks are
    found by a regular expression (in C), the segments between them walked in Python: a
    handful per sentence."""
    if _STRAIGHT not in text and "“" not in text and "”" not in text:
        # most sentences hold no quote mark: three searches in C, no regex iterator
        return quoted, [] if quoted else [(0, len(text))]
    outside: list[tuple[int, int]] = []
    pos = 0
    for m in _MARK.finditer(text):
        if not quoted:
            outside.append((pos, m.start()))
        mark = m.group()
        quoted = mark in _OPENING or (mark == _STRAIGHT and not quoted)
        pos = m.end()
    if not quoted:
        outside.append((pos, len(text)))
    return quoted, outside


def _attributes(text: str, outside: list[tuple[int, int]]) -> bool:
    """Is one of the words outside quotes, lower-cased, an attribution verb?"""
    words = _words_of(text)
    return not _ATTRIBUTING.isdisjoint([w.lower() for a, b in outside for w in words(text, a, b)])


_MARK = re.compile('[“”"]')
_WORD = re.compile(r"\w+")
# the same words in a text of ASCII characters only (most): a table lookup per character
# instead of the Unicode database's tests for a letter, a digit or a number
_ASCII_WORD = re.compile(r"\w+", re.ASCII)


def _words_of(text: str) -> Callable[..., list[str]]:
    """The word regex's findall for ``text`` (str.isascii takes constant time)."""
    return _ASCII_WORD.findall if text.isascii() else _WORD.findall


def speaker_sources(text: str, sentences: Sequence[Sentence]) -> list[int | None]:
    """For each sentence, the index of the sentence whose attribution names its speaker, if it
    is made of quoted words only and its paragraph attributes the quote (else None)."""
    n = len(sentences)
    out: list[int | None] = [None] * n
    quoted_only = [False] * n
    opens = [False] * n
    open_after = [False] * n
    outside: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    quoted = False
    for k, s in enumerate(sentences):
        if k and "\n" in text[sentences[k - 1].end : s.start]:
            quoted = False  # a new paragraph (lines never run together)
        starts_quoted = quoted or s.text[:1] in _OPENING or s.text[:1] == _STRAIGHT
        quoted, outside[k] = _marks(s.text, quoted)
        quoted_only[k] = starts_quoted and not any(  # no word outside quotes
            _WORD.search(s.text, a, b) for a, b in outside[k]
        )
        opens[k] = starts_quoted
        open_after[k] = quoted
    # whether a sentence says who speaks, read only where a quote asks (its words are the
    # costly part; most sentences of most articles are no quote's)
    said: list[bool | None] = [None] * n

    def attributed(k: int) -> bool:
        if said[k] is None:
            said[k] = _attributes(sentences[k].text, outside[k])
        return bool(said[k])

    for k in range(n):
        if (opens[k] and attributed(k)) or _attributed_at_end(sentences[k].text):
            # '"... is a flagrant provocation," the agency said', 'Russia's actions are not
            # consistent with them, the White House statement said': its own
            out[k] = k
            continue
        if not quoted_only[k]:
            continue
        j = k
        while j + 1 < n and open_after[j] and _same_paragraph(text, sentences, j):
            j += 1  # the quote goes on: its attribution is where it closes
        if j > k and attributed(j):
            out[k] = j
        elif j == k and k > 0 and attributed(k - 1) and _same_paragraph(text, sentences, k - 1):
            out[k] = k - 1  # '"...," Colonna told Le Parisien. "We demand their release."'
    return out


def _attributed_at_end(text: str) -> bool:
    """Does the sentence end with an attribution after its last comma, outside quotes ("...,
    the White House statement said.", "..., Lavrov said on Tuesday.")?"""
    comma = text.rfind(",")
    if comma < 0 or _MARK.search(text, comma):
        return False
    if _ATTRIBUTING_INSIDE.search(text[comma:].lower()) is None:
        # no attribution verb even inside a word of the tail (most sentences): no word list
        # (a word lower-cased is a piece of the text lower-cased, so none is missed)
        return False
    words = [w.lower() for w in _words_of(text)(text, comma)]
    return 1 < len(words) <= _TRAILING_WORDS and not _ATTRIBUTING.isdisjoint(words[1:])


def _inside_any(words: frozenset[str]) -> str:
    """A regular expression that finds any of ``words`` anywhere in a text, even inside a word,
    written as a tree of their letters ("a(?:ccording|dd(?:ed|s))|..."): the regex engine
    tries the alternatives of one letter at a time, not every word at every letter. A word
    that holds a shorter one is left out ("says" after "say"): only whether one is there is
    asked."""
    tree: dict[str, dict] = {}
    for word in sorted(words, key=len):
        node = tree
        for letter in word:
            if "" in node:
                break  # a shorter word already ends here
            node = node.setdefault(letter, {})
        else:
            node.clear()
            node[""] = {}

    def written(node: dict[str, dict]) -> str:
        branches = [re.escape(letter) + written(child) for letter, child in node.items() if letter]
        if not branches:
            return ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(sorted(branches)) + ")"

    return written(tree)


# the attribution verbs anywhere in a text, even inside words: a test before the word list
_ATTRIBUTING_INSIDE = re.compile(_inside_any(_ATTRIBUTING))
_TRAILING_WORDS = 12  # words of a trailing attribution: ", the White House statement said"


def _same_paragraph(text: str, sentences: Sequence[Sentence], k: int) -> bool:
    """Are sentences k and k + 1 on the same line?"""
    return "\n" not in text[sentences[k].end : sentences[k + 1].start]


def speaker_of(tokens: Tokens, mentions: list[Mention]) -> list[Actor]:
    """The speaker an attributing sentence names outside its quote: '..., the ministry said',
    '"...," Jiakun added', '"...," said Treasury official Brian Nelson', 'Colonna said: "..."';
    with the government a spokesperson speaks for. Empty when it names none."""
    lows = tokens.lows
    marks = [] if _DOUBLE_MARKS.isdisjoint(tokens.words) else [
        k for k, low in enumerate(lows) if low in _DOUBLE_MARKS
    ]
    if not marks:  # ", the White House statement said.": after the last comma
        marks = [len(lows) - 1 - lows[::-1].index(",") if "," in tokens.words else len(lows)]
    # after the quote's last mark, else before its first
    for k in (*range(marks[-1] + 1, len(tokens)), *range(marks[0] - 1, -1, -1)):
        if tokens[k].low not in _ATTRIBUTING:
            continue
        before = [
            m for m in mentions
            if k - _NOUN_REACH <= m.tok_end <= k and m.source != "pronoun"
            and all(not t.cap and t.low.isalpha() for t in tokens[m.tok_end : k])
        ]  # "Jiakun added", "the White House statement said"
        after = [
            m for m in mentions
            if k < m.tok <= k + _SPEAKER_REACH and m.source != "pronoun"
            and (m.tok < marks[0] or m.tok > marks[-1])
        ]
        found = before[-1:] or after[:1]
        if found:
            m = found[0]
            return [m.government, m.actor] if m.government is not None else [m.actor]
        return []
    return []


_DOUBLE_MARKS = _OPENING | _CLOSING | {_STRAIGHT}
_NOUN_REACH = 2  # lower-case words between the speaker and the verb: "statement", "spokesman"
