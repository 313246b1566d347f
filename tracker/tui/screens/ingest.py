"""Ingest articles from inside the app: files, folders, globs or URLs, with progress."""

from __future__ import annotations

from sqlalchemy import Engine
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Static

from tracker.domain import clean
from tracker.tui.styled import styled


class IngestScreen(ModalScreen[bool]):
    """Reads articles in a worker; posts Ingested when done so the timeline reloads at once."""

    class Ingested(Message):
        """An ingestion finished (the database has changed)."""

    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, engine: Engine, path: str = "") -> None:
        super().__init__()
        self.engine = engine
        self.path = path
        self.running = False
        self.ingested = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="ingest", classes="dialog"):
            yield Label("Ingest articles", classes="dialog-title")
            with Horizontal(classes="row"):
                yield Label("Path", classes="field-label")
                yield Input(
                    value=self.path,
                    placeholder="file, folder, glob or http(s) URL; several: a, b",
                    id="ingest-path",
                )
            yield ProgressBar(total=None, show_eta=False, id="ingest-progress")
            yield Static("", id="ingest-log", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Ingest (enter)", variant="primary", id="start")
                yield Button("Close (esc)", id="close")

    def on_mount(self) -> None:
        self.query_one("#ingest-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "start":
            self.start()
        else:
            self.action_close()

    def start(self) -> None:
        if self.running:
            return
        specs = [s.strip() for s in self.query_one("#ingest-path", Input).value.split(",")]
        specs = [s for s in specs if s]
        if not specs:
            self._log(styled("Give a path to read.", "bold $error"))
            return
        self.running = True
        self.query_one("#start", Button).disabled = True
        self._log(styled("reading…", "$text-muted"))
        self._ingest(specs)

    def _log(self, text: Content) -> None:
        self.query_one("#ingest-log", Static).update(text)

    @work(thread=True, exclusive=True, group="ingest")
    def _ingest(self, specs: list[str]) -> None:
        try:
            from tracker.services.ingest import ingest_paths
        except ImportError:
            self.app.call_from_thread(self._done, None, "ingestion is not available in this build")
            return

        def progress(done: int, total: int, outcome: object) -> None:
            self.app.call_from_thread(self._progress, done, total, outcome)

        from tracker.sources import split_sources

        paths, urls = split_sources(specs)
        try:
            report = ingest_paths(self.engine, paths, progress=progress)
            if urls:
                from tracker.services.web import ingest_urls

                report.outcomes += ingest_urls(self.engine, urls).outcomes
        except Exception as exc:  # noqa: BLE001 - shown in the dialog
            self.app.call_from_thread(self._done, None, str(exc))
            return
        self.app.call_from_thread(self._done, report, None)

    def _progress(self, done: int, total: int, outcome: object) -> None:
        bar = self.query_one("#ingest-progress", ProgressBar)
        bar.update(total=total, progress=done)
        title = getattr(getattr(outcome, "article", None), "title", None) or getattr(
            outcome, "title", None
        )
        line = f"{done}/{total} articles"
        if title:
            line += f" · {clean(str(title))}"
        self._log(styled(line))

    def _done(self, report: object | None, error: str | None) -> None:
        self.running = False
        self.query_one("#start", Button).disabled = False
        if error:
            self._log(styled("Failed: " + clean(error), "bold $error"))
            return
        self.ingested = True
        self.post_message(self.Ingested())
        bar = self.query_one("#ingest-progress", ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        summary = report.summary() if hasattr(report, "summary") else str(report)
        self._log(styled(clean(summary, one_line=False)))

    def action_close(self) -> None:
        if self.running:
            self.notify("Ingestion is running: wait for it to finish.", markup=False)
            return
        self.dismiss(self.ingested)
