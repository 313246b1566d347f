"""`E`: export the events of the current filter to a file (JSON Lines, CSV, iCalendar, PLOVER)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tracker.domain import clean
from tracker.errors import TrackerError
from tracker.services.export import FORMATS
from tracker.services.export_file import EXTENSIONS, export_to_file
from tracker.services.query import EventFilter
from tracker.tui.styled import styled

FORMAT_LABELS = {
    "jsonl": "JSON Lines (actors, roles, history, evidence)",
    "csv": "CSV (spreadsheets)",
    "ics": "iCalendar (planned, proposed, postponed, cancelled)",
    "plover": "PLOVER JSON (event data sets)",
}


def format_of(path: str) -> str | None:
    """The format a file name's extension names ("x.plover.jsonl": plover), or None."""
    name = path.strip().lower()
    by_length = sorted(EXTENSIONS.items(), key=lambda item: -len(item[1]))
    return next((fmt for fmt, ext in by_length if name.endswith("." + ext)), None)


def default_path(fmt: str, today: dt.date) -> str:
    return os.path.join("~", f"tracker-{today.isoformat()}.{EXTENSIONS[fmt]}")


class ExportScreen(ModalScreen[int | None]):
    """Dismisses with the number of events written, None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "export", "Export", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        engine: Engine,
        filt: EventFilter,
        summary: str,
        today: Callable[[], dt.date],
    ) -> None:
        super().__init__()
        self.engine = engine
        self.filter = filt
        self.summary = summary
        self._today = today
        self._exporting = False

    def compose(self) -> ComposeResult:
        with Vertical(id="export", classes="dialog"):
            yield Label("Export the events shown", classes="dialog-title")
            yield Static(clean(self.summary), classes="hint", id="export-summary", markup=False)
            with Horizontal(classes="row"):
                yield Label("Format", classes="field-label")
                yield Select(
                    [(FORMAT_LABELS[f], f) for f in FORMATS],
                    value="jsonl",
                    allow_blank=False,
                    compact=True,
                    id="export-format",
                )
            with Horizontal(classes="row"):
                yield Label("File", classes="field-label")
                yield Input(value=default_path("jsonl", self._today()), id="export-path")
            yield Static("", id="export-status", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-format", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        """The file name follows the format while it is still the suggested one."""
        path = self.query_one("#export-path", Input)
        suggested = {default_path(f, self._today()) for f in FORMATS}
        if path.value in suggested and event.value in FORMATS:
            path.value = default_path(str(event.value), self._today())

    def on_input_changed(self, event: Input.Changed) -> None:
        """A file name typed with a format's extension ("events.csv") picks that format, so
        what is written is what the name says (JSON Lines in a .csv file, before)."""
        if event.input.id != "export-path":
            return
        chosen = self.query_one("#export-format", Select)
        named = format_of(event.value)
        if named is not None and named != chosen.value:
            if named == "jsonl" and chosen.value == "plover":
                return  # PLOVER is JSON Lines too
            chosen.value = named

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_export()
        else:
            self.action_cancel()

    def _status(self, text: str, style: str) -> None:
        self.query_one("#export-status", Static).update(styled(text, style))

    def action_export(self) -> None:
        if self._exporting:
            return
        self._exporting = True
        fmt = str(self.query_one("#export-format", Select).value)
        path = self.query_one("#export-path", Input).value
        self._status("exporting…", "$text-muted")
        self._export(fmt, path)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, fmt: str, path: str) -> None:
        def progress(n: int) -> None:
            self.app.call_from_thread(self._status, f"exporting… {n:,} events", "$text-muted")

        try:
            with Session(self.engine) as session:
                count = export_to_file(session, fmt, path, self.filter, progress)
        except TrackerError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        except OSError as exc:
            self.app.call_from_thread(self._failed, f"cannot write {path!r}: {exc.strerror}")
            return
        self.app.call_from_thread(self._done, count, path)

    def _failed(self, message: str) -> None:
        self._exporting = False
        self._status("Not exported: " + clean(message), "bold $error")

    def _done(self, count: int, path: str) -> None:
        self._exporting = False
        self.app.notify(
            f"Exported {count:,} event{'s' if count != 1 else ''} to {clean(path)}.", markup=False
        )
        self.dismiss(count)

    def action_cancel(self) -> None:
        if not self._exporting:
            self.dismiss(None)
