"""What the layers share while one sentence is read: its tokens, mentions and clauses, the
article so far, and the acts the sentence has told up to the trigger being read.

The layers (admission.py, parties.py, content.py, then status and time) each take this context
and one trigger; ``pipeline._sentence_events`` runs them in order for every trigger.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from tracker.domain import When
from tracker.extract.actors import Actor, ArticleMemory, Mention
from tracker.extract.arguments import SentenceMentions
from tracker.extract.clauses import Clauses
from tracker.extract.dates import DateMention
from tracker.extract.events import Trigger, TriggerLexicon
from tracker.extract.sentences import Sentence
from tracker.extract.timing import SentenceTimes
from tracker.extract.titles import event_title
from tracker.extract.tokens import Token, Tokens
from tracker.extract.types import ExtractedActor, ExtractedEvent

Parties = list[tuple[Actor, str]]  # (actor, role): initiator, target or participant


class Capitalised(Sequence[bool]):
    """``caps[k]``: is token k capitalised? Read from the token when asked (rarely), not
    listed for every token of every sentence."""

    __slots__ = ("tokens",)

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens

    def __getitem__(self, k: int) -> bool:  # type: ignore[override]  (no slices)
        return self.tokens[k].cap

    def __len__(self) -> int:
        return len(self.tokens)


@dataclass(slots=True)
class SentenceContext:
    # the sentence as read
    sentence: Sentence
    tokens: Tokens
    lows: list[str]
    mentions: list[Mention]
    triggers: Sequence[Trigger]
    clause: Clauses
    sm: SentenceMentions
    times: SentenceTimes
    lex: TriggerLexicon
    # the article so far
    memory: ArticleMemory
    earlier_events: list[ExtractedEvent]
    last_when: When | None
    published: dt.date | None
    speaker: list[Actor] | None  # who says the quote this sentence is, named elsewhere
    caps: Capitalised
    mentioned: set[int]  # tokens inside a mention
    denial_end: int | None
    first_also: int  # "They also agreed ...": what "also" precedes is a further act
    # the acts this sentence has told so far
    out: list[ExtractedEvent] = field(default_factory=list)
    heads: dict[int, tuple[Trigger, str, Parties]] = field(default_factory=dict)  # by clause
    head_events: dict[int, ExtractedEvent] = field(default_factory=dict)
    seen_types: set[str] = field(default_factory=set)
    last_actors: Parties = field(default_factory=list)
    last_subjects: Parties = field(default_factory=list)
    previous_end: int = 0
    renamed_until: int = 0  # the end of an appositive that renames the act just told

    @classmethod
    def of(
        cls,
        sentence: Sentence,
        tokens: Tokens,
        mentions: list[Mention],
        triggers: Sequence[Trigger],
        dates: list[DateMention],
        lex: TriggerLexicon,
        memory: ArticleMemory,
        earlier_events: list[ExtractedEvent] | None = None,
        last_when: When | None = None,
        published: dt.date | None = None,
        speaker: list[Actor] | None = None,
    ) -> SentenceContext:
        """The context of a sentence whose triggers are found, before any is read."""
        lows = tokens.lows
        clause = Clauses(tokens, lows)
        return cls(
            sentence=sentence, tokens=tokens, lows=lows, mentions=mentions, triggers=triggers,
            clause=clause, sm=SentenceMentions(tokens, mentions, clause, lows),
            times=SentenceTimes(dates, published), lex=lex, memory=memory,
            earlier_events=earlier_events if earlier_events is not None else [],
            last_when=last_when, published=published, speaker=speaker, caps=Capitalised(tokens),
            mentioned={k for m in mentions for k in range(m.tok, m.tok_end)},
            denial_end=lex.first_denial_end(lows),
            first_also=lows.index("also") if "also" in lows else len(lows),
        )

    def event(
        self, event_type: str, trig: Trigger, status: str, actors: Parties, when: When | None
    ) -> ExtractedEvent:
        """The event read from this sentence at ``trig``."""
        extracted = [ExtractedActor(a.name, role, a.kind, a.country) for a, role in actors]
        confidence = (
            0.45 + 0.15 * (len(actors) >= 2) + 0.15 * (trig.weight >= 1) + 0.1 * bool(when)
        )
        sentence, tokens = self.sentence, self.tokens
        return ExtractedEvent(
            type=event_type,
            status=status,
            actors=extracted,
            when=when,
            evidence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            confidence=min(confidence, 0.95),
            title=event_title(event_type, extracted),
            trigger=sentence.text[tokens.starts[trig.tok] : tokens.end_of(trig.tok_end - 1)],
            trigger_offset=tokens.starts[trig.tok],
        )
