"""Ingestion that never dies: bad files, bad dates, slow articles and failing stores are
reported one article at a time, and the run goes on."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import event, func, select
from sqlalchemy.orm import Mapper, Session

import tracker.services.ingest as ingest
from tracker.cli import cli
from tracker.db.models import Article, Event, Mention
from tracker.errors import ExtractionTimeout, TrackerError
from tracker.services.ingest import collect_paths, ingest_paths, read_article_text

DATA = Path(__file__).parent / "data"
ARTICLE = (DATA / "call-planned.txt").read_text(encoding="utf-8")


def article(n: int, extra: str = "") -> str:
    """A small article that is new each time (n varies a word)."""
    return (
        f"---\ntitle: Talks number {n}\npublished: 2025-02-10\n---\n"
        f"Donald Trump said he would speak with Vladimir Putin by phone on Tuesday {n}.{extra}\n"
    )


# ---------------------------------------------------------------- reading


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_text_is_decoded_by_its_byte_order_mark(tmp_path, encoding, bom):
    path = tmp_path / "a.txt"
    path.write_bytes(bom + ARTICLE.encode(encoding))
    assert read_article_text(path) == ARTICLE


def test_a_nul_anywhere_in_the_text_refuses_the_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode() + b"x" * 20_000 + b"\x00 more")
    with pytest.raises(TrackerError, match="binary file"):
        read_article_text(path)
    with pytest.raises(TrackerError, match="NUL"):
        ingest.check_article_text("text\x00")


def test_only_regular_files_are_read_and_none_hangs(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(TrackerError, match="not a regular file"):
        read_article_text(fifo)
    with pytest.raises(TrackerError, match="not a regular file"):
        read_article_text(Path("/dev/zero"))
    assert time.monotonic() - started < 5
    paths, problems = collect_paths([str(fifo), "/dev/zero"])
    assert (len(paths), problems) == (2, [])  # named explicitly: refused when read


def test_globs_and_walks_end_on_symlink_loops(tmp_path):
    (tmp_path / "dir" / "sub").mkdir(parents=True)
    (tmp_path / "dir" / "sub" / "a.txt").write_text("x")
    (tmp_path / "dir" / "b.txt").write_text("x")
    os.symlink(tmp_path / "dir", tmp_path / "dir" / "sub" / "loop")
    os.symlink(tmp_path / "dir" / "sub", tmp_path / "dir" / "sub" / "self")
    for spec in [str(tmp_path / "dir" / "**" / "*.txt"), str(tmp_path / "dir")]:
        paths, problems = collect_paths([spec])
        assert sorted(p.name for p in paths) == ["a.txt", "b.txt"], spec
        assert problems == []
    paths, _ = collect_paths([str(tmp_path / "dir" / "*.txt")])
    assert [p.name for p in paths] == ["b.txt"]  # a single * stays in its folder


def test_two_globs_in_one_folder_both_match_and_a_file_named_twice_is_read_once(tmp_path):
    for name in ("2024-a.txt", "2024-b.txt", "2025-a.txt", "notes.txt"):
        (tmp_path / name).write_text("x")
    paths, problems = collect_paths([
        str(tmp_path / "2024-*.txt"), str(tmp_path / "2025-*.txt"), str(tmp_path / "*-a.txt"),
        str(tmp_path),
    ])
    assert sorted(p.name for p in paths) == ["2024-a.txt", "2024-b.txt", "2025-a.txt", "notes.txt"]
    assert problems == []


def test_an_empty_path_names_nothing_and_reads_nothing(tmp_path, monkeypatch):
    """`tracker ingest "$INBOX"` with INBOX unset: Path("") is the current folder, and every
    article under it was read."""
    (tmp_path / "stray.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    files, problems = collect_paths(["", "  "])
    assert files == []
    assert [(p.state, p.reason) for p in problems] == [
        ("skipped", "an empty path names nothing")
    ] * 2
    url = f"sqlite:///{tmp_path / 'x.db'}"
    result = CliRunner().invoke(cli, ["--db", url, "ingest", ""])
    assert result.exit_code == 2
    assert "tracker: skipped '': an empty path names nothing" in result.output
    assert "0 ingested, 0 already known, 1 failed" in result.output
    extract = CliRunner().invoke(cli, ["extract", ""])
    assert extract.exit_code == 2
    assert extract.output == "tracker: error: an empty path names no file\n"


def test_a_folder_with_no_article_is_said_as_a_glob_with_no_match_is(tmp_path):
    """`tracker ingest ~/articles` on an empty (unmounted, mistyped) folder or one of PDFs
    said "0 ingested, 0 already known, 0 failed" and exited 0."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "pdfs").mkdir()
    (tmp_path / "pdfs" / "talks.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "README.md").write_text("# notes")
    files, problems = collect_paths([str(tmp_path / n) for n in ("empty", "pdfs", "docs")])
    assert files == []
    assert [(Path(p.path).name, p.state, p.reason) for p in problems] == [
        ("empty", "skipped", "no .txt, .md or .html file in the folder"),
        ("pdfs", "skipped", "no .txt, .md or .html file in the folder"),
        ("README.md", "passed",
         "the folder's own document, not an article (name the file to read it)"),
        ("docs", "skipped", "no article in the folder, only its own documents"),
    ]
    url = f"sqlite:///{tmp_path / 'x.db'}"
    result = CliRunner().invoke(cli, ["--db", url, "ingest", str(tmp_path / "empty")])
    assert result.exit_code == 2
    assert f"tracker: skipped {tmp_path / 'empty'}: no .txt, .md or .html file in the folder" in (
        result.stderr
    )
    (tmp_path / "empty" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert collect_paths([str(tmp_path / "empty")]) == ([tmp_path / "empty" / "a.txt"], [])


def test_unreadable_folders_and_files_inside_them_are_reported(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("x")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("x")
    real_scandir, real_stat = os.scandir, os.stat

    def scandir(path):  # root ignores permissions: deny the way the kernel would
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def stat(path, *args, **kwargs):
        if Path(path).parent == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(ingest.os, "scandir", scandir)
    monkeypatch.setattr(ingest.os, "stat", stat)
    paths, problems = collect_paths([str(tmp_path), str(locked / "b.txt")])
    assert [p.name for p in paths] == ["a.txt"]
    assert sorted((Path(p.path).name, p.reason) for p in problems) == [
        ("b.txt", "permission denied"),
        ("locked", "folder permission denied"),
    ]


# ---------------------------------------------------------------- one article at a time


def test_one_failing_article_is_reported_and_the_run_goes_on(engine, tmp_path, monkeypatch):
    for n in range(4):
        (tmp_path / f"{n}.txt").write_text(article(n))
    real_extract = ingest._extract

    def extract(text, source, *args):
        if source.endswith("1.txt"):
            raise ValueError("year 10000 is out of range")
        if source.endswith("2.txt"):
            raise ExtractionTimeout("extraction took longer than its time budget")
        return real_extract(text, source, *args)

    monkeypatch.setattr(ingest, "_extract", lambda *a: _convert(extract, *a))
    report = ingest_paths(engine, [str(tmp_path)])
    assert (report.articles_read, report.duplicates, len(report.skipped)) == (2, 0, 2)
    reasons = {Path(o.path).name: o.reason for o in report.skipped}
    assert "out of range" in reasons["1.txt"] and "time budget" in reasons["2.txt"]
    assert "2 ingested, 0 already known, 2 failed" in report.summary()
    with Session(engine) as session:
        assert session.scalar(select(func.count(Article.id))) == 2


def _convert(extract, *args):
    try:
        return extract(*args)
    except ValueError as exc:
        raise TrackerError(f"cannot be read: {exc}") from None


def test_a_failing_store_rolls_back_only_that_article(engine, tmp_path, monkeypatch):
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(article(n))
    real_new_event, real_merge = ingest._new_event, ingest._merge

    def failing(real):
        def store(session, known_or_extracted, *args):
            result = real(session, known_or_extracted, *args)  # written, then the failure
            mention = next(a for a in args if isinstance(a, dict))
            if "Tuesday 1." in mention["sentence"]:
                raise RuntimeError("disk on fire")
            return result

        return store

    monkeypatch.setattr(ingest, "_new_event", failing(real_new_event))
    monkeypatch.setattr(ingest, "_merge", failing(real_merge))
    report = ingest_paths(engine, [str(tmp_path)])
    assert [o.state for o in report.outcomes] == ["ingested", "failed", "ingested"]
    assert "disk on fire" in report.outcomes[1].reason
    with Session(engine) as session:
        titles = set(session.scalars(select(Article.title)))
        assert titles == {"Talks number 0", "Talks number 2"}
        assert session.scalar(select(func.count(Event.id))) == 1  # the call they all tell
        assert session.scalar(select(func.count(Mention.id))) == 2  # none from the failed one


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("---\ntitle: End\npublished: 9999-12-31\n---\nTrump will call Putin next month.", None),
        ("---\ntitle: In 9999\n---\nTrump will meet Putin in December 9999.", None),
        ("---\ntitle: Start\n---\nTrump called Putin yesterday.", "0001-01-01"),
    ],
)
def test_dates_at_the_ends_of_the_calendar_never_abort_a_run(db_url, tmp_path, text, published):
    (tmp_path / "a-edge.txt").write_text(text)
    (tmp_path / "b-good.txt").write_text(ARTICLE)
    args = ["--db", db_url, "ingest", str(tmp_path), "--jobs", "1"]
    result = CliRunner().invoke(cli, args + (["--published", published] if published else []))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    # the good article is read whatever became of the edge one (with the same --published
    # date its call may be the edge article's call told again: merged, not new)
    assert "2 ingested, 0 already known, 0 failed" in result.stdout
    assert "b-good.txt: 1 new events" in result.stdout or (
        "b-good.txt: 0 new events, 1 merged mentions" in result.stdout
    )
    assert result.exit_code in (0, 1)


def test_a_time_budget_skips_a_slow_article(engine, tmp_path):
    (tmp_path / "slow.txt").write_text("Talks\n\n" + "Trump met Putin in Riyadh. " * 20_000)
    (tmp_path / "ok.txt").write_text(ARTICLE)
    report = ingest_paths(engine, [str(tmp_path)], time_budget=0.2)
    assert [(Path(o.path).name, o.state) for o in report.outcomes] == [
        ("ok.txt", "ingested"),
        ("slow.txt", "failed"),
    ]
    assert "time budget" in report.outcomes[1].reason


def test_cli_reports_failures_on_stderr_with_documented_exit_codes(db_url, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    bad = tmp_path / "bad\x1b]0;title\x07\u202e.txt"
    bad.write_bytes(b"\xff\xfe\x00")  # a UTF-16 BOM then half a character
    runner = CliRunner()
    both = runner.invoke(cli, ["--db", db_url, "ingest", str(good), str(bad)])
    assert both.exit_code == 1
    assert "good.txt: 1 new events" in both.stdout and "bad" not in both.stdout
    assert "1 ingested, 0 already known, 1 failed" in both.stdout
    assert f"{tmp_path / 'bad.txt'}: not UTF-16-LE text" in both.stderr
    assert "\x1b" not in both.stderr and "\x07" not in both.stderr
    assert "\u202e" not in both.stderr
    only_bad = runner.invoke(cli, ["--db", db_url, "ingest", str(bad), str(tmp_path / "nope")])
    assert only_bad.exit_code == 2
    assert "no such file or folder" in only_bad.stderr
    again = runner.invoke(cli, ["--db", db_url, "ingest", str(good)])
    assert again.exit_code == 0 and "0 ingested, 1 already known, 0 failed" in again.stdout


def test_a_folders_own_documents_are_passed_over_unless_named(db_url, tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "call.txt").write_text(ARTICLE)
    (tmp_path / "news" / "README.md").write_text("# My clippings\n\nArticles I collect.\n")
    (tmp_path / "news" / "LICENSE.txt").write_text("Do what you like.\n")
    # an article's slug may open with such a word: it is read
    (tmp_path / "news" / "changes-to-the-call.txt").write_text(ARTICLE.replace("call", "talk"))
    runner = CliRunner()
    walked = runner.invoke(cli, ["--db", db_url, "ingest", str(tmp_path / "news")])
    assert walked.exit_code == 0  # no failure: the article went in, the documents are no articles
    assert "2 ingested, 0 already known, 0 failed, 2 passed over" in walked.stdout
    assert f"passed over {tmp_path / 'news' / 'README.md'}" in walked.stderr
    named = runner.invoke(cli, ["--db", db_url, "ingest", str(tmp_path / "news" / "README.md")])
    assert named.exit_code == 0 and "1 ingested" in named.stdout  # named: read


# ---------------------------------------------------------------- the writer's mechanism


def test_the_writer_keeps_no_orm_objects(engine, tmp_path):
    """The Python 3.11 crash came from ORM objects piling up and going in one session; the
    writer stores with Core statements in a short transaction per article, and builds no
    ORM object at all."""
    for n in range(5):
        (tmp_path / f"{n}.txt").write_text(article(n, " Putin thanked Trump."))
    made: list[object] = []

    def count(target, *args):
        made.append(target)

    event.listen(Mapper, "load", count)
    event.listen(Mapper, "init", count)
    try:
        report = ingest_paths(engine, [str(tmp_path)])
    finally:
        event.remove(Mapper, "load", count)
        event.remove(Mapper, "init", count)
    assert report.articles_read == 5
    assert made == []


def test_serial_and_parallel_runs_store_the_same_events(tmp_path):
    from tests.test_ingest_concurrency import dump_database

    folder = tmp_path / "articles"
    folder.mkdir()
    corpus = sorted(Path(__file__).parent.glob("extract/corpus*/*.txt"))[:6]
    for path in corpus:
        shutil.copy(path, folder / path.name)
    for n in range(4):
        (folder / f"wire-{n}.txt").write_text(article(n))
    dumps = []
    for jobs in (1, 2):
        url = f"sqlite:///{tmp_path / f'jobs{jobs}.db'}"
        result = CliRunner().invoke(cli, ["--db", url, "ingest", str(folder), "--jobs", str(jobs)])
        assert result.exit_code == 0, result.output
        dumps.append(dump_database(url))
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["events"]) > 10


def test_an_article_stored_by_someone_else_meanwhile_is_already_known(engine, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    text = read_article_text(path)
    extraction = ingest._extract(text, str(path), None, [], None)
    digest = ingest.content_hash(text)
    results = []

    def store() -> None:
        results.append(ingest.Writer(engine).store(str(path), digest, extraction))

    threads = [threading.Thread(target=store) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(o.state for o in results) == ["duplicate", "ingested"]
    assert ingest.Writer(engine).known_hashes([digest]) == {digest}


def test_ingest_text_takes_text_and_metadata_from_elsewhere(engine):
    outcome = ingest.ingest_one(
        engine,
        "Donald Trump said he would speak with Vladimir Putin by phone on Tuesday.",
        "https://example.org/news/1",
        title="Trump to call Putin",
        published=dt.date(2025, 2, 10),
    )
    assert (outcome.state, outcome.new_events, outcome.title) == (
        "ingested",
        1,
        "Trump to call Putin",
    )
    with Session(engine) as session:
        stored = session.scalars(select(Article)).one()
        assert stored.source == "https://example.org/news/1"
        assert stored.published == dt.date(2025, 2, 10)
    assert ingest.ingest_one(engine, "a\x00b", "x").state == "skipped"


# ---------------------------------------------------------------- a database that takes no writes


def _read_only(db_url: str) -> str:
    """The same database, open for reading only (a read-only file or snapshot, a read-only
    PostgreSQL database or replica)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        return f"sqlite:///file:{url.database}?mode=ro&uri=true"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(
            text(f'ALTER DATABASE "{url.database}" SET default_transaction_read_only = on')
        )
    admin.dispose()
    return db_url


def test_a_database_that_takes_no_writes_stops_a_batch_at_once(db_url, tmp_path):
    """Every article failed the same way, one line each, each after its retries (1,000 lines
    and minutes for a big folder); reextract gave SQLAlchemy's autoflush note as the reason."""
    runner = CliRunner()
    first = tmp_path / "first.txt"
    first.write_text(article(0), encoding="utf-8")
    assert runner.invoke(cli, ["--db", db_url, "ingest", str(first)]).exit_code == 0
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(1, 6):
        (inbox / f"a{n}.txt").write_text(article(n), encoding="utf-8")
    read_only = _read_only(db_url)

    result = runner.invoke(cli, ["--db", read_only, "ingest", "--jobs", "1", str(inbox)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "tracker: failed" not in result.stderr
    assert result.stderr.startswith("tracker: error: the database cannot be written: ")
    assert "0 ingested, 0 already known, 0 failed" in result.stdout

    again = runner.invoke(cli, ["--db", read_only, "reextract", "--all"])
    assert again.exit_code == 2
    assert again.stderr.startswith("tracker: error: the database cannot be written: ")
    assert "autoflush" not in again.output


def test_reextract_exit_codes_follow_ingest(db_url, tmp_path):
    """`tracker reextract 1 77` (77 unknown) exited 0: a script never saw the failure."""
    runner = CliRunner()
    path = tmp_path / "a.txt"
    path.write_text(article(1), encoding="utf-8")
    assert runner.invoke(cli, ["--db", db_url, "ingest", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["--db", db_url, "reextract", "1"]).exit_code == 0
    partly = runner.invoke(cli, ["--db", db_url, "reextract", "1", "77"])
    assert partly.exit_code == 1, partly.output
    assert "articles re-extracted: 1, skipped: 1" in partly.stdout
    assert runner.invoke(cli, ["--db", db_url, "reextract", "77"]).exit_code == 2


def test_jobs_far_beyond_the_cores_start_no_more_workers_than_are_of_use(tmp_path, monkeypatch):
    """`tracker ingest FOLDER --jobs 500` forked one worker per file up to 500 (some 90 MB
    each): a small machine ran out of memory. Now at most WORKERS_PER_CORE per core."""
    import multiprocessing

    monkeypatch.setattr(ingest, "default_jobs", lambda: 2)
    sizes = []
    real_context = multiprocessing.get_context

    def recording_context(method=None):
        context = real_context(method)

        class Recording:
            def Pool(self, processes, *args, **kwargs):  # noqa: N802 - multiprocessing's name
                sizes.append(processes)
                return context.Pool(min(processes, 2), *args, **kwargs)

        return Recording()

    monkeypatch.setattr(multiprocessing, "get_context", recording_context)
    for n in range(20):
        (tmp_path / f"a{n:02d}.txt").write_text(article(n), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'x.db'}"
    result = CliRunner().invoke(cli, ["--db", url, "ingest", "--jobs", "500", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "20 ingested, 0 already known, 0 failed" in result.stdout
    assert sizes == [8]
    assert result.stderr.startswith(
        "tracker: note: --jobs 500 is more than 4 worker processes per core (2 here): using 8\n"
    )


def test_changes_on_a_database_that_takes_no_writes_shows_them_and_keeps_the_mark(
    db_url, tmp_path
):
    """`tracker changes` printed the changes, then failed with exit 2 when moving the mark."""
    runner = CliRunner()
    path = tmp_path / "a.txt"
    path.write_text(article(1), encoding="utf-8")
    assert runner.invoke(cli, ["--db", db_url, "ingest", str(path)]).exit_code == 0
    result = runner.invoke(cli, ["--db", _read_only(db_url), "changes"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Changes in the last 7 days (first look): ")
    assert result.stderr.startswith(
        "tracker: your mark was not moved: the database takes no writes ("
    )
    assert result.stderr.count("\n") == 1
