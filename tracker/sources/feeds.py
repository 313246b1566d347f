"""RSS and Atom feeds → entries (key, page link, title, summary, date), with feedparser."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from tracker.errors import TrackerError
from tracker.sources.fetch import FetchError, check_url
from tracker.sources.pages import html_to_text, one_line

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
)
XML_TYPES = frozenset({"application/xml", "text/xml"})
MAX_KEY = 1000  # bytes: what FeedEntry.entry_key holds, small enough for its unique index
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")


@dataclass(frozen=True)
class FeedEntry:
    key: str  # what identifies the entry across polls: its id, else its link
    link: str | None  # the entry's page (absolute http(s) URL), None when it has none
    title: str
    summary: str  # plain text
    published: dt.date | None


@dataclass(frozen=True)
class Feed:
    title: str
    entries: list[FeedEntry]


def looks_like_feed(content_type: str, body: bytes) -> bool:
    if content_type in FEED_TYPES:
        return True
    if content_type and content_type not in XML_TYPES and content_type != "text/html":
        return False
    # XML served as application/xml, text/html or nothing at all: look at the root element
    return bool(_FEED_ROOT.search(body[:2048]))


def _day(struct) -> dt.date | None:
    if not struct:
        return None
    try:
        return dt.date(struct.tm_year, struct.tm_mon, struct.tm_mday)
    except (ValueError, AttributeError):
        return None


def _key(raw: str, fallback_parts: tuple[str, ...]) -> str:
    key = raw.strip() or "\n".join(fallback_parts)
    if len(key.encode("utf-8")) > MAX_KEY:
        key = "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()
    return key


def _page_link(link: str, base: str) -> str | None:
    if not link:
        return None
    absolute = urljoin(base, link.strip())
    try:
        return check_url(absolute)
    except FetchError:
        return None


def parse_feed(data: bytes, url: str) -> Feed:
    """A feed's entries in the feed's order; TrackerError when it is not a feed."""
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # a third-party parser: whatever breaks, it is this feed's problem
        raise TrackerError(f"cannot read the feed ({type(exc).__name__}: {exc})") from None
    if not parsed.version and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({one_line(str(problem))[:200]})" if problem else ""
        raise TrackerError(f"not an RSS or Atom feed{detail}")
    entries = []
    for raw in parsed.entries:
        link = _page_link(raw.get("link", ""), url)
        summary_html = raw.get("summary", "")
        if not summary_html and raw.get("content"):
            summary_html = raw["content"][0].get("value", "")
        title = one_line(raw.get("title", ""))
        summary = html_to_text(summary_html)
        entries.append(
            FeedEntry(
                key=_key(raw.get("id", "") or (link or ""), (title, summary)),
                link=link,
                title=title,
                summary=summary,
                published=_day(raw.get("published_parsed") or raw.get("updated_parsed")),
            )
        )
    return Feed(title=one_line(parsed.feed.get("title", "")), entries=entries)
