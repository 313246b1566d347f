"""Correct the publication date of an article an event was read from (`D` in the details)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from tracker.domain import clean, day_label, future_publication
from tracker.errors import TrackerError
from tracker.extract.dates import parse_when
from tracker.tui.screens.form import FormScreen, Saved
from tracker.tui.styled import styled


@dataclass(frozen=True)
class ArticleChoice:
    id: int
    title: str
    published: dt.date | None

    @property
    def label(self) -> str:
        date = day_label(self.published) if self.published else "no date found"
        title = clean(self.title)
        title = title if len(title) <= 50 else title[:49] + "…"
        return f"#{self.id} {title} ({date})"


# (article id, new date) -> a one-line summary of what changed; runs in a worker thread
SubmitDate = Callable[[int, dt.date], str]


class ArticleDateForm(FormScreen[str]):
    """The article (when the event has several), its new date with a live preview."""

    ERROR_ID = "article-date-error"
    DISCARD_QUESTION = "Discard the new date?"

    def __init__(
        self,
        articles: list[ArticleChoice],
        today: Callable[[], dt.date],
        submit: SubmitDate,
    ) -> None:
        super().__init__()
        if not articles:
            raise ValueError("an article date form needs an article")
        self.articles = articles
        self._today = today
        self.submit = submit
        self.version = None
        self._saving = False

    def compose(self) -> ComposeResult:
        first = self.articles[0]
        with VerticalScroll(id="article-date-form", classes="dialog"):
            yield Label("Correct an article's date", classes="dialog-title")
            with Horizontal(classes="row"):
                yield Label("Article", classes="field-label")
                if len(self.articles) > 1:
                    yield Select(
                        [(a.label, a.id) for a in self.articles],
                        value=first.id,
                        allow_blank=False,
                        compact=True,
                        id="article-choice",
                    )
                else:
                    yield Static(first.label, id="article-choice-label", markup=False)
            with Horizontal(classes="row"):
                yield Label("Date", classes="field-label")
                yield Input(
                    value=first.published.isoformat() if first.published else "",
                    placeholder="2025-01-24, 24 January 2025, last Friday…",
                    id="article-date",
                )
            yield Static("", id="article-date-preview", classes="preview", markup=False)
            yield Static(
                "Its events are read again against the new date.", classes="hint", markup=False
            )
            yield Static("", id="article-date-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self._preview()
        self.query_one("#article-date", Input).focus()

    @property
    def article(self) -> ArticleChoice:
        if len(self.articles) == 1:
            return self.articles[0]
        chosen = self.query_one("#article-choice", Select).value
        return next((a for a in self.articles if a.id == chosen), self.articles[0])

    def _parsed(self) -> tuple[dt.date | None, str | None]:
        text = self.query_one("#article-date", Input).value.strip()
        if not text:
            return None, "give the day it was published (e.g. 2025-01-24)"
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            # a publication is now or past: "Monday" is the last one, as for set-date
            when = parse_when(text, self._today(), "backward")
            if when is None:
                return None, f"“{text}” is not a date I understand"
            if when.precision != "day":
                return None, f"“{text}” is {when.label()}, not a single day"
            day = when.start
        refused = future_publication(day, self._today())
        return (None, refused) if refused else (day, None)

    def _preview(self) -> None:
        day, error = self._parsed()
        preview = self.query_one("#article-date-preview", Static)
        if error:
            preview.update(styled("✗ " + error, "bold $error"))
            return
        assert day is not None
        current = self.article.published
        note = " · unchanged" if current == day else ""
        # the weekday shows whether the day understood is the day meant
        preview.update(styled(f"→ {day_label(day)}{note}", "$success"))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "article-date":
            self._preview()
        self.query_one("#article-date-error", Static).update("")

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "article-choice":
            published = self.article.published
            self.query_one("#article-date", Input).value = (
                published.isoformat() if published else ""
            )
            self._preview()

    def action_save(self) -> None:
        if self._saving:
            return
        day, error = self._parsed()
        if error or day is None:
            self.show_error(styled("Not saved: " + (error or "no date"), "bold $error"))
            return
        self._saving = True
        self._save(self.article.id, day)

    @work(thread=True, exclusive=True, group="save")
    def _save(self, article_id: int, day: dt.date) -> Saved[str] | None:
        try:
            summary = self.submit(article_id, day)
        except TrackerError as exc:
            self.app.call_from_thread(self._failed, str(exc))
        else:
            return Saved(summary)
        return None

    @property
    def dirty(self) -> bool:
        day, _ = self._parsed()
        return day is not None and day != self.article.published
