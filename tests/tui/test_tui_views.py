"""The agenda, changes and export views, driven by keys and checked on the database."""

from __future__ import annotations

import csv
import datetime as dt
import json

from sqlalchemy import update
from sqlalchemy.orm import Session
from textual.widgets import Input, OptionList, Select, Static
from tui_helpers import TODAY, async_test, screen_lines, settle, widget_text

from tracker.db.models import Event, StatusChange, UserMark
from tracker.db.session import unit_of_work
from tracker.services.changes import database_user, last_seen, mark_seen
from tracker.services.events import change_status
from tracker.tui.app import TrackerApp
from tracker.tui.screens.agenda import AgendaScreen, ChangesScreen
from tracker.tui.screens.details import DetailsScreen
from tracker.tui.screens.export import ExportScreen

SIZE = (120, 40)


def make_app(engine) -> TrackerApp:
    return TrackerApp(engine, today=TODAY, prewarm=False)


def list_text(screen) -> str:
    options = screen.query_one(OptionList)
    prompts = (options.get_option_at_index(i).prompt for i in range(options.option_count))
    return "\n".join(str(p) for p in prompts)


@async_test
async def test_agenda_lists_overdue_due_and_upcoming_with_sources(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        text = list_text(screen)
        sections = [s.title for s in screen.sections]
        assert sections[0].startswith("Overdue") and sections[1].startswith("Due today")
        # the EU-China talks have no time: not on the agenda; the month-long meeting is due
        due = [e.title for e in screen.sections[1].events]
        assert "Zelenskyy and Trump meet in Washington" in due
        assert "≈ Mar 2025" in text  # an approximate time is shown as such
        # Enter opens the event; Esc comes back to the agenda
        options = screen.query_one(OptionList)
        options.focus()
        first = options.highlighted
        title = next(
            e.title for s in screen.sections for e in s.events if f"event-{e.id}-" in (
                options.get_option_at_index(first).id or ""
            )
        )
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        assert app.screen.details.title == title
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.screen_stack) == 1


async def _select_in_list(pilot, screen, title: str) -> None:
    """Highlight the event ``title`` in an agenda or changes list and open it."""
    options = screen.query_one(OptionList)
    event_id = next(e.id for s in screen.sections for e in s.events if e.title == title)
    options.highlighted = next(
        i
        for i in range(options.option_count)
        if (options.get_option_at_index(i).id or "").startswith(f"event-{event_id}-")
    )
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, DetailsScreen)


async def _mark_occurred(pilot) -> None:
    await pilot.press("s")
    await settle(pilot)
    pilot.app.screen.query_one("#new-status", Select).value = "occurred"
    await settle(pilot)
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(pilot.app.screen, DetailsScreen)
    await pilot.press("escape")
    await settle(pilot)


@async_test
async def test_the_agenda_shows_a_follow_up_done_from_it_when_you_come_back(engine, seeded):
    from tracker.domain import When
    from tracker.services.events import ActorRole, add_event

    with unit_of_work(engine) as s:  # two planned events whose time has passed (today 15 Mar)
        for title, day in (("Lavrov and Rubio meet", 10), ("Orban visits Beijing", 11)):
            add_event(
                s, type="meeting", status="planned", actors=[ActorRole("Russia")], title=title,
                when=When(dt.date(2025, 3, day), dt.date(2025, 3, day), "day"),
            )  # fmt: skip
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        agenda = app.screen
        overdue = [e.title for e in agenda.sections[0].events]
        assert "Lavrov and Rubio meet" in overdue and "Orban visits Beijing" in overdue
        await _select_in_list(pilot, agenda, "Orban visits Beijing")
        await pilot.press("escape")  # only looked: the list and its cursor stay
        await settle(pilot)
        options = agenda.query_one(OptionList)
        orban = next(e.id for e in agenda.sections[0].events if e.title == "Orban visits Beijing")
        highlighted = options.get_option_at_index(options.highlighted).id or ""
        assert highlighted.startswith(f"event-{orban}-")
        await _select_in_list(pilot, agenda, "Lavrov and Rubio meet")
        await _mark_occurred(pilot)
        assert app.screen is agenda
        overdue = [e.title for e in agenda.sections[0].events]
        assert "Lavrov and Rubio meet" not in overdue and "Orban visits Beijing" in overdue
        assert "Lavrov and Rubio meet" not in list_text(agenda)


def _one_move_since_the_mark(engine, event_id: int, status: str, note: str) -> None:
    """The seed recorded before the user's mark, and one status move after it."""
    with Session(engine) as s:
        mark_seen(s, database_user(s), dt.datetime(2025, 3, 2))
    with unit_of_work(engine) as s:
        s.execute(update(Event).values(created_at=dt.datetime(2025, 3, 1)))
        s.execute(update(StatusChange).values(recorded_at=dt.datetime(2025, 3, 1)))
    with unit_of_work(engine) as s:
        change_status(s, event_id, status, note=note)


@async_test
async def test_the_changes_view_keeps_its_span_after_a_change_made_from_it(engine, seeded):
    _one_move_since_the_mark(engine, seeded["meeting"], "planned", "dates agreed")
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        changes = app.screen
        assert "proposed → planned" in list_text(changes)
        await _select_in_list(pilot, changes, "Zelenskyy and Trump meet in Washington")
        await _mark_occurred(pilot)
        assert app.screen is changes
        text = list_text(changes)
        # the move it listed is still there, with the one just made
        assert "proposed → planned" in text and "planned → occurred" in text


@async_test
async def test_changes_are_marked_listed_and_the_mark_moves(engine, seeded):
    _one_move_since_the_mark(engine, seeded["ceasefire"], "postponed", "talks stalled")
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        marked = [line for line in screen_lines(app) if line.startswith("●")]
        assert len(marked) == 1 and "Ceasefire" in marked[0]
        await pilot.press("C")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ChangesScreen)
        text = list_text(screen)
        assert "planned → postponed" in text and "talks stalled" in text
        assert [s.title for s in screen.sections] == ["New events", "Status moves"]
        assert not screen.sections[0].events
        await pilot.press("escape")
        await settle(pilot)
    with Session(engine) as s:
        user = database_user(s)
        assert last_seen(s, user) > dt.datetime(2025, 3, 2)  # opening the view moved it
        assert s.get(UserMark, user) is not None


@async_test
async def test_export_writes_the_current_filter_to_a_file(engine, seeded, tmp_path):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.filter_bar.query_one("#filter-actor", Input).value = "Donald Trump"
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        assert "actor: Donald Trump" in widget_text(screen.query_one("#export-summary"))
        screen.query_one("#export-format", Select).value = "csv"
        await settle(pilot)
        path = screen.query_one("#export-path", Input)
        assert path.value.endswith(".csv")  # the suggested name follows the format
        path.value = str(tmp_path / "nowhere" / "x.csv")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)  # one clear line, the modal stays
        assert "no folder" in str(screen.query_one("#export-status", Static).render())
        path.value = str(tmp_path / "trump.csv")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ExportScreen)
    with open(tmp_path / "trump.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    titles = {r["title"] for r in rows}
    assert titles == {"Trump and Putin phone call", "Zelenskyy and Trump meet in Washington"}


@async_test
async def test_a_file_name_with_a_formats_extension_picks_that_format(engine, seeded, tmp_path):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        screen = app.screen
        chosen = screen.query_one("#export-format", Select)
        assert chosen.value == "jsonl"
        path = screen.query_one("#export-path", Input)
        for name, fmt in (("a.ics", "ics"), ("b.plover.jsonl", "plover"), ("c.jsonl", "plover"),
                          ("d.JSONL", "plover"), ("e.txt", "plover"), ("f.jsonl", "plover")):
            path.value = str(tmp_path / name)
            await settle(pilot)
            assert chosen.value == fmt, name  # PLOVER is JSON Lines: a .jsonl name keeps it
        path.value = str(tmp_path / "all.csv")  # the format shown was JSON Lines
        await settle(pilot)
        assert chosen.value == "csv"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ExportScreen)
    with open(tmp_path / "all.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 6 and "title" in rows[0]


@async_test
async def test_export_jsonl_from_the_palette_action(engine, seeded, tmp_path):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_export()
        await settle(pilot)
        screen = app.screen
        screen.query_one("#export-path", Input).value = str(tmp_path / "all.jsonl")
        await pilot.press("ctrl+s")
        await settle(pilot)
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6
    assert all(json.loads(line)["id"] for line in lines)
