"""One event in full: actors and roles, time, evidence and its status history."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tracker.domain import day_label
from tracker.services.timeline import EventDetails, clean


def _status_style(status: str) -> str:
    return {
        "proposed": "magenta",
        "planned": "cyan",
        "threatened": "yellow",
        "occurred": "green",
        "postponed": "blue",
        "cancelled": "red",
    }.get(status, "")


def details_renderable(d: EventDetails) -> Group:
    """The details as Rich text built from plain strings: nothing in them is markup."""
    head = Text()
    head.append(clean(d.title), style="bold")
    head.append("\n")
    head.append(f"{d.type}  ", style="bold")
    head.append(f" {d.status} ", style=f"reverse {_status_style(d.status)}")
    head.append(
        f"   #{d.id} · {d.origin} · confidence {d.confidence:.2f} · version {d.version}",
        style="dim",
    )

    when = Text()
    when.append("When     ", style="dim")
    when.append(d.when_text, style="bold" if d.when else "italic")
    if d.when and d.when.start != d.when.end:
        when.append(
            f"  ({day_label(d.when.start)} – {day_label(d.when.end)}, "
            f"precision {d.when.precision})",
            style="dim",
        )
    elif d.when:
        when.append(f"  (precision {d.when.precision})", style="dim")

    actors = Text()
    actors.append("Actors   ", style="dim")
    if d.actors:
        for i, (name, role) in enumerate(d.actors):
            if i:
                actors.append(", ")
            actors.append(clean(name), style="bold")
            actors.append(f" ({role})", style="dim")
    else:
        actors.append("none recorded", style="italic")

    notes = Text()
    if d.notes:
        notes.append("Notes    ", style="dim")
        notes.append(clean(d.notes, one_line=False))

    history = Text()
    history.append("Status history\n", style="bold underline")
    for i, h in enumerate(d.history):
        last = i == len(d.history) - 1
        history.append("  ● " if last else "  ○ ", style=_status_style(h.to_status))
        history.append(h.effective.ljust(20))
        if h.from_status:
            history.append(h.from_status, style=_status_style(h.from_status))
            history.append(" → ")
        else:
            history.append("new → ", style="dim")
        history.append(h.to_status, style=f"bold {_status_style(h.to_status)}")
        history.append(f"   recorded {h.recorded_at:%d %b %Y %H:%M}", style="dim")
        if h.source:
            history.append("\n  │   " if not last else "\n      ")
            history.append(clean(h.source), style="italic")
        history.append("\n")
        if not last:
            history.append("  │\n")

    evidence = Text()
    evidence.append(
        f"Evidence ({len(d.mentions)} mention{'s' if len(d.mentions) != 1 else ''})\n",
        style="bold underline",
    )
    if not d.mentions:
        evidence.append("  entered by hand, no article\n", style="italic")
    for m in d.mentions:
        evidence.append("  ▸ ")
        evidence.append(clean(m.article_title), style="bold")
        published = day_label(m.article_date) if m.article_date else "date unknown"
        evidence.append(f"  ({published})", style="dim")
        evidence.append("\n    “")
        evidence.append(clean(m.sentence))
        evidence.append("”\n")
        evidence.append(f"    {clean(m.article_source)}\n", style="dim")

    parts = [head, Text(), when, actors]
    if d.notes:
        parts.append(notes)
    return Group(*parts, Text(), history, evidence)


class DetailsScreen(Screen[None]):
    """Enter on the timeline opens this; Escape goes back."""

    BINDINGS = [
        Binding("escape,q,backspace", "app.pop_screen", "Back"),
        Binding("e", "app.edit", "Edit"),
        Binding("s", "app.status", "Status"),
        Binding("d", "app.delete", "Delete"),
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
            yield Static(details_renderable(self.details), id="details", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"event #{self.details.id}"

    def update(self, details: EventDetails) -> None:
        self.details = details
        self.query_one("#details", Static).update(details_renderable(details))

    def action_scroll_down(self) -> None:
        self.query_one("#details-body", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one("#details-body", VerticalScroll).scroll_up(animate=False)
