"""``extract``: article text in, events out. Pure: no database, no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from tracker.domain import When
from tracker.extract.actors import Actor, ActorIndex, ArticleMemory, Mention, find_mentions
from tracker.extract.articles import read_article
from tracker.extract.dates import DateMention, find_dates
from tracker.extract.events import Trigger, TriggerLexicon
from tracker.extract.lexicon import load_gazetteer
from tracker.extract.sentences import Sentence, split_sentences
from tracker.extract.tokens import Token, tokenize
from tracker.extract.types import ActorEntry, Extraction, ExtractedActor, ExtractedEvent

CONSULT = frozenset({"call", "meeting", "talks", "agreement"})
# Words after which a weekday or a month is read forward from the article's date.
_FUTURE_CUES = frozenset(
    "will would 'll expected due scheduled set plans planned planning upcoming intends starting"
    " next".split()
)
# Between two mentions of one subject: "Joe Biden and Russian President Vladimir Putin".
_SUBJECT_GLUE = frozenset("and , the both".split())
_TYPE_LABEL = {
    "call": "phone call", "meeting": "meeting", "talks": "talks", "agreement": "agreement",
}


@lru_cache(maxsize=1)
def _lexicon() -> TriggerLexicon:
    return TriggerLexicon()


@lru_cache(maxsize=1)
def _base_index() -> ActorIndex:
    return ActorIndex(load_gazetteer())


@lru_cache(maxsize=32)
def _index_with(extra: tuple[ActorEntry, ...]) -> ActorIndex:
    # Database actors first: the gazetteer keeps the last word on a clashing alias.
    return ActorIndex((*extra, *load_gazetteer()))


def extract(
    text: str,
    published: dt.date | None = None,
    extra_actors: Iterable[ActorEntry] = (),
    source: str | None = None,
) -> Extraction:
    """Read an article and return its events (types, statuses, actors, times, evidence)."""
    article = read_article(text, source=source, published=published)
    extra = tuple(extra_actors)
    index = _index_with(extra) if extra else _base_index()
    lex = _lexicon()
    memory = ArticleMemory()
    events: list[ExtractedEvent] = []
    last_when: When | None = None
    for sentence in split_sentences(text, article.body_offset):
        tokens = tokenize(sentence.text)
        if not tokens:
            continue
        mentions = find_mentions(tokens, index, memory)
        future_from = _first_future_cue(tokens)
        dates = find_dates(sentence.text, article.published, future_from)
        found = _sentence_events(sentence, tokens, mentions, dates, last_when, lex, memory)
        for event in found:
            _add_unless_duplicate(events, event)
        anchored = [d.when for d in dates if d.when and d.anchor]
        if anchored:
            last_when = anchored[-1]
    return Extraction(article=article, events=events)


def _first_future_cue(tokens: list[Token]) -> int | None:
    for t in tokens:
        if t.low in _FUTURE_CUES:
            return t.start
    return None


def _sentence_events(
    sentence: Sentence,
    tokens: list[Token],
    mentions: list[Mention],
    dates: list[DateMention],
    last_when: When | None,
    lex: TriggerLexicon,
    memory: ArticleMemory,
) -> list[ExtractedEvent]:
    if sentence.text.rstrip("\"'”’ ").endswith("?"):
        return []  # questions assert nothing
    lows = [t.low for t in tokens]
    clause = lex.clause_starts(tokens)
    out: list[ExtractedEvent] = []
    seen_types: set[str] = set()
    for trig in lex.find_triggers(lows):
        if trig.type in seen_types:
            continue
        lo = clause[trig.tok]
        if lex.blocked(lows, lo, trig.tok):
            continue
        actors = _actors_for(trig, tokens, mentions, clause)
        if not actors or (trig.weight < 1 and len(actors) < 2):
            continue
        status = lex.status_for(lows, max(lo, trig.tok - 8), trig.tok_end, trig.status)
        when = _when_for(trig, tokens, dates, status, last_when)
        seen_types.add(trig.type)
        if len(actors) >= 2:
            memory.last_group = [a for a, _ in actors[:2]]
        out.append(_event(trig, status, actors, when, sentence))
    return out


def _actors_for(
    trig: Trigger, tokens: list[Token], mentions: list[Mention], clause: list[int]
) -> list[tuple[Actor, str]]:
    """(actor, role) pairs: the subject before the trigger, then the parties after it."""
    parties = [m for m in mentions if not m.location]
    before = [m for m in parties if m.tok_end <= trig.tok]
    subject: list[Mention] = []
    if before:
        last = before[-1]
        subject = [m for m in before if m.tok == last.tok]
        first_tok = last.tok
        for m in reversed(before):
            if m.tok >= first_tok:
                continue
            gap = tokens[m.tok_end : first_tok]
            if all(t.low in _SUBJECT_GLUE or t.cap for t in gap) and len(gap) <= 4:
                subject.insert(0, m)
                first_tok = m.tok
            else:
                break
    end = len(tokens)
    for k in range(trig.tok_end, len(tokens)):
        if clause[k] > clause[trig.tok] and clause[k] != clause[trig.tok_end - 1]:
            end = k
            break
    after = [m for m in parties if trig.tok_end <= m.tok < end][:3]
    role_first = "participant" if trig.type in CONSULT else "initiator"
    role_rest = "participant" if trig.type in CONSULT else "target"
    out: list[tuple[Actor, str]] = []
    names: set[str] = set()
    for group, role in ((subject, role_first), (after, role_rest)):
        for m in group:
            for actor in ((m.government, m.actor) if m.government else (m.actor,)):
                if actor is not None and actor.name not in names:
                    names.add(actor.name)
                    out.append((actor, role))
    governments = {m.government.name for m in mentions if m.government}
    person_countries = {a.country for a, _ in out if a.kind == "person" and a.country}
    return [
        (a, r) for a, r in out
        if not (a.kind == "state" and a.country in person_countries and a.name not in governments)
    ]


def _when_for(
    trig: Trigger,
    tokens: list[Token],
    dates: list[DateMention],
    status: str,
    last_when: When | None,
) -> When | None:
    anchored = [d for d in dates if d.anchor]
    if not anchored:
        return None
    pos_start, pos_end = tokens[trig.tok].start, tokens[trig.tok_end - 1].end
    if status != "occurred":
        later = [d for d in anchored if d.start >= pos_end]
        if later and later[0].start - pos_end < 80:
            return later[0].when if not later[0].same_as_before else last_when
    best = min(anchored, key=lambda d: min(abs(d.start - pos_end), abs(pos_start - d.end)))
    return last_when if best.same_as_before else best.when


def _event(
    trig: Trigger,
    status: str,
    actors: list[tuple[Actor, str]],
    when: When | None,
    sentence: Sentence,
) -> ExtractedEvent:
    extracted = [ExtractedActor(a.name, role, a.kind, a.country) for a, role in actors]
    confidence = 0.45 + 0.15 * (len(actors) >= 2) + 0.15 * (trig.weight >= 1) + 0.1 * bool(when)
    return ExtractedEvent(
        type=trig.type,
        status=status,
        actors=extracted,
        when=when,
        evidence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        confidence=min(confidence, 0.95),
        title=_title(trig.type, extracted),
    )


def _short(name: str, kind: str) -> str:
    return name.split()[-1] if kind == "person" else name


def _title(event_type: str, actors: list[ExtractedActor]) -> str:
    if event_type in _TYPE_LABEL and len(actors) >= 2:
        names = "–".join(_short(a.name, a.kind) for a in actors[:3])
        return f"{names} {_TYPE_LABEL[event_type]}"
    return f"{event_type}: {', '.join(a.name for a in actors)}"


def _compatible(a: When | None, b: When | None) -> bool:
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def _add_unless_duplicate(events: list[ExtractedEvent], event: ExtractedEvent) -> None:
    """The same act told twice (same type, shared actors, compatible time) is kept once."""
    names = {a.name for a in event.actors}
    for earlier in events:
        if earlier.type != event.type or not _compatible(earlier.when, event.when):
            continue
        shared = names & {a.name for a in earlier.actors}
        if len(shared) >= min(2, len(names), len(earlier.actors)):
            if earlier.when is None and event.when is not None:
                earlier.when = event.when
            return
    events.append(event)
