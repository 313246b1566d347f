"""E-mails saved as .eml files (a newsletter, a forwarded report) → the article text tracker
ingests: the subject as title, the sent date as publication date, the text part as body (or
the HTML part's main text when there is no text part)."""

from __future__ import annotations

import datetime as dt
from email import policy
from email.parser import BytesParser

from tracker.errors import TrackerError
from tracker.extract.articles import mail_subject
from tracker.sources.pages import article_text, one_line


def _sent(message) -> dt.date | None:
    try:
        sent = message["date"]
        return sent.datetime.date() if sent is not None and sent.datetime else None
    except (AttributeError, TypeError, ValueError):
        return None


def article_from_email(data: bytes) -> str:
    """The e-mail as an article with front matter; TrackerError when it holds no text."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
        part = message.get_body(preferencelist=("plain", "html"))
        body = part.get_content() if part is not None else ""
    except (LookupError, ValueError, UnicodeError, AttributeError) as exc:
        raise TrackerError(f"cannot read the e-mail ({type(exc).__name__}: {exc})") from None
    if part is not None and part.get_content_subtype() == "html":
        from tracker.sources.pages import html_to_text, read_page

        try:
            body = read_page(body).text
        except TrackerError:
            body = html_to_text(body)
    if not isinstance(body, str) or not body.strip():
        raise TrackerError("the e-mail has no text")
    subject = mail_subject(one_line(str(message["subject"] or "")))
    return article_text(subject, _sent(message), body)
