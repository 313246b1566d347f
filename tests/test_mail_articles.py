"""E-mails as articles: an .eml file (a newsletter, a forwarded report) and an e-mail saved as
text with its headers on top."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.extract import extract, read_article
from tracker.sources.mail import article_from_email

LEAD = "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday."


def _mail(subject: str, plain: str | None, html: str | None) -> bytes:
    message = EmailMessage()
    message["From"] = "Harbour Daily <news@harbour.example>"
    message["To"] = "desk@example.org"
    message["Subject"] = subject
    message["Date"] = "Tue, 14 May 2019 08:00:00 +0000"
    if plain is not None:
        message.set_content(plain)
        if html is not None:
            message.add_alternative(html, subtype="html")
    elif html is not None:
        message.set_content(html, subtype="html")
    else:
        message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf")
    return bytes(message)


def test_an_email_is_an_article_with_its_subject_and_date():
    text = article_from_email(_mail("Fwd: Re: Chile and Peru meet", LEAD, f"<p>{LEAD}</p>"))
    article = read_article(text)
    assert article.title == "Chile and Peru meet"  # without the forward's and reply's marks
    assert article.published == dt.date(2019, 5, 14)
    assert article.body.strip() == LEAD  # the text part, not the HTML one
    [event] = extract(text).events
    assert event.type == "meeting" and event.when.start == dt.date(2019, 5, 13)


def test_an_html_only_email_gives_its_text():
    html = f"<html><body><h1>Talks</h1><p>{LEAD} They discussed the border.</p></body></html>"
    article = read_article(article_from_email(_mail("Talks", None, html)))
    assert LEAD in article.body and "<p>" not in article.body


def test_eml_files_are_ingested_and_one_without_text_is_one_line(tmp_path):
    (tmp_path / "news.eml").write_bytes(_mail("Chile and Peru meet", LEAD, None))
    (tmp_path / "scan.eml").write_bytes(_mail("Scan", None, None))
    db = f"sqlite:///{tmp_path / 'tracker.db'}"
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(tmp_path)])
    assert result.exit_code == 1, result.output  # one went in, one failed
    assert "news.eml: 1 new events" in result.output
    assert f"skipped {tmp_path / 'scan.eml'}: the e-mail has no text" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "date_line, day",
    [
        ("Date: Tue, 14 May 2019 08:00:00 +0000", dt.date(2019, 5, 14)),
        ("Sent: Tuesday, May 14, 2019 10:03 AM", dt.date(2019, 5, 14)),
        ("Date: sometime", None),
    ],
)
def test_an_email_saved_as_text_reads_its_headers(date_line, day):
    text = (
        f"From: Harbour Daily <news@harbour.example>\nSubject: FW: Chile and Peru meet\n"
        f"{date_line}\n\n{LEAD}\n"
    )
    article = read_article(text)
    assert (article.title, article.published) == ("Chile and Peru meet", day)
    assert article.body == f"{LEAD}\n"
    # a text that opens with one "Subject:" line only is no e-mail: that line is its title
    assert read_article(f"Subject: talks\n\n{LEAD}\n").title == "Subject: talks"
