"""Loading the data files (gazetteer, triggers, cues) once per process."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from tracker.extract.types import ActorEntry


def _load(name: str) -> dict[str, Any]:
    return json.loads(resources.files("tracker.extract.data").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=1)
def gazetteer_document() -> dict[str, Any]:
    return _load("gazetteer.json")


@lru_cache(maxsize=1)
def load_gazetteer() -> list[ActorEntry]:
    """The shipped gazetteer: canonical actors with their aliases."""
    return [
        ActorEntry(
            name=e["name"],
            kind=e["kind"],
            country=e.get("country"),
            aliases=tuple(e.get("aliases", ())),
        )
        for e in gazetteer_document()["actors"]
    ]


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Adjective → state name ("Russian" → "Russia")."""
    return dict(gazetteer_document()["demonyms"])


@lru_cache(maxsize=1)
def triggers() -> dict[str, list]:
    data = _load("triggers.json")
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    return _load("cues.json")


@lru_cache(maxsize=64)
def words(key: str) -> frozenset[str]:
    """A word list from cues.json as a set."""
    return frozenset(cues()[key])
