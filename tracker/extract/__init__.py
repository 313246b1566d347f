"""Extraction: pure functions from article text to events.

Public API: ``extract``, ``read_article``, ``load_gazetteer``, ``event_title``. dateparser is
imported lazily, on the first date to resolve, so importing this package stays cheap.
"""

from tracker.extract.articles import read_article
from tracker.extract.lexicon import load_gazetteer
from tracker.extract.pipeline import event_title, extract

__all__ = ["event_title", "extract", "read_article", "load_gazetteer"]
