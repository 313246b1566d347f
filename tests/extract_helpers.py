"""What the extraction tests share: a body of text read as a one-paragraph article, and the
parties of what is read from it."""

from __future__ import annotations

import datetime as dt

from tracker.extract import extract
from tracker.extract.actors import ArticleMemory, base_index, find_mentions
from tracker.extract.tokens import tokenize
from tracker.extract.types import ExtractedEvent


def read_body(text: str, published: dt.date | None = None) -> list[ExtractedEvent]:
    """The events ``extract`` reads from ``text`` as an article's only paragraph."""
    return extract(f"Test\n\n{text}\n", published=published).events


def told_acts(
    text: str, published: dt.date | None = dt.date(2024, 3, 6)
) -> list[tuple[str, str, list[str]]]:
    """(type, status, party names) of each event read from ``text``."""
    return [(e.type, e.status, [a.name for a in e.actors]) for e in read_body(text, published)]


def typed_parties(text: str, published: dt.date | None = None) -> list[tuple[str, list[str]]]:
    """(type, party names) of each event read from ``text``."""
    return [(e.type, [a.name for a in e.actors]) for e in read_body(text, published)]


def parties_of(kind: str, text: str, published: dt.date | None = None) -> list[list[str]]:
    """The party names of each event of one type read from ``text``."""
    return [names for t, names in typed_parties(text, published) if t == kind]


def mention_names(sentence: str, memory: ArticleMemory | None = None) -> list[str]:
    """The actors the mentions layer finds in one sentence."""
    found = find_mentions(tokenize(sentence), base_index(), memory or ArticleMemory())
    return [m.actor.name for m in found]


def sentence_context(text: str, published: dt.date | None = None):
    """The context the extractor's layers read a one-sentence text in, as the pipeline builds
    it (tokens, mentions, triggers after the patterns, dates), before any trigger is read."""
    from tracker.extract.context import SentenceContext
    from tracker.extract.dates import find_dates
    from tracker.extract.patterns import patterns
    from tracker.extract.pipeline import trigger_lexicon
    from tracker.extract.sentences import Sentence

    tokens = tokenize(text)
    memory = ArticleMemory.for_article(text)
    mentions = find_mentions(tokens, base_index(), memory)
    lex = trigger_lexicon()
    triggers = patterns().apply(tokens, tokens.lows, mentions, lex.find_triggers(tokens.lows))
    dates = find_dates(text, published, None, tokens.words)
    return SentenceContext.of(
        Sentence(text, 0, len(text)), tokens, mentions, triggers, dates, lex, memory,
        published=published,
    )


def trigger_at(ctx, word: str):
    """The trigger whose first word is ``word`` (case-insensitive), else the first that holds
    it ("imposing tariffs")."""
    word = word.lower()
    return next(
        (t for t in ctx.triggers if ctx.lows[t.tok] == word),
        None,
    ) or next(t for t in ctx.triggers if word in ctx.lows[t.tok : t.tok_end])
