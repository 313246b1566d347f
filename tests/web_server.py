"""A local HTTP server for tests of pages and feeds: 127.0.0.1, an ephemeral port, a thread."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the response starts
    trickle: float = 0.0  # seconds between bytes of the body (a page that never quite ends)
    send_length: bool = True  # False: the body ends when the connection closes


class LocalWeb:
    """Routes by path; counts the requests each path got."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        web = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                web.hits[self.path] += 1
                route = web.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                time.sleep(route.delay)
                self.send_response(route.status)
                if route.content_type:
                    self.send_header("Content-Type", route.content_type)
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    if route.trickle:
                        for i in range(len(route.body)):
                            self.wfile.write(route.body[i : i + 1])
                            self.wfile.flush()
                            time.sleep(route.trickle)
                    else:
                        self.wfile.write(route.body)
                except OSError:
                    pass  # the client gave up (size cap, timeout): expected

            def log_message(self, *args) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address) -> None:
                pass  # a client that hangs up early is what several tests do

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **kwargs) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = Route(body=body, **kwargs)
        return self.url(path)

    def __enter__(self) -> LocalWeb:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def page_html(title: str, paragraphs: list[str], published: str | None = None) -> str:
    """A news page as sites write them: metadata in <head>, menus and a footer around it."""
    meta = (
        f'<meta property="article:published_time" content="{published}T09:00:00Z">'
        if published
        else ""
    )
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:title" content="{title}">{meta}</head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/about">About</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright Example News. All rights reserved. Subscribe to our newsletter."
        "</footer></body></html>"
    )


def rss(items: list[dict[str, str]], title: str = "Example News") -> str:
    entries = []
    for item in items:
        parts = [f"<{k}>{v}</{k}>" for k, v in item.items()]
        entries.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://127.0.0.1/</link><description>News</description>"
        + "".join(entries)
        + "</channel></rss>"
    )
