"""Event titles: "Trump–Putin phone call", "Trump sanctions on Russia".

Its own module, importing little: `tracker add` titles an event typed without one, and a
title of states needs neither the extraction pipeline nor the gazetteer's index (only one
naming a person looks up the person's short name there).
"""

from __future__ import annotations

from functools import lru_cache

from tracker.extract import lexicon
from tracker.extract.types import ExtractedActor

_TYPE_LABEL = {
    "call": "phone call", "meeting": "meeting", "talks": "talks", "agreement": "agreement",
}
# acts with a direction: "Trump sanctions on Russia", "Orban criticism of European Union"
_DIRECTED_LABEL = {
    "proposal": ("proposal", "to"), "demand": ("demand", "on"),
    "criticism": ("criticism", "of"), "support": ("support", "for"),
    "rejection": ("rejection", "of"), "sanctions": ("sanctions", "on"),
    "aid": ("aid", "to"), "military": ("military action", "against"),
}
_SURNAME_FIRST = lexicon.words("surname_first_countries")


@lru_cache(maxsize=1)  # asked twice per actor of every event: not an import statement each time
def _short_names() -> dict[str, str]:
    from tracker.extract.actors import base_index  # the shipped gazetteer's index

    return base_index().short_names


def _short(name: str, kind: str) -> str:
    """ "Putin" for Vladimir Putin, "Xi" for Xi Jinping (a one-word alias wins)."""
    if kind != "person":
        return name
    if name in _short_names():
        return _short_names()[name]
    parts = name.split()
    k = len(parts) - 1
    while k > 1 and parts[k - 1] in _SURNAME_PARTICLES:
        k -= 1  # "Le Drian", "von der Leyen": the particles belong to the surname
    return " ".join(parts[k:])


_SURNAME_PARTICLES = frozenset({"Le", "La", "Du", "von", "van", "der", "den", "Von", "Van"})


def event_title(event_type: str, actors: list[ExtractedActor]) -> str:
    """A short readable title: "Trump–Putin phone call", "Trump sanctions on Russia"."""
    if not actors:
        return event_type.capitalize()
    if event_type in _DIRECTED_LABEL:
        label, preposition = _DIRECTED_LABEL[event_type]
        initiators = [a for a in actors if a.role == "initiator"]
        targets = [a for a in actors if a.role == "target"]
        if not initiators and targets:
            # only whom it is aimed at is known: "Criticism of United States", not
            # "United States criticism", which would read as the United States' own act
            return f"{label.capitalize()} {preposition} " + " and ".join(
                map(_title_name, targets[:2])
            )
        initiators = initiators or actors[:1]
        targets = [a for a in targets if a not in initiators]
        # a joint act names its makers: "Trump–Putin support" (praise exchanged), "US–EU
        # sanctions on Russia"; one maker's name alone would read as the act's target
        title = "–".join(map(_title_name, initiators[:2])) + f" {label}"
        if targets:
            title += f" {preposition} " + " and ".join(map(_title_name, targets[:2]))
        return title
    names = "–".join(map(_title_name, actors[:3]))
    return f"{names} {_TYPE_LABEL.get(event_type, event_type)}"


def _title_name(actor: ExtractedActor) -> str:
    if actor.kind == "person" and actor.name not in _short_names() and (
        actor.country in _SURNAME_FIRST or _korean_given_name(actor.name)
    ):
        return actor.name.split()[0]
    return _short(actor.name, actor.kind)


def _korean_given_name(name: str) -> bool:
    """ "Ban Ki-moon", "Moon Jae-in": a hyphenated given name in lower case after the hyphen
    comes after the family name, whatever country the gazetteer gives (none for a UN chief)."""
    parts = name.split()
    if len(parts) != 2 or "-" not in parts[1]:
        return False
    head, _, tail = parts[1].partition("-")
    return head[:1].isupper() and tail[:1].islower()
