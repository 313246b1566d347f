"""HTML pages → (title, main text, publication date), and the article text tracker ingests.

trafilatura finds the main text (no menus, footers or comments) and the metadata; it is
imported only when a page is read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from tracker.errors import TrackerError

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
HTML_SUFFIXES = (".html", ".htm")
MAX_TITLE = 500

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
# lxml refuses NUL and most C0 controls; they carry no text anyway
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Page:
    title: str
    text: str  # paragraphs separated by blank lines
    published: dt.date | None


def looks_like_html(content_type: str, body: bytes) -> bool:
    if content_type in HTML_TYPES:
        return True
    if content_type:
        return False
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Bytes → text by BOM, then the declared charset, then <meta charset>, else UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        charset, data = "utf-8", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        charset = "utf-16"
    else:
        meta = _META_CHARSET.search(data[:4096])
        charset = declared or (meta[1].decode("ascii") if meta else "utf-8")
    try:
        codecs.lookup(charset)
    except LookupError:
        raise TrackerError(f"unknown character set {charset!r}") from None
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        raise TrackerError(
            f"cannot decode the page as {charset} (invalid byte at offset {exc.start})"
        ) from None


def one_line(text: str | None) -> str:
    return _SPACES.sub(" ", _CONTROL.sub("", text or "")).strip()


def _paragraphs(text: str, title: str) -> str:
    lines = [one_line(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0].casefold() == title.casefold():
        lines = lines[1:]  # the page's headline, already the title
    return "\n\n".join(lines)


def _iso_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_page(html: str, url: str | None = None) -> Page:
    """The main text, title and publication date of a page; TrackerError if it has no text."""
    import trafilatura

    html = _CONTROL.sub("", html)
    if not html.strip():
        raise TrackerError("the page is empty")
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # only dates the page states in its markup, the original one before any update
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # a third-party parser: whatever breaks, it is this page's problem
        raise TrackerError(f"cannot read the page ({type(exc).__name__}: {exc})") from None
    if document is None:
        raise TrackerError("no article text found on the page")
    title = one_line(document.title)[:MAX_TITLE]
    text = _paragraphs(document.text or "", title)
    if not text:
        raise TrackerError("no article text found on the page")
    return Page(title=title, text=text, published=_iso_day(document.date))


class _TextOnly(HTMLParser):
    """Feed summaries: tags dropped, block elements as paragraph breaks."""

    BLOCKS = frozenset({"p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag) -> None:
        if tag in ("script", "style") and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """A snippet of HTML (a feed's summary) as plain paragraphs."""
    parser = _TextOnly()
    parser.feed(_CONTROL.sub("", fragment))
    parser.close()
    return _paragraphs("".join(parser.parts), "")


def article_text(title: str, published: dt.date | None, body: str) -> str:
    """The article as tracker reads it: front matter (title, date) over the page's text."""
    lines = ["---", f'title: "{one_line(title)[:MAX_TITLE]}"']
    if published is not None:
        lines.append(f"published: {published.isoformat()}")
    lines += ["---", "", body.strip(), ""]
    return "\n".join(lines)


def article_from_html(
    data: bytes, *, declared_charset: str | None = None, url: str | None = None,
    fallback_title: str = "",
) -> str:
    """HTML bytes (a saved page or a fetched one) → article text; TrackerError if unreadable."""
    page = read_page(decode_html(data, declared_charset), url)
    return article_text(page.title or fallback_title, page.published, page.text)
