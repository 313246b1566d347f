"""`?`: the app's keys first, grouped by what they do; Textual's generic keys last."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tracker.tui.styled import Line

Section = tuple[str, Sequence[tuple[str, str]]]  # (title, [(keys, what they do)])

GENERIC: Section = (
    "Everywhere (Textual)",
    [
        ("ctrl+p", "command palette: actors, events and every action by name"),
        ("tab / shift+tab", "next / previous field"),
        ("ctrl+q", "quit"),
        ("ctrl+c", "copy selected text"),
    ],
)


def binding_keys(binding: Binding) -> str:
    """ "pagedown,ctrl+f" -> "pagedown / ctrl+f", as the user types them."""
    names = []
    for key in binding.key.split(","):
        key = key.strip()
        names.append({"question_mark": "?", "slash": "/", "full_stop": "."}.get(key, key))
    return " / ".join(names)


def sections_from(
    groups: Sequence[tuple[str, Sequence[str]]],
    bindings: Iterable[Binding],
    texts: dict[str, str] | None = None,
) -> list[Section]:
    """One section per (title, actions), each row made from the binding of that action
    (``texts`` says what an action does when its description is too short for the help)."""
    texts = texts or {}
    by_action: dict[str, Binding] = {}
    for binding in bindings:
        by_action.setdefault(binding.action, binding)
    sections: list[Section] = []
    for title, actions in groups:
        rows = [
            (binding_keys(by_action[a]), texts.get(a) or by_action[a].description)
            for a in actions
            if a in by_action
        ]
        if rows:
            sections.append((title, rows))
    return sections


class KeysScreen(ModalScreen[None]):
    """Escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, sections: Sequence[Section]) -> None:
        super().__init__()
        self.sections = [*sections, GENERIC]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="keys", classes="dialog"):
            yield Label("Keys", classes="dialog-title")
            yield Static(self._content(), id="keys-table", markup=False)

    def _content(self):
        width = max(len(keys) for _, rows in self.sections for keys, _ in rows) + 2
        text = Line()
        for i, (title, rows) in enumerate(self.sections):
            if i:
                text.append("\n")
            text.append(title + "\n", "bold $text-accent")
            for keys, what in rows:
                text.append(f"  {keys.ljust(width)}", "bold")
                text.append(what + "\n")
        return text.content()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
