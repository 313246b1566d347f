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
