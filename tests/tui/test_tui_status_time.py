"""The status form and time: the preview says when a change moves the event, an occurred
time in the future is refused before saving, the default status follows the date."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Checkbox, Input, Select, Static
from tui_helpers import TODAY, async_test, settle, widget_text

from tracker.db.session import unit_of_work
from tracker.services.events import event_when, get_event, previous_when
from tracker.tui.app import TrackerApp
from tracker.tui.screens.details import DetailsScreen
from tracker.tui.screens.status_form import StatusForm

SIZE = (120, 40)


async def open_status_form(pilot, title: str) -> StatusForm:
    app = pilot.app
    await settle(pilot)
    await pilot.press("home")
    for _ in range(app.timeline.total):
        if app.timeline.current.title == title:
            break
        await pilot.press("j")
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("s")
    await settle(pilot)
    assert isinstance(app.screen, StatusForm)
    return app.screen


def text_of(form: StatusForm, widget_id: str) -> str:
    return str(form.query_one(f"#{widget_id}", Static).render())


@async_test
async def test_occurred_before_the_planned_time_moves_the_event(engine, seeded):
    app = TrackerApp(engine, today=TODAY, prewarm=False)  # 15 Mar 2025
    async with app.run_test(size=SIZE) as pilot:
        form = await open_status_form(pilot, "Ceasefire agreement signed")  # planned 3 Jun
        assert form.query_one("#new-status", Select).value == "postponed"
        assert form.query_one("#effective", Input).value == "today"
        form.query_one("#new-status", Select).value = "occurred"
        form.query_one("#effective", Input).value = "yesterday"
        await settle(pilot)
        assert "Fri 14 Mar 2025" in text_of(form, "effective-preview")
        assert "moves the event from Tue 3 Jun 2025 to Fri 14 Mar 2025" in text_of(
            form, "time-preview"
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        details = widget_text(app.screen.query_one("#details"))
        assert "planned for Tue 3 Jun 2025, occurred Fri 14 Mar 2025" in details
    with unit_of_work(engine) as s:
        event = get_event(s, seeded["ceasefire"])
        assert event_when(event).start == dt.date(2025, 3, 14)
        assert previous_when(event.status_changes[-1]).start == dt.date(2025, 6, 3)


@async_test
async def test_occurred_in_the_future_is_refused_and_keep_time_is_offered(engine, seeded):
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_status_form(pilot, "Ceasefire agreement signed")
        form.query_one("#new-status", Select).value = "occurred"
        form.query_one("#effective", Input).value = "tomorrow"
        await settle(pilot)
        assert "cannot have occurred in the future" in text_of(form, "effective-preview")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StatusForm)
        assert "Not saved" in text_of(form, "status-error")
        form.query_one("#effective", Input).value = "yesterday"
        form.query_one("#keep-time", Checkbox).value = True
        await settle(pilot)
        assert "keeps its time, Tue 3 Jun 2025" in text_of(form, "time-preview")
        await pilot.press("ctrl+s")
        await settle(pilot)
    with unit_of_work(engine) as s:
        event = get_event(s, seeded["ceasefire"])
        assert event.status == "occurred"
        assert event_when(event).start == dt.date(2025, 6, 3)


@async_test
async def test_once_its_time_has_come_occurred_is_proposed_at_that_time(engine, seeded):
    app = TrackerApp(engine, today=dt.date(2025, 6, 5), prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_status_form(pilot, "Ceasefire agreement signed")
        assert form.query_one("#new-status", Select).value == "occurred"
        assert form.query_one("#effective", Input).value == "Tue 3 Jun 2025"
        await settle(pilot)
        assert "keeps its time" in text_of(form, "time-preview")
        # another status: the change takes effect today, the field follows while untouched
        form.query_one("#new-status", Select).value = "cancelled"
        await settle(pilot)
        assert form.query_one("#effective", Input).value == "today"


@async_test
async def test_the_add_form_reads_a_month_forward_for_a_planned_event(engine, seeded):
    from tracker.tui.screens.event_form import EventForm

    app = TrackerApp(engine, today=TODAY, prewarm=False)  # 15 Mar 2025
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventForm)
        form.query_one("#status", Select).value = "planned"
        form.query_one("#when", Input).value = "early March"
        await settle(pilot)
        preview = str(form.query_one("#when-preview", Static).render())
        assert "early Mar 2026 · precision month" in preview  # 1-10 March 2025 is over
        assert "Sun 1 Mar 2026 – Tue 10 Mar 2026" in preview
        form.query_one("#status", Select).value = "occurred"  # the preview follows the status
        await settle(pilot)
        preview = str(form.query_one("#when-preview", Static).render())
        assert "early Mar 2025" in preview
        form.query_one("#status", Select).value = "planned"
        form.query_one("#when", Input).value = "Q2"
        form.query_one("#actors", Input).value = "Donald Trump"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EventForm)
    from sqlalchemy import select

    from tracker.db.models import Event

    with unit_of_work(engine) as s:
        event = s.scalars(select(Event).order_by(Event.id.desc())).first()
        assert (event.when_start, event.when_end, event.precision) == (
            dt.date(2025, 4, 1), dt.date(2025, 6, 30), "quarter"
        )


@async_test
async def test_the_add_form_refuses_an_occurred_event_in_the_future(engine, seeded):
    from tracker.tui.screens.event_form import EventForm

    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        total = app.timeline.total
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        form.query_one("#status", Select).value = "occurred"
        form.query_one("#when", Input).value = "next Friday"
        form.query_one("#actors", Input).value = "Donald Trump"
        await settle(pilot)
        assert "cannot have occurred in the future" in widget_text(form.query_one("#when-preview"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EventForm)  # not saved: the form says why
        assert "cannot have occurred in the future" in widget_text(form.query_one("#form-error"))
        form.query_one("#status", Select).value = "planned"  # a plan for Friday is fine
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EventForm)
        assert app.timeline.total == total + 1


@async_test
async def test_an_undated_event_marked_occurred_stays_undated_unless_a_time_is_typed(
    engine, seeded
):
    """As `tracker status ID occurred`: the form's proposed "today" is no time given."""
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_status_form(pilot, "EU and China trade talks")  # no time known
        form.query_one("#new-status", Select).value = "occurred"
        await settle(pilot)
        assert form.query_one("#effective", Input).value == "today"
        assert "stays undated" in text_of(form, "time-preview")
        assert "moves" not in text_of(form, "time-preview")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
    with unit_of_work(engine) as s:
        event = get_event(s, seeded["talks"])
        assert event.status == "occurred" and event_when(event) is None
        assert event.status_changes[-1].effective_at == TODAY
    # a time typed is a time given: it dates the event
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_status_form(pilot, "EU and China trade talks")
        form.query_one("#new-status", Select).value = "cancelled"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = await open_status_form(pilot, "EU and China trade talks")
        form.query_one("#new-status", Select).value = "occurred"
        form.query_one("#effective", Input).value = "yesterday"
        await settle(pilot)
        assert "moves the event from time unknown to Fri 14 Mar 2025" in text_of(
            form, "time-preview"
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
    with unit_of_work(engine) as s:
        assert event_when(get_event(s, seeded["talks"])).start == dt.date(2025, 3, 14)
