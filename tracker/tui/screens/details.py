"""One event in full: actors and roles, time, evidence and its status history."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tracker.domain import clean, day_label
from tracker.services.timeline import EventDetails
from tracker.tui.styled import STATUS_STYLES, Line


def _status_style(status: str) -> str:
    return STATUS_STYLES.get(status, "")


def details_content(d: EventDetails) -> Content:
    """The details built from plain strings: nothing in them is read as markup."""
    text = Line()
    text.append(clean(d.title), "bold").append("\n")
    text.append(f"{d.type}  ", "bold")
    text.append(f" {d.status} ", f"reverse bold {_status_style(d.status)}")
    text.append(
        f"   #{d.id} · {d.origin} · confidence {d.confidence:.2f} · version {d.version}",
        "$text-muted",
    )
    text.append("\n\n")

    text.append("When     ", "$text-muted")
    text.append(d.when_text, "bold" if d.when else "italic")
    if d.when and d.when.start != d.when.end:
        text.append(
            f"  ({day_label(d.when.start)} – {day_label(d.when.end)}, "
            f"precision {d.when.precision})",
            "$text-muted",
        )
    elif d.when:
        text.append(f"  (precision {d.when.precision})", "$text-muted")
    text.append("\n")

    text.append("Actors   ", "$text-muted")
    if d.actors:
        for i, (name, role) in enumerate(d.actors):
            if i:
                text.append(", ")
            text.append(clean(name), "bold")
            text.append(f" ({role})", "$text-muted")
    else:
        text.append("none recorded", "italic")
    text.append("\n")
    if d.notes:
        text.append("Notes    ", "$text-muted")
        text.append(clean(d.notes, one_line=False))
        text.append("\n")

    text.append("\nStatus history\n", "bold underline")
    for i, h in enumerate(d.history):
        last = i == len(d.history) - 1
        text.append("  ● " if last else "  ○ ", _status_style(h.to_status))
        text.append(h.effective.ljust(20))
        if h.from_status:
            text.append(h.from_status, _status_style(h.from_status))
            text.append(" → ")
        else:
            text.append("new → ", "$text-muted")
        text.append(h.to_status, f"bold {_status_style(h.to_status)}")
        text.append(f"   recorded {h.recorded_at:%d %b %Y %H:%M}", "$text-muted")
        if h.moved:
            text.append("\n  │   " if not last else "\n      ")
            text.append(f"time moved: {h.moved}", "$warning")
        if h.source:
            text.append("\n  │   " if not last else "\n      ")
            text.append(clean(h.source), "italic")
        text.append("\n")
        if not last:
            text.append("  │\n")

    count = len(d.mentions)
    text.append(f"\nEvidence ({count} mention{'s' if count != 1 else ''})\n", "bold underline")
    if not d.mentions:
        text.append("  entered by hand, no article\n", "italic")
    for m in d.mentions:
        text.append("  ▸ ")
        text.append(clean(m.article_title), "bold")
        published = day_label(m.article_date) if m.article_date else "no date found"
        text.append(f"  ({published})", "$text-muted")
        text.append("\n    “")
        text.append(clean(m.sentence))
        text.append("”\n")
        text.append(f"    {clean(m.article_source)}\n", "$text-muted")
    return text.content()


class DetailsScreen(Screen[None]):
    """Enter on the timeline opens this; Escape goes back."""

    BINDINGS = [
        Binding("escape,q,backspace", "app.pop_screen", "Back"),
        Binding("e", "app.edit", "Edit"),
        Binding("s", "app.status", "Status"),
        Binding("d", "app.delete", "Delete"),
        Binding("m", "app.merge", "Merge"),
        Binding("r", "app.reextract", "Re-extract"),
        Binding("D", "app.article_date", "Article date"),
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
    ]

    def __init__(self, details: EventDetails) -> None:
        super().__init__()
        self.details = details

    @property
    def event_id(self) -> int:
        return self.details.id

    def compose(self) -> ComposeResult:
        yield Header(icon="◷")
        with VerticalScroll(id="details-body"):
            yield Static(details_content(self.details), id="details", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"event #{self.details.id}"

    def update(self, details: EventDetails) -> None:
        self.details = details
        self.sub_title = f"event #{details.id}"
        self.query_one("#details", Static).update(details_content(details))

    def action_scroll_down(self) -> None:
        self.query_one("#details-body", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one("#details-body", VerticalScroll).scroll_up(animate=False)
