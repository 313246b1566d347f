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
