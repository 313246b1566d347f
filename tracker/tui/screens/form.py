"""What the event and status forms share: saving state, conflict and failure messages, and
asking before unsaved input is thrown away."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.worker import Worker, WorkerState

from tracker.domain import clean
from tracker.tui.conflict import StaleEventError, conflict_text
from tracker.tui.screens.confirm import ConfirmScreen
from tracker.tui.styled import styled

Result = TypeVar("Result")


class Saved(Generic[Result]):
    """What a form's save worker returns when the save went through: the form's result."""

    __slots__ = ("result",)

    def __init__(self, result: Result):
        self.result = result


class FormScreen(ModalScreen[Result], Generic[Result]):
    """A modal form: Ctrl+S saves, Escape cancels (asking first when something was typed)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    ERROR_ID = "form-error"  # the Static where messages go
    DISCARD_QUESTION = "Discard your changes?"
    CONFLICT_HINT = "Press Save again to save your values over them, or Esc to drop them."

    version: int | None
    _saving: bool = False
    _conflicted: bool = False  # after a conflict, Esc drops the values as the hint says

    @property
    def dirty(self) -> bool:
        return False

    @property
    def conflicted(self) -> bool:
        """A save lost a race: closing the form should show the event as it is now."""
        return self._conflicted

    def cancelled_result(self) -> Result | None:
        return None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # The form closes once its save worker has finished, not from inside it: closing the
        # screen cancels its workers, and a save must end as done, never as cancelled.
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Saved):
            event.stop()
            self.dismiss(event.worker.result.result)

    def show_error(self, content) -> None:
        """Put a message under the fields and scroll the form to it: on a small terminal
        (80x24) a conflict's message is taller than the space left below the fields."""
        message = self.query_one(f"#{self.ERROR_ID}", Static)
        message.update(content)
        self.call_after_refresh(self._show_message, message)

    def _show_message(self, message: Static) -> None:
        message.scroll_visible(animate=False)
        self.query_one("#save", Button).scroll_visible(animate=False)

    def action_save(self) -> None:
        raise NotImplementedError

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def _conflict(self, exc: StaleEventError) -> None:
        self._saving = False
        self._conflicted = True
        if exc.fresh is not None:
            self.version = exc.fresh.version  # a second save overwrites, knowingly
        hint = self.CONFLICT_HINT if exc.fresh else "Esc closes the form."
        self.show_error(conflict_text(exc, hint))

    def _failed(self, message: str) -> None:
        self._saving = False
        self.show_error(styled("Not saved: " + clean(message), "bold $error"))

    def action_cancel(self) -> None:
        if not self.dirty or self._conflicted:
            self.dismiss(self.cancelled_result())
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(self.cancelled_result())

        self.app.push_screen(
            ConfirmScreen(self.DISCARD_QUESTION, yes="Discard", no="Keep editing"), answered
        )
