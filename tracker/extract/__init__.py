"""Extraction: pure functions from article text to events.

Public API: ``extract``, ``read_article``, ``load_gazetteer``, ``event_title``. Each is
imported on first use (and dateparser on the first date to resolve), so importing a part of
this package (the date parser of the command line, the titles) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.extract.articles import read_article
    from tracker.extract.lexicon import load_gazetteer
    from tracker.extract.pipeline import extract
    from tracker.extract.titles import event_title

__all__ = ["event_title", "extract", "read_article", "load_gazetteer"]

_HOME = {
    "event_title": "tracker.extract.titles",
    "extract": "tracker.extract.pipeline",
    "read_article": "tracker.extract.articles",
    "load_gazetteer": "tracker.extract.lexicon",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME[name]), name)
    globals()[name] = value
    return value
