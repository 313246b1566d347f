"""A bounded HTTP GET: http(s) only, a time limit, a size cap and few redirects.

Every failure is a FetchError with one line that says why (the caller adds the URL);
``transient`` tells a watcher whether trying again later may help.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from tracker.errors import TrackerError

ALLOWED_SCHEMES = ("http", "https")
MAX_URL_LENGTH = 1000  # what Article.source and FeedEntry.feed_url hold (and a btree index)
USER_AGENT = "tracker/0.1 (diplomatic event tracker)"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchLimits:
    timeout: float = 20.0  # seconds for the whole fetch (no single read waits longer either)
    max_bytes: int = 5_000_000  # of body, after decompression
    max_redirects: int = 5


DEFAULT_LIMITS = FetchLimits()


class FetchError(TrackerError):
    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True)
class Fetched:
    url: str  # where the body came from, after redirects
    content_type: str  # media type in lower case, "" when the server gave none
    charset: str | None  # as declared by the server
    body: bytes


def ascii_url(url: str) -> str:
    """An IRI as the URL a server expects: the host in IDNA, the path and query %-encoded
    (links in feeds are often written with accents; http.client sends only ASCII)."""
    if url.isascii():
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise FetchError(f"not a valid host name: {host!r}") from None
    netloc = parts.netloc.replace(host, ascii_host) if host else parts.netloc
    safe = "/%:@!$&'()*+,;=?~"
    return urlunsplit(
        (parts.scheme, netloc, quote(parts.path, safe=safe), quote(parts.query, safe=safe),
         quote(parts.fragment, safe=safe))
    )


def check_url(url: str) -> str:
    """The URL if tracker may fetch it; FetchError saying why not otherwise."""
    if len(url.encode("utf-8")) > MAX_URL_LENGTH:
        raise FetchError(f"URL longer than {MAX_URL_LENGTH} bytes")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise FetchError("URL contains spaces or control characters")
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise FetchError(f"not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise FetchError("not a URL: give an http:// or https:// address")
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(f"only http:// and https:// URLs are read, not {scheme}://")
    if not parts.hostname:
        raise FetchError("URL has no host")
    return url


class _Redirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, limit: int) -> None:
        super().__init__()
        self.max_redirections = limit
        self.max_repeats = min(self.max_repeats, limit)

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        try:
            newurl = ascii_url(check_url(newurl))
        except FetchError as exc:
            raise FetchError(f"redirected to a URL tracker does not read ({exc})") from None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _decoder(encoding: str):
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise FetchError(f"unsupported content encoding {encoding!r}")


def _too_large(limits: FetchLimits) -> FetchError:
    return FetchError(f"larger than the {limits.max_bytes:,}-byte limit")


def _timed_out(limits: FetchLimits) -> FetchError:
    return FetchError(f"timed out after {limits.timeout:g} s", transient=True)


def fetch(url: str, limits: FetchLimits = DEFAULT_LIMITS) -> Fetched:
    """GET ``url`` within ``limits``; FetchError (one line, no URL) on any failure."""
    url = ascii_url(check_url(url))
    deadline = time.monotonic() + limits.timeout
    opener = urllib.request.build_opener(_Redirects(limits.max_redirects))
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
            "application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    try:
        response = opener.open(request, timeout=limits.timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        if 300 <= exc.code < 400 and "infinite loop" in str(exc.msg):
            raise FetchError(f"too many redirects (more than {limits.max_redirects})") from None
        if 300 <= exc.code < 400 and "not allowed" in str(exc.msg):  # urllib's scheme check
            raise FetchError(
                "redirected to a URL tracker does not read (only http:// and https://)"
            ) from None
        transient = exc.code >= 500 or exc.code in (408, 429)
        raise FetchError(f"HTTP {exc.code} {exc.reason}".rstrip(), transient=transient) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise _timed_out(limits) from None
        detail = getattr(reason, "strerror", None) or str(reason)
        raise FetchError(f"cannot connect: {detail}", transient=True) from None
    except TimeoutError:
        raise _timed_out(limits) from None
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise FetchError(f"bad response: {exc or type(exc).__name__}", transient=True) from None
    with response:
        headers = response.headers
        declared = headers.get("Content-Length", "").strip()
        if declared.isdigit() and int(declared) > limits.max_bytes:
            raise _too_large(limits)
        decoder = _decoder(headers.get("Content-Encoding", ""))
        body = bytearray()
        try:
            while True:
                if time.monotonic() > deadline:
                    raise _timed_out(limits)
                chunk = response.read1(_CHUNK)
                if not chunk:
                    break
                if decoder is not None:
                    # max_length keeps a compression bomb from growing past the cap
                    chunk = decoder.decompress(chunk, limits.max_bytes + 1 - len(body))
                body += chunk
                if len(body) > limits.max_bytes:
                    raise _too_large(limits)
            if decoder is not None:
                body += decoder.flush()
                if len(body) > limits.max_bytes or decoder.unconsumed_tail:
                    raise _too_large(limits)
        except TimeoutError:
            raise _timed_out(limits) from None
        except zlib.error as exc:
            raise FetchError(f"corrupt compressed body ({exc})") from None
        except (http.client.HTTPException, OSError) as exc:
            raise FetchError(
                f"connection broken while reading: {exc or type(exc).__name__}", transient=True
            ) from None
        content_type = headers.get_content_type() if headers.get("Content-Type") else ""
        return Fetched(
            url=response.geturl(),
            content_type=content_type.lower(),
            charset=headers.get_content_charset(),
            body=bytes(body),
        )
