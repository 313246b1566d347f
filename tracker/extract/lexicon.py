"""Loading the data files (gazetteer, triggers, cues) once per process."""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from tracker.extract.types import ActorEntry


def _load(name: str) -> dict[str, Any]:
    return json.loads(resources.files("tracker.extract.data").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=1)
def gazetteer_document() -> dict[str, Any]:
    return _load("gazetteer.json")


@lru_cache(maxsize=1)
def phoenix_document() -> dict[str, Any]:
    """Actors and titles generated from PETRARCH2's Phoenix dictionaries (see the script
    scripts/build_dictionaries.py and PETRARCH2-LICENSE.txt)."""
    return _load("phoenix.json")


@lru_cache(maxsize=1)
def load_gazetteer() -> list[ActorEntry]:
    """The shipped gazetteer: canonical actors with their aliases.

    The hand-made gazetteer comes first and has the last word; the Phoenix dictionaries add
    the office holders and small states it lacks, and further aliases of its organisations.
    """
    phoenix = phoenix_document()
    more_aliases: dict[str, list[str]] = {}
    for org in phoenix["organisations"]:
        more_aliases.setdefault(org["name"], []).extend(org["aliases"])
    curated = [
        ActorEntry(
            name=e["name"],
            kind=e["kind"],
            country=e.get("country"),
            aliases=(*e.get("aliases", ()), *more_aliases.get(e["name"], ())),
        )
        for e in gazetteer_document()["actors"]
    ]
    generated = [
        ActorEntry(name=e["name"], kind=e["kind"], country=e["country"],
                   aliases=tuple(e["aliases"]))
        for e in (*phoenix["states"], *phoenix["persons"])
    ]
    # ActorIndex lets later entries win a clashing alias: generated first, curated last.
    return [*generated, *curated]


@lru_cache(maxsize=1)
def curated_persons() -> list[ActorEntry]:
    """The persons of the hand-made gazetteer (not the generated dictionaries')."""
    return [
        ActorEntry(name=e["name"], kind=e["kind"], country=e.get("country"),
                   aliases=tuple(e.get("aliases", ())))
        for e in gazetteer_document()["actors"] if e["kind"] == "person"
    ]


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Adjective → state name ("Russian" → "Russia")."""
    return dict(gazetteer_document()["demonyms"])


@lru_cache(maxsize=1)
def combining_forms() -> dict[str, str]:
    """The first part of a hyphenated pair → state ("Sino" → "China" in "Sino-US")."""
    return dict(gazetteer_document().get("combining_forms", {}))


@lru_cache(maxsize=1)
def triggers() -> dict[str, list]:
    data = _load("triggers.json")
    return {k: v for k, v in data.items() if not k.startswith("_")}


def one_word_triggers(event_types: frozenset[str]) -> frozenset[str]:
    """The single-word trigger phrases of these event types ("condemned", "welcomed")."""
    out = set()
    for event_type in event_types:
        for entry in triggers().get(event_type, []):
            phrase = entry[0] if isinstance(entry, list) else entry
            if " " not in phrase:
                out.add(phrase.lower())
    return frozenset(out)


@lru_cache(maxsize=1)
def cameo_triggers() -> dict[str, list[str]]:
    """Event type → verb forms from CAMEO's synonym sets (generated: cameo_verbs.json)."""
    return _load("cameo_verbs.json")["triggers"]


@lru_cache(maxsize=1)
def patterns_document() -> dict[str, Any]:
    return _load("patterns.json")


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    return _load("cues.json")


@cache  # one entry per key of cues.json, a bounded set
def words(key: str) -> frozenset[str]:
    """A word list from cues.json as a set."""
    return frozenset(cues()[key])


@lru_cache(maxsize=1)
def web_cues() -> dict[str, Any]:
    """What a page copied from a web site holds beside its article (web.json)."""
    return _load("web.json")


@lru_cache(maxsize=1)
def time_cues() -> dict[str, Any]:
    """The word lists of time attachment (times.json)."""
    return _load("times.json")
