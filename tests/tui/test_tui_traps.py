"""The traps found by trying the app: focus, widths, jumping to a date, undo, the keys."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from textual.widgets import Button, Input, Select, Static
from tui_helpers import TODAY, async_test, goto, screen_lines, settle, widget_text

from tracker.db.models import Event, Mention
from tracker.db.session import unit_of_work
from tracker.services.events import change_status, edit_event, get_event
from tracker.tui.app import TrackerApp
from tracker.tui.screens.event_form import EventForm
from tracker.tui.screens.goto import GoToDateScreen
from tracker.tui.screens.status_form import StatusForm
from tracker.tui.widgets.timeline import TimelineView

SIZE = (120, 40)


def make_app(engine) -> TrackerApp:
    return TrackerApp(engine, today=TODAY, prewarm=False)


@async_test
async def test_tab_completes_the_actor_and_returns_to_the_timeline(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f", *"Vlad")
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        assert app.filter_bar.query_one("#filter-actor", Input).value == "Vladimir Putin"
        assert isinstance(app.focused, TimelineView)
        assert app.filter_bar.filter.actors == ("Vladimir Putin",)
        # j now moves the cursor instead of typing into the filter
        await pilot.press("j")
        assert app.filter_bar.query_one("#filter-actor", Input).value == "Vladimir Putin"


@async_test
async def test_keys_typed_at_start_reach_the_timeline(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "k")  # before the first rows are in
        await settle(pilot)
        assert isinstance(app.focused, TimelineView)
        assert app.filter_bar.query_one("#filter-actor", Input).value == ""


@async_test
async def test_roles_are_shown_initiator_to_target(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = next(line for line in screen_lines(app) if "EU aid package" in line)
        assert "European Union → Ukraine" in row
        row = next(line for line in screen_lines(app) if "Ceasefire" in line)
        assert "Russia, Ukraine" in row  # participants: no arrow


@async_test
async def test_wide_terminal_gives_the_actors_room(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=(180, 20)) as pilot:
        await settle(pilot)
        lines = screen_lines(app)
        assert "actors: initiator → target" in lines[0]
        assert any("Volodymyr Zelenskyy, Donald Trump" in line for line in lines)


@async_test
async def test_everything_fits_at_80_by_24(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for widget in app.filter_bar.query("#filter-inputs > *"):
            region = widget.region
            assert region.width >= 10, widget.id
            assert region.right <= 80, widget.id
        await goto(pilot, "Ceasefire agreement signed")
        for key, form_type in (("s", StatusForm), ("e", EventForm)):
            await pilot.press(key)
            await settle(pilot)
            form = app.screen
            assert isinstance(form, form_type)
            save = form.query_one("#save", Button)
            save.scroll_visible(animate=False)
            await settle(pilot)
            assert save.region.bottom <= 24 and save.region.right <= 80
            assert save.region.height > 0
            await pilot.press("escape")
            await settle(pilot)


@async_test
async def test_escape_after_a_conflict_drops_the_values_as_the_hint_says(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "Ceasefire agreement signed")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        with unit_of_work(engine) as s:
            edit_event(s, seeded["ceasefire"], title="Ceasefire collapses")
        form.query_one("#title", Input).value = "My title"
        await pilot.press("ctrl+s")
        await settle(pilot)
        hint = str(form.query_one("#form-error", Static).render())
        assert "Esc to drop them" in hint
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, EventForm)  # closed, no "discard?" question
        assert len(app.screen_stack) == 1
        with unit_of_work(engine) as s:
            assert get_event(s, seeded["ceasefire"]).title == "Ceasefire collapses"
        assert any("Ceasefire collapses" in line for line in screen_lines(app))


@async_test
async def test_g_jumps_to_a_typed_date_and_home_to_the_top(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, GoToDateScreen)
        await pilot.press(*"10 feb 2025")
        await settle(pilot)
        preview = str(app.screen.query_one("#goto-preview", Static).render())
        assert "Mon 10 Feb 2025" in preview
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, GoToDateScreen)
        # the first event on or after that day
        assert app.timeline.current.title == "Trump and Putin phone call"
        await pilot.press("home")
        assert app.timeline.cursor == 0
        # a date not understood keeps the dialog open; Esc leaves the cursor where it was
        await pilot.press("g", *"blurgh", "enter")
        await settle(pilot)
        assert isinstance(app.screen, GoToDateScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.timeline.cursor == 0


@async_test
async def test_undo_takes_back_a_status_change_with_a_new_one(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "Ceasefire agreement signed")
        await pilot.press("s")
        await settle(pilot)
        app.screen.query_one("#new-status", Select).value = "postponed"
        await pilot.press("ctrl+s")
        await settle(pilot)
        with unit_of_work(engine) as s:
            assert get_event(s, seeded["ceasefire"]).status == "postponed"
        await pilot.press("u")
        await settle(pilot)
        with unit_of_work(engine) as s:
            event = get_event(s, seeded["ceasefire"])
            assert event.status == "planned"
            # history is append-only: the undo is a third entry
            assert [(c.from_status, c.to_status) for c in event.status_changes] == [
                (None, "planned"),
                ("planned", "postponed"),
                ("postponed", "planned"),
            ]
        row = next(line for line in screen_lines(app) if "Ceasefire" in line)
        assert "planned" in row
        await pilot.press("u")  # nothing left: a message, no change
        await settle(pilot)
        with unit_of_work(engine) as s:
            assert len(get_event(s, seeded["ceasefire"]).status_changes) == 3


async def _set_status(pilot, title: str, status: str, effective: str) -> None:
    app = pilot.app
    await goto(pilot, title)
    await pilot.press("s")
    await settle(pilot)
    assert isinstance(app.screen, StatusForm)
    app.screen.query_one("#new-status", Select).value = status
    await settle(pilot)
    app.screen.query_one("#effective", Input).value = effective
    await settle(pilot)
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert not isinstance(app.screen, StatusForm)


@async_test
async def test_undo_of_a_change_that_moved_the_event_moves_it_back(engine, seeded):
    app = make_app(engine)  # today 15 Mar 2025; the ceasefire is planned for 3 Jun 2025
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _set_status(pilot, "Ceasefire agreement signed", "occurred", "yesterday")
        with unit_of_work(engine) as s:
            event = get_event(s, seeded["ceasefire"])
            assert (event.status, event.when_start) == ("occurred", dt.date(2025, 3, 14))
        await pilot.press("u")
        await settle(pilot)
        with unit_of_work(engine) as s:
            event = get_event(s, seeded["ceasefire"])
            # planned again, and for its own time: not left overdue on the 14th
            assert event.status == "planned"
            assert (event.when_start, event.precision) == (dt.date(2025, 6, 3), "day")
            assert event.status_changes[-1].note == "undo: back to planned, Tue 3 Jun 2025"
        row = next(line for line in screen_lines(app) if "Ceasefire" in line)
        assert "3 Jun 2025" in row and "planned" in row


@async_test
async def test_undo_back_to_occurred_leaves_the_event_where_it_happened(engine, seeded):
    app = make_app(engine)  # the EU aid package occurred on 5 Nov 2024
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _set_status(pilot, "EU aid package for Ukraine", "cancelled", "today")
        await pilot.press("u")
        await settle(pilot)
        with unit_of_work(engine) as s:
            event = get_event(s, seeded["aid"])
            assert event.status == "occurred"
            assert (event.when_start, event.precision) == (dt.date(2024, 11, 5), "day")
            assert event.status_changes[-1].previous_when_start is None


@async_test
async def test_undo_takes_back_an_edit(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "Ceasefire agreement signed")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        form.query_one("#title", Input).value = "Ceasefire signed in Istanbul"
        form.query_one("#actors", Input).value = "Russia:initiator, Turkey:target"
        form.query_one("#when", Input).value = "July 2025"
        await pilot.press("ctrl+s")
        await settle(pilot)
        with unit_of_work(engine) as s:
            assert get_event(s, seeded["ceasefire"]).title == "Ceasefire signed in Istanbul"
        await pilot.press("u")
        await settle(pilot)
        with unit_of_work(engine) as s:
            event = get_event(s, seeded["ceasefire"])
            assert event.title == "Ceasefire agreement signed"
            assert [(p.actor.name, p.role) for p in event.participations] == [
                ("Russia", "participant"),
                ("Ukraine", "participant"),
            ]
            assert (event.when_start, event.precision) == (dt.date(2025, 6, 3), "day")


@async_test
async def test_undo_of_a_change_made_meanwhile_elsewhere_is_refused(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "Ceasefire agreement signed")
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        with unit_of_work(engine) as s:
            change_status(s, seeded["ceasefire"], "cancelled", note="elsewhere")
        await pilot.press("u")
        await settle(pilot)
        with unit_of_work(engine) as s:
            assert get_event(s, seeded["ceasefire"]).status == "cancelled"


@async_test
async def test_undo_restores_a_deleted_event_whole(engine, seeded):
    with unit_of_work(engine) as s:
        before = get_event(s, seeded["call"])
        history = [(c.from_status, c.to_status, c.note) for c in before.status_changes]
        sentences = [m.sentence for m in before.mentions]
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "Trump and Putin phone call")
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        with unit_of_work(engine) as s:
            assert s.get(Event, seeded["call"]) is None
        await pilot.press("u")
        await settle(pilot)
        with unit_of_work(engine) as s:
            event = get_event(s, seeded["call"])
            assert event.title == "Trump and Putin phone call"
            assert [(p.actor.name, p.role) for p in event.participations] == [
                ("Donald Trump", "initiator"),
                ("Vladimir Putin", "target"),
            ]
            assert [(c.from_status, c.to_status, c.note) for c in event.status_changes] == history
            assert [m.sentence for m in event.mentions] == sentences
            assert s.scalar(select(func.count()).select_from(Mention)) == 1
        # found again by free-text search (the search index follows the restored row)
        app.filter_bar.query_one("#filter-text", Input).value = "phone"
        await settle(pilot)
        assert app.timeline.total == 1
        assert app.timeline.current.title == "Trump and Putin phone call"


def _fully_shown(screen, widget) -> bool:
    """Every line of ``widget`` is on screen (not clipped by the dialog or the terminal)."""
    placed = screen._compositor.visible_widgets.get(widget)  # (region, clip) when visible
    return placed is not None and placed[1].contains_region(placed[0])


@async_test
async def test_at_80x24_a_forms_conflict_message_and_its_buttons_are_in_view(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "Ceasefire agreement signed")
        await pilot.press("s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, StatusForm)
        with unit_of_work(engine) as s:
            change_status(s, seeded["ceasefire"], "cancelled", note="elsewhere")
        await pilot.press("ctrl+s")
        await settle(pilot)
        message = form.query_one("#status-error", Static)
        assert "Press Save again" in str(message.render())
        assert _fully_shown(form, message) and _fully_shown(form, form.query_one("#save"))
        await pilot.press("escape")
        await settle(pilot)
        # the edit form: the same after a conflict, and after a value it cannot save
        await goto(pilot, "Ceasefire agreement signed")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventForm)
        with unit_of_work(engine) as s:
            edit_event(s, seeded["ceasefire"], title="Renamed elsewhere")
        form.query_one("#title", Input).value = "Mine"
        await pilot.press("ctrl+s")
        await settle(pilot)
        message = form.query_one("#form-error", Static)
        assert "Renamed elsewhere" in str(message.render())
        assert _fully_shown(form, message) and _fully_shown(form, form.query_one("#save"))


@async_test
async def test_the_ingest_dialog_lists_every_failure_and_its_buttons_stay_reachable(
    engine, seeded, tmp_path
):
    for i in range(20):
        (tmp_path / f"scan{i:02d}.txt").write_bytes(b"a\x00b")  # binary: each one fails
    app = make_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#ingest-path", Input).value = str(tmp_path)
        await pilot.press("enter")
        await settle(pilot)
        log = dialog.query_one("#ingest-log", Static)
        shown = widget_text(log)
        assert "20 failed" in shown
        # no failure is cut off: the last one is drawn too
        assert all(f"scan{i:02d}.txt" in shown for i in range(20)), shown
        for _ in range(10):  # the dialog scrolls from the path field to its buttons
            await pilot.press("pagedown")
        await settle(pilot)
        assert _fully_shown(dialog, dialog.query_one("#close", Button))


@async_test
async def test_a_type_or_status_chosen_with_the_keys_hands_the_keys_back_to_the_timeline(
    engine, seeded
):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # t / S open the list; the first entry is "any"
        await pilot.press("t", "down", "enter")
        await settle(pilot)
        assert app.filter_bar.filter.types == ("call",)
        assert isinstance(app.focused, TimelineView)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("S", "down", "down", "enter")
        await settle(pilot)
        assert app.filter_bar.filter.statuses == ("planned",)
        assert isinstance(app.focused, TimelineView)
        # the moving keys move the cursor instead of being swallowed by the select
        await pilot.press("home")
        assert app.timeline.cursor == 0
        await pilot.press("j")
        assert app.timeline.cursor == 1
