"""`tracker extract -`: an article pasted or piped in on standard input."""

from __future__ import annotations

from click.testing import CliRunner

from tracker.cli import cli

TEXT = (
    "Chile and Peru\n\nChilean President Gabriel Boric met Peruvian President Dina Boluarte "
    "in Lima on Monday.\n"
)


def test_extract_reads_an_article_from_standard_input():
    result = CliRunner().invoke(cli, ["extract", "-", "--published", "2019-05-14"], input=TEXT)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Chile and Peru\npublished: 2019-05-14\n1 events\n")
    assert "meeting, occurred, Mon 13 May 2019: Gabriel Boric" in result.output


def test_bad_standard_input_is_one_line():
    for data, said in [
        (b"", "standard input: empty"),
        (b"x\xffy", "standard input: not UTF-8 text (invalid byte at offset 1)"),
        (b"a\x00b", "standard input: binary file, not text (NUL byte at offset 1)"),
    ]:
        result = CliRunner().invoke(cli, ["extract", "-"], input=data)
        assert result.exit_code == 2
        assert result.output.strip() == f"tracker: error: {said}"


def test_ingest_reads_an_article_from_standard_input_beside_files(tmp_path):
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from tracker.db.models import Article
    from tracker.db.session import open_database

    (tmp_path / "other.txt").write_text(
        "Talks\n\nRussia and Ukraine held talks in Istanbul on Friday.\n", encoding="utf-8"
    )
    db = f"sqlite:///{tmp_path / 'tracker.db'}"
    args = ["--db", db, "ingest", str(tmp_path / "other.txt"), "-", "--published", "2019-05-14"]
    result = CliRunner().invoke(cli, args, input=TEXT)
    assert result.exit_code == 0, result.output
    assert "standard input: 1 new events" in result.output
    assert "2 ingested, 0 already known, 0 failed" in result.output
    engine = open_database(db)
    with Session(engine) as session:
        pasted = session.scalars(select(Article).where(Article.source == "standard input")).one()
        assert (pasted.title, str(pasted.published), pasted.date_source) == (
            "Chile and Peru", "2019-05-14", "given"
        )
    engine.dispose()
    # the same text again is known; nothing on standard input is one line, exit 2
    again = CliRunner().invoke(cli, ["--db", db, "ingest", "-"], input=TEXT)
    assert "already ingested as article" in again.output and again.exit_code == 0
    empty = CliRunner().invoke(cli, ["--db", db, "ingest", "-"], input="")
    assert empty.exit_code == 2 and "tracker: skipped standard input: empty" in empty.output
