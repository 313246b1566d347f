"""Sentence splitting with character offsets that survives "U.S.", "Feb.", "Mr." and initials."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract import lexicon

# Words that end with a period without ending the sentence.
_ABBREVIATIONS = lexicon.words("abbreviations")
# After a dotted abbreviation such as "U.S." a sentence still ends when one of these follows.
_SENTENCE_STARTERS = lexicon.words("sentence_starters")
# A candidate end: . ! or ? plus closing quotes/brackets, then space, then an opening.
_CANDIDATE = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]?([\w'’-]+)")
_BREAK = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offsets in the original article text
    end: int


def _is_boundary(text: str, pos: int, end_of_match: int) -> bool:
    if text[pos] != ".":
        return True
    m = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    word = m[1] if m else ""
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
    for a, b in pieces:
        seg_start = a
        for m in _CANDIDATE.finditer(text, a, b):
            if _is_boundary(text, m.start(), m.end()):
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
