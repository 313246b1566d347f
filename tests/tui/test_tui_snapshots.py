"""Snapshots of the timeline, the details and the forms (fixed data, fixed today).

Regenerate after an intended change with: pytest tests/tui --snapshot-update
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select
from tui_helpers import TODAY, seed, settle

from tracker.db.session import open_database
from tracker.tui.app import TrackerApp


@pytest.fixture
def snap_app(tmp_path):
    """SQLite only: what is drawn does not depend on the backend."""
    engine = open_database(f"sqlite:///{tmp_path / 'tracker.db'}")
    ids = seed(engine)
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    yield app, ids
    engine.dispose()


def test_timeline(snap_compare, snap_app):
    app, _ = snap_app
    assert snap_compare(app, terminal_size=(120, 24), run_before=settle)


def test_timeline_narrow_with_cursor_moved(snap_compare, snap_app):
    app, _ = snap_app

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("k", "k")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 20), run_before=run_before)


def test_filtered_timeline(snap_compare, snap_app):
    app, _ = snap_app

    async def run_before(pilot):
        await settle(pilot)
        app.filter_bar.query_one("#filter-actor", Input).value = "the Kremlin"
        app.filter_bar.query_one("#filter-when", Input).value = "2025"
        await settle(pilot)
        app.timeline.focus()
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 16), run_before=run_before)


def test_details(snap_compare, snap_app):
    app, ids = snap_app

    async def run_before(pilot):
        await settle(pilot)
        app.open_event(ids["call"])
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_add_form_with_preview(snap_compare, snap_app):
    app, _ = snap_app

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        form.query_one("#type", Select).value = "call"
        form.query_one("#actors", Input).value = "Donald Trump:initiator, Kim Jong Un:target"
        form.query_one("#when", Input).value = "March 2025"
        form.query_one("#title", Input).value = "Trump calls Kim"
        for field in form.query(Input):
            field.cursor_blink = False  # a blinking cursor is drawn or not depending on timing
        form.query_one("#title", Input).focus()
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 34), run_before=run_before)


def test_status_form(snap_compare, snap_app):
    app, ids = snap_app

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("s")  # the cursor is on the ceasefire, the first upcoming event
        await settle(pilot)
        app.screen.query_one("#effective", Input).value = "next friday"
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 26), run_before=run_before)


def test_keys_screen(snap_compare, snap_app):
    app, _ = snap_app

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 44), run_before=run_before)


def test_go_to_date(snap_compare, snap_app):
    app, _ = snap_app

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        for field in app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor is drawn or not depending on timing
        await pilot.press(*"1 march")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 20), run_before=run_before)


def test_status_form_at_80_by_24(snap_compare, snap_app):
    app, _ = snap_app

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        for field in app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor is drawn or not depending on timing
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_agenda(snap_compare, snap_app):
    app, _ = snap_app

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 24), run_before=run_before)


def test_changes(snap_compare, snap_app):
    import datetime as dt

    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from tracker.db.models import Event, StatusChange
    from tracker.db.session import unit_of_work
    from tracker.services.changes import database_user, mark_seen
    from tracker.services.events import change_status

    app, ids = snap_app
    with Session(app.engine) as s:
        mark_seen(s, database_user(s), dt.datetime(2025, 3, 2))
    with unit_of_work(app.engine) as s:
        s.execute(update(Event).values(created_at=dt.datetime(2025, 3, 1)))
        s.execute(update(StatusChange).values(recorded_at=dt.datetime(2025, 3, 1)))
    with unit_of_work(app.engine) as s:
        change_status(s, ids["ceasefire"], "postponed", note="talks stalled")
        s.flush()
        s.execute(
            update(StatusChange)
            .where(StatusChange.note == "talks stalled")
            .values(recorded_at=dt.datetime(2025, 3, 14, 8, 0))
        )

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        app.screen.query_one("#list-summary").update("Changes since you last looked")

    assert snap_compare(app, terminal_size=(120, 16), run_before=run_before)


def test_export_dialog(snap_compare, snap_app):
    app, _ = snap_app

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        app.screen.query_one("#export-path", Input).value = "~/exports/week.jsonl"
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 24), run_before=run_before)


def test_article_date_form(snap_compare, snap_app):
    app, ids = snap_app

    async def run_before(pilot):
        await settle(pilot)
        app.open_event(ids["call"])
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        date = app.screen.query_one("#article-date", Input)
        date.cursor_blink = False  # a blinking cursor is drawn or not depending on timing
        date.value = "2025-01-23"
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 26), run_before=run_before)
