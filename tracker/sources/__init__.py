"""Web sources: bounded HTTP fetches, HTML pages and RSS/Atom feeds turned into article text.

Standard library only at import time: trafilatura and feedparser are imported when a page or a
feed is actually read, so `tracker --help` stays instant.
"""

from __future__ import annotations

import re

# "http://", "ftp://", "file://"...: anything that names a scheme is a URL, not a path,
# so that an unsupported scheme is refused as a URL instead of "no such file".
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def is_url(spec: str) -> bool:
    return bool(_URL.match(spec))


def split_sources(specs: list[str] | tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Command-line arguments → (paths, folders and globs; URLs), each in the order given."""
    paths = [s for s in specs if not is_url(s)]
    urls = [s for s in specs if is_url(s)]
    return paths, urls


_INTERVAL_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(s|sec|secs|m|min|mins|h|hr|hrs|d)?", re.I)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """ "30s", "15m", "1h30m", "2h", "90" (seconds) → seconds; ValueError if not understood."""
    spec = text.strip().lower()
    total, pos = 0.0, 0
    while pos < len(spec):
        m = _INTERVAL_PART.match(spec, pos)
        if not m:
            raise ValueError(text)
        unit = (m[2] or "s")[0]
        total += float(m[1]) * _UNIT_SECONDS[unit]
        pos = m.end()
        while pos < len(spec) and spec[pos] in " ,":
            pos += 1
    if not spec or total <= 0:
        raise ValueError(text)
    return total
