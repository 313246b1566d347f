"""Sentence splitting with character offsets that survives "U.S.", "Feb.", "Mr." and initials."""

from __future__ import annotations

import re
from typing import NamedTuple

from tracker.extract import lexicon

# Words that end with a period without ending the sentence.
_ABBREVIATIONS = lexicon.words("abbreviations")
# After a dotted abbreviation such as "U.S." a sentence still ends when one of these follows.
_SENTENCE_STARTERS = lexicon.words("sentence_starters")
# A candidate end: . ! or ? plus closing quotes/brackets, then space, then an opening.
_CANDIDATE = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
# the same for a text without "!" and "?" (most): a literal first character lets the regex
# engine skip to each period in C, where a character class is tested at every character
_PERIOD_CANDIDATE = re.compile(r"\.[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
# The word that ends where a candidate end starts, read backwards in the reversed text: one
# match at a known place instead of a search that tries every start in the 30 characters.
_WORD_BEFORE_REVERSED = re.compile(r"[\w.'’-]+")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]?([\w'’-]+)")
_BREAK = re.compile(r"\n(?:\s*\n)?")  # "\n\s*\n|\n", with the literal "\n" first (faster)


class Sentence(NamedTuple):  # made for every sentence: cheaper than a frozen dataclass
    text: str
    start: int  # offsets in the original article text
    end: int


def _word_before(text: str, reversed_text: str, pos: int) -> str:
    r"""The word that ends at pos ("U.S", "Feb", "Kennedy"; its last 30 characters at most), or
    at a line break just before pos: what "[\w.'’-]+$" finds in text[pos - 30 : pos]."""
    word_end = pos - 1 if pos > 0 and text[pos - 1] == "\n" else pos
    m = _WORD_BEFORE_REVERSED.match(
        reversed_text, len(text) - word_end, len(text) - max(0, pos - 30)
    )
    return m[0][::-1] if m else ""


def _is_boundary(text: str, reversed_text: str, pos: int, end_of_match: int) -> bool:
    if text[pos] != ".":
        return True
    word = _word_before(text, reversed_text, pos)
    bare = word.lower().strip("'’")
    nxt = _NEXT_WORD.match(text, end_of_match)
    next_word = nxt[1] if nxt else ""
    if "." in word:  # U.S. / a.m. / U.N.: ends a sentence only before a clear opener
        return next_word in _SENTENCE_STARTERS
    if bare in _ABBREVIATIONS:
        return False
    return not (len(word) == 1 and word.isupper())  # an initial: "John F. Kennedy"


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end] with offsets into ``text``; lines never run together."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    pieces: list[tuple[int, int]] = []
    pos = start
    for m in _BREAK.finditer(text, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    reversed_text = text[::-1]
    candidates = _CANDIDATE if "!" in text or "?" in text else _PERIOD_CANDIDATE
    for a, b in pieces:
        seg_start = a
        for m in candidates.finditer(text, a, b):
            if _is_boundary(text, reversed_text, m.start(), m.end()):
                _add(out, text, seg_start, m.end())
                seg_start = m.end()
        _add(out, text, seg_start, b)
    return out


def _add(out: list[Sentence], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(text[a:b], a, b))
