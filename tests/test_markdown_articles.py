"""Markdown articles (a web clipper's or a notes app's): read without Markdown's marks."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.cli import cli
from tracker.db.models import Article, Mention
from tracker.db.session import open_database
from tracker.sources.markdown import plain_markdown

CLIPPED = """---
title: "Chile and Peru leaders meet in Lima"
source: https://news.example/chile-peru
published: 2019-05-13T10:00:00Z
---

# Chile and Peru leaders meet in Lima

![Boric and Boluarte](https://news.example/img.jpg)

Chilean President Gabriel Boric met Peruvian President Dina Boluarte in [Lima](https://x.y) on
Monday, *the two governments* said.

> They agreed to **reopen** the border, said Boric's office.

- Trade_ministers will meet in June.
"""


def test_markdown_marks_are_taken_off_and_the_words_kept():
    text = plain_markdown(CLIPPED)
    assert text.startswith('---\ntitle: "Chile and Peru leaders meet in Lima"\n')  # kept
    assert "\nChile and Peru leaders meet in Lima\n" in text  # the heading, without its mark
    assert "img.jpg" not in text and "](" not in text and "**" not in text
    # a paragraph's wrapped lines are one line: the extractor never runs lines together
    assert "in Lima on Monday, the two governments said.\n" in text
    assert "\nThey agreed to reopen the border, said Boric's office.\n" in text
    assert "\nTrade_ministers will meet in June.\n" in text  # an underscore inside a word stays


def test_setext_headings_rules_fences_quotes_lists_and_linear_time():
    text = plain_markdown("Headline\n========\n\nText one.\n\n***\n\n```\nx = *y*\n```\nEnd.\n")
    assert text == "Headline\n\nText one.\n\n\n\nx = *y*\nEnd.\n"
    text = plain_markdown(
        "One\nand two.\n> Quote one\n> and two.\n\n- item a\n  goes on\n- item b\n"
    )
    assert text == "One and two.\nQuote one and two.\n\nitem a goes on\nitem b\n"
    stars = "*a " * 20_000  # stray marks: no span longer than a few hundred characters is read
    assert plain_markdown(stars).strip() == stars.strip()


@pytest.fixture
def db_url(tmp_path):
    return f"sqlite:///{tmp_path / 'tracker.db'}"


def test_a_markdown_file_is_ingested_without_its_marks(tmp_path, db_url):
    (tmp_path / "clipped.md").write_text(CLIPPED, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", db_url, "ingest", str(tmp_path / "clipped.md")])
    assert result.exit_code == 0, result.output
    engine = open_database(db_url)
    with Session(engine) as session:
        article = session.scalars(select(Article)).one()
        evidence = session.scalars(select(Mention.sentence)).all()
    engine.dispose()
    assert article.title == "Chile and Peru leaders meet in Lima"
    assert article.published == dt.date(2019, 5, 13)
    assert evidence and all("**" not in e and "](" not in e for e in evidence)
    assert any("in Lima on Monday" in e for e in evidence)
    # the headline told again as the first heading is not read as the text's first sentence
    assert "Chile and Peru leaders meet in Lima" not in evidence
