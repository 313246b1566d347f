"""Web pages and RSS/Atom feeds, served from a local HTTP server (no test needs the internet)."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.web_server import LocalWeb, page_html, rss
from tracker.cli import cli
from tracker.db.models import Article, FeedEntry, Mention
from tracker.db.session import open_database
from tracker.errors import TrackerError
from tracker.services.web import ingest_urls, poll_feed
from tracker.sources import is_url, parse_interval, split_sources
from tracker.sources.fetch import FetchError, FetchLimits, fetch

CALL = [
    "WASHINGTON — President Donald Trump said on Wednesday that he had a long phone call with "
    "Russian President Vladimir Putin and that the two agreed to meet in Saudi Arabia.",
    "Ukraine's President Volodymyr Zelensky criticized the plan, saying Kyiv would not accept "
    "any deal made without it.",
]
TALKS = [
    "Secretary of State Marco Rubio will hold talks with Russian Foreign Minister Sergei Lavrov "
    "in Riyadh next week, the State Department said on Friday.",
]
SANCTIONS = [
    "The European Union imposed new sanctions on Russia on Monday over the war in Ukraine.",
]


@pytest.fixture
def web():
    with LocalWeb() as server:
        yield server


def _runner(url: str):
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, ["--db", url, *args], catch_exceptions=False)

    return invoke


@pytest.fixture
def run(db_url):
    return _runner(db_url)


@pytest.fixture
def run_sqlite(tmp_path):
    """For what does not depend on the database: fetch limits and error lines."""
    return _runner(f"sqlite:///{tmp_path / 'tracker.db'}")


@pytest.fixture
def sqlite_engine(tmp_path):
    engine = open_database(f"sqlite:///{tmp_path / 'tracker.db'}")
    yield engine
    engine.dispose()


def articles(engine) -> list[Article]:
    with Session(engine) as session:
        return list(session.scalars(select(Article).order_by(Article.id)))


# ---------------------------------------------------------------- pages


def test_a_page_is_ingested_with_its_title_date_and_url(web, engine, run):
    url = web.add("/world/trump-putin-call", page_html("Trump and Putin talk", CALL, "2025-02-12"))
    report = ingest_urls(engine, [url])
    assert report.articles_read == 1 and report.new_events >= 1, report.summary()
    [article] = articles(engine)
    assert article.title == "Trump and Putin talk"
    assert article.published == dt.date(2025, 2, 12)
    assert article.source == url
    # the main text only: no menu, no footer, no second copy of the headline
    assert "Home" not in article.body and "Copyright" not in article.body
    assert article.body.count("Trump and Putin talk") == 1
    with Session(engine) as session:
        event_id = session.scalar(select(Mention.event_id).limit(1))
    shown = run("show", str(event_id))
    assert f"source: {url}" in shown.output
    assert "Trump and Putin talk (Wed 12 Feb 2025)" in shown.output
    again = run("ingest", url)
    assert again.exit_code == 0 and "already ingested as article" in again.output


def test_a_redirect_is_followed_and_the_final_url_kept(web, sqlite_engine):
    final = web.add("/story", page_html("Talks in Riyadh", TALKS, "2025-02-14"))
    short = web.add("/s/1", status=301, headers={"Location": "/story"}, content_type=None)
    report = ingest_urls(sqlite_engine, [short])
    assert report.articles_read == 1, report.summary()
    assert articles(sqlite_engine)[0].source == final


def test_a_saved_html_file_is_ingested(tmp_path, run_sqlite, sqlite_engine):
    page = tmp_path / "saved.html"
    page.write_bytes(
        page_html("Talks in Riyadh", TALKS, "2025-02-14").encode("windows-1252")
        .replace(b'charset="utf-8"', b'charset="windows-1252"')
    )
    result = run_sqlite("ingest", str(tmp_path))
    assert result.exit_code == 0, result.output
    [article] = articles(sqlite_engine)
    assert article.title == "Talks in Riyadh" and article.published == dt.date(2025, 2, 14)
    assert article.source == str(page.resolve())


def test_what_is_not_a_readable_page_is_one_line_each(web, run_sqlite):
    not_utf8 = web.add("/latin", b"<html><body><p>Caf\xe9 talks.</p></body></html>")
    pdf = web.add("/paper.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    missing = web.url("/nowhere")
    broken = web.add("/down", status=503, content_type="text/plain")
    result = run_sqlite(
        "ingest", not_utf8, pdf, missing, broken, "ftp://127.0.0.1/a.html", "file:///etc/passwd"
    )
    assert result.exit_code == 2  # nothing could be read (README: exit codes)
    out = result.output
    assert "Traceback" not in out
    assert f"{not_utf8}: cannot decode the page as utf-8 (invalid byte at offset 18)" in out
    assert f"{pdf}: not an HTML page (application/pdf)" in out
    assert f"{missing}: HTTP 404 Not Found" in out
    assert f"{broken}: HTTP 503 Service Unavailable" in out
    assert "ftp://127.0.0.1/a.html: only http:// and https:// URLs are read, not ftp://" in out
    assert "file:///etc/passwd: only http:// and https:// URLs are read, not file://" in out


# ---------------------------------------------------------------- limits


def test_a_slow_page_hits_the_timeout(web):
    silent = web.add("/silent", page_html("Slow", CALL), delay=3)
    trickling = web.add("/trickle", page_html("Slow", CALL), trickle=0.05)
    limits = FetchLimits(timeout=0.5)
    for url in (silent, trickling):
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"timed out after 0\.5 s") as caught:
            fetch(url, limits)
        assert caught.value.transient
        assert time.monotonic() - started < 1.5  # a trickle cannot stretch the limit


def test_a_huge_page_hits_the_size_cap(web, run_sqlite):
    huge = b"<html><body>" + b"<p>word </p>" * 600_000 + b"</body></html>"  # ~7 MB
    unannounced = web.add("/huge", huge, send_length=False)
    announced = web.add("/huge-announced", huge)
    compressed = web.add(
        "/bomb", gzip.compress(huge), headers={"Content-Encoding": "gzip"}
    )  # 30 KB on the wire, 7 MB inflated
    result = run_sqlite("ingest", unannounced, announced, compressed)
    assert result.exit_code == 2
    for url in (unannounced, announced, compressed):
        assert f"{url}: larger than the 5,000,000-byte limit" in result.output


def test_a_compressed_page_is_read(web, sqlite_engine):
    url = web.add(
        "/gz",
        gzip.compress(page_html("Talks in Riyadh", TALKS, "2025-02-14").encode()),
        headers={"Content-Encoding": "gzip"},
    )
    assert ingest_urls(sqlite_engine, [url]).articles_read == 1


def test_redirects_are_limited_and_stay_on_http(web):
    web.add("/loop", status=302, headers={"Location": "/loop2"}, content_type=None)
    web.add("/loop2", status=302, headers={"Location": "/loop"}, content_type=None)
    web.add("/to-file", status=302, headers={"Location": "file:///etc/passwd"}, content_type=None)
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(web.url("/loop"))
    web.add("/to-ftp", status=302, headers={"Location": "ftp://127.0.0.1/x"}, content_type=None)
    for path in ("/to-file", "/to-ftp"):
        with pytest.raises(FetchError, match="redirected to a URL tracker does not read"):
            fetch(web.url(path))


def test_a_link_with_accents_is_fetched(web, sqlite_engine):
    url = web.add("/monde/caf%C3%A9-diplomatique", page_html("Talks in Riyadh", TALKS))
    report = ingest_urls(sqlite_engine, [web.url("/monde/café-diplomatique")])
    assert report.articles_read == 1, report.summary()
    assert articles(sqlite_engine)[0].source == url


def test_urls_are_told_from_paths():
    assert split_sources(["a.txt", "https://x.org/a", "dir/", "ftp://h/f", "c:\\x"]) == (
        ["a.txt", "dir/", "c:\\x"],
        ["https://x.org/a", "ftp://h/f"],
    )
    assert is_url("HTTP://X.ORG") and not is_url("notes:today.txt")


# ---------------------------------------------------------------- feeds


def _feed_of_three(web) -> str:
    good = web.add("/a/call", page_html("Trump and Putin talk", CALL, "2025-02-12"))
    web.add("/a/report.pdf", b"%PDF-1.4", content_type="application/pdf")
    return web.add(
        "/feed.xml",
        rss(
            [
                {"title": "Call", "link": good, "guid": "e1"},
                {"title": "Gone", "link": web.url("/a/gone"), "guid": "e2"},
                {"title": "Report", "link": web.url("/a/report.pdf"), "guid": "e3"},
            ]
        ),
        content_type="application/rss+xml",
    )


def test_a_feed_is_read_entry_by_entry_and_failures_are_reported(web, run, engine):
    feed = _feed_of_three(web)
    result = run("ingest", feed)
    assert result.exit_code == 1, result.output  # some went in, some failed
    out = result.output
    assert f"{web.url('/a/call')}: " in out and "new events" in out
    assert f"{web.url('/a/gone')}: HTTP 404 Not Found; the feed gives no summary" in out
    assert (
        f"{web.url('/a/report.pdf')}: not an HTML page (application/pdf); "
        "the feed gives no summary" in out
    )
    assert "1 ingested, 0 already known, 2 failed" in out
    assert [a.source for a in articles(engine)] == [web.url("/a/call")]


def test_an_entry_whose_page_fails_is_read_from_its_summary(web, engine):
    undated = web.add("/b/talks", page_html("Talks in Riyadh", TALKS))  # the page gives no date
    feed = web.add(
        "/feed.xml",
        rss(
            [
                {
                    "title": "Talks in Riyadh",
                    "link": undated,
                    "guid": "t1",
                    "pubDate": "Fri, 14 Feb 2025 08:00:00 GMT",
                },
                {
                    "title": "EU sanctions",
                    "link": web.url("/b/broken"),
                    "guid": "s1",
                    "pubDate": "Mon, 17 Feb 2025 08:00:00 GMT",
                    "description": f"&lt;p&gt;{SANCTIONS[0]}&lt;/p&gt;",
                },
            ]
        ),
        content_type="application/rss+xml",
    )
    web.add("/b/broken", status=500, content_type="text/plain")
    report = ingest_urls(engine, [feed])
    assert report.articles_read == 2, report.summary()
    fallback = next(o for o in report.outcomes if o.path == web.url("/b/broken"))
    assert "HTTP 500" in fallback.reason and "summary" in fallback.reason
    by_source = {a.source: a for a in articles(engine)}
    assert by_source[undated].published == dt.date(2025, 2, 14)  # the entry's date
    summary_article = by_source[web.url("/b/broken")]
    assert summary_article.title == "EU sanctions"
    assert summary_article.published == dt.date(2025, 2, 17)
    assert SANCTIONS[0] in summary_article.body and "<p>" not in summary_article.body


def test_watch_once_twice_reads_nothing_the_second_time(web, run, engine):
    feed = _feed_of_three(web)
    first = run("watch", "--once", feed)
    assert first.exit_code == 1, first.output  # two entries failed
    assert f"{feed}: 3 entries, 3 new: 1 ingested, 0 already known, 2 skipped" in first.output
    page_hits = sum(n for path, n in web.hits.items() if path != "/feed.xml")

    second = run("watch", "--once", feed)
    assert second.exit_code == 0
    assert f"{feed}: 3 entries, 0 new: 0 ingested, 0 already known, 0 skipped" in second.output
    assert sum(n for path, n in web.hits.items() if path != "/feed.xml") == page_hits
    assert len(articles(engine)) == 1
    with Session(engine) as session:
        assert session.scalar(select(func.count(FeedEntry.id))) == 3


def test_watch_retries_a_page_that_failed_for_a_while(web, engine):
    web.add("/c/talks", page_html("Talks in Riyadh", TALKS, "2025-02-14"), status=503)
    feed = web.add(
        "/feed.xml",
        rss([{"title": "Talks", "link": web.url("/c/talks"), "guid": "c1"}]),
        content_type="application/rss+xml",
    )
    first = poll_feed(engine, feed)
    assert [o.state for o in first.outcomes] == ["skipped"]
    web.routes["/c/talks"].status = 200  # the site is back
    second = poll_feed(engine, feed)
    assert [o.state for o in second.outcomes] == ["ingested"]
    assert poll_feed(engine, feed).outcomes == []


def test_watch_goes_on_past_a_feed_that_fails(web, run_sqlite):
    feed = _feed_of_three(web)
    not_a_feed = web.add("/page", page_html("A page", CALL))
    result = run_sqlite("watch", "--once", web.url("/no-feed"), not_a_feed, feed)
    assert result.exit_code == 1
    assert f"{web.url('/no-feed')}: HTTP 404 Not Found" in result.output
    assert f"{not_a_feed}: not an RSS or Atom feed (text/html)" in result.output
    assert f"{feed}: 3 entries, 3 new: 1 ingested" in result.output
    everything_fails = run_sqlite("watch", "--once", web.url("/no-feed"))
    assert everything_fails.exit_code == 2
    with_all_pages_fine = run_sqlite("watch", "--once", feed)  # nothing new: nothing failed
    assert with_all_pages_fine.exit_code == 0, with_all_pages_fine.output


def test_watch_refuses_bad_urls_and_intervals_with_one_line(run_sqlite):
    refused = run_sqlite("watch", "--once", "file:///etc/passwd")
    assert refused.exit_code == 2
    assert refused.output == (
        "tracker: error: file:///etc/passwd: only http:// and https:// URLs are read, "
        "not file://\n"
    )
    bad_every = run_sqlite("watch", "--every", "soon", "http://127.0.0.1/feed")
    assert bad_every.exit_code == 2 and "cannot understand the interval 'soon'" in bad_every.output
    assert parse_interval("15m") == 900 and parse_interval("1h30m") == 5400
    with pytest.raises(ValueError):
        parse_interval("0s")


def test_watch_names_what_is_wrong_with_an_address_without_a_scheme(tmp_path):
    """`tracker watch example.org/feed` said "only http:// and https:// URLs are read, not
    this://"."""
    result = CliRunner().invoke(
        cli, ["--db", f"sqlite:///{tmp_path / 'w.db'}", "watch", "--once", "example.org/feed"]
    )
    assert result.exit_code == 2
    assert result.output == (
        "tracker: error: example.org/feed: not a URL: give an http:// or https:// address\n"
    )


def _ctrl_c_as_from_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def test_watch_stops_cleanly_on_ctrl_c(web, tmp_path):
    feed = _feed_of_three(web)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--db", f"sqlite:///{tmp_path / 'w.db'}",
         "watch", "--every", "1h", feed],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # as from a terminal: a shell's background job (CI, `&`) starts children with Ctrl-C
        # ignored, and Python then never turns SIGINT into KeyboardInterrupt; a test runner's
        # worker may also hold it blocked, a mask the child inherits
        preexec_fn=_ctrl_c_as_from_a_terminal,
    )
    try:
        # the first pass is done when its summary line is out; then it sleeps for an hour
        assert feed in proc.stdout.readline() + proc.stdout.readline()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=90)  # a loaded CI machine is slow, not hung
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert err.strip().endswith("watch stopped") and "Traceback" not in err


def test_a_document_that_is_not_a_feed_is_refused(web, sqlite_engine):
    url = web.add("/data.xml", "<?xml version='1.0'?><catalog><book/></catalog>",
                  content_type="application/xml")
    poll = poll_feed(sqlite_engine, url)
    assert poll.error.startswith("not an RSS or Atom feed")
    with pytest.raises(TrackerError):
        fetch("gopher://127.0.0.1/")


def test_pages_fetched_and_read_by_workers_are_stored_as_one_by_one(web, tmp_path):
    """ingest_urls with jobs > 1 (pages fetched, read and extracted in worker processes,
    stored here in the order given) gives the outcomes and rows of a run one URL at a time."""
    feed = _feed_of_three(web)
    talks = web.add("/b/talks", page_html("Talks in Riyadh", TALKS))
    summary_feed = web.add(
        "/feed2.xml",
        rss(
            [
                {"title": "Talks", "link": talks, "guid": "t1", "pubDate": "Fri, 14 Feb 2025"},
                {
                    "title": "EU sanctions",
                    "link": web.url("/b/broken"),
                    "guid": "s1",
                    "pubDate": "Mon, 17 Feb 2025 08:00:00 GMT",
                    "description": f"&lt;p&gt;{SANCTIONS[0]}&lt;/p&gt;",
                },
                {"title": "No link", "guid": "n1", "description": "Nothing to read here."},
            ]
        ),
        content_type="application/rss+xml",
    )
    web.add("/b/broken", status=500, content_type="text/plain")
    page = web.add("/c/call", page_html("Trump and Putin talk", CALL, "2025-02-12"))
    urls = [page, feed, web.url("/c/missing"), summary_feed, page]

    def run(jobs: int):
        engine = open_database(f"sqlite:///{tmp_path / f'jobs{jobs}.db'}")
        try:
            seen = []
            report = ingest_urls(engine, urls, jobs=jobs, on_outcome=seen.append)
            with Session(engine) as session:
                rows = [
                    (a.source, a.title, a.published, a.body) for a in session.scalars(
                        select(Article).order_by(Article.id)
                    )
                ]
                rows += list(session.execute(select(Mention.event_id, Mention.sentence)))
            outcomes = [(o.path, o.state, o.reason, o.new_events) for o in report.outcomes]
            assert [(o.path, o.state) for o in seen] == [(p, s) for p, s, _, _ in outcomes]
            return outcomes, rows
        finally:
            engine.dispose()

    one_by_one = run(1)
    assert one_by_one == run(2)
    states = [state for _, state, _, _ in one_by_one[0]]
    assert {"ingested", "skipped", "duplicate"} <= set(states), states
