"""What extraction produces: plain data, no database, no UI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tracker.domain import When


@dataclass(frozen=True)
class ActorEntry:
    """A gazetteer entry: a canonical actor and the names that resolve to it."""

    name: str
    kind: str  # person, state, organisation, group
    country: str | None = None  # ISO 3166 alpha-2 where it has one
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtractedActor:
    name: str  # canonical name
    role: str  # initiator, target, participant
    kind: str = "person"
    country: str | None = None


@dataclass
class ExtractedEvent:
    type: str
    status: str
    actors: list[ExtractedActor]
    when: When | None
    evidence: str  # the sentence the event was read from, verbatim
    start: int  # character offsets of the evidence in the article text
    end: int
    confidence: float = 0.5
    title: str = ""
    trigger: str = ""  # the words that signalled the event, as written
    trigger_offset: int = 0  # where the trigger starts in the evidence
    # True when the time was not told with the act but taken from the story (its latest day):
    # a retelling that tells the act's own day near it replaces it.
    when_inferred: bool = False
    # True when the sentence tells it as another act of its kind ("also imposed sanctions",
    # "a separate line of credit"): not a retelling of one told before.
    new_act: bool = False
    # The days an act told without its day lasted up to the day it ended ("after three days of
    # talks"); 0 when the text does not say so.
    days_ending: int = 0
    # The states of officials who made the act in their name ("Vice Foreign Minister Choe Son
    # Hui denounced ..."): named beside them once the article is read, so that telling which
    # acts are one act compares the parties the sentences name.
    officials_states: list[ExtractedActor] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "type": self.type,
            "status": self.status,
            "actors": [{"name": a.name, "role": a.role} for a in self.actors],
            "when": self.when.to_json() if self.when else None,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 2),
        }


@dataclass
class Article:
    title: str
    published: dt.date | None
    body: str  # the text after the header
    body_offset: int  # where the body starts in the original text
    text: str  # the original text
    tags: list[str] = field(default_factory=list)
    source: str | None = None
    # where the article ends in the original text: a page copied from a site may go on with
    # the site's other headlines ("More stories"); none read past it
    body_end: int | None = None
    # spans of lines inside the body that link to other stories ("Read more: ..."): not read
    links: tuple[tuple[int, int], ...] = ()


@dataclass
class Extraction:
    article: Article
    events: list[ExtractedEvent]

    def to_json(self) -> dict:
        return {
            "article": {
                "title": self.article.title,
                "published": self.article.published.isoformat() if self.article.published else None,
            },
            "events": [e.to_json() for e in self.events],
        }
