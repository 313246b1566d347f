"""Identity in the app: merging two events (mark one with m, press m on the other, confirm)
and actors typed in the form (known names resolve, unknown ones need a confirmation)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from textual.widgets import Input, Static
from tui_helpers import TODAY, async_test, goto, settle, widget_text

from tracker.db.models import Event, EventMerge
from tracker.db.session import unit_of_work
from tracker.domain import When
from tracker.services.events import ActorRole, add_event, get_event
from tracker.tui.app import TrackerApp
from tracker.tui.screens.confirm import ConfirmScreen
from tracker.tui.screens.details import DetailsScreen
from tracker.tui.screens.event_form import EventForm

SIZE = (120, 40)


@async_test
async def test_mark_then_merge_from_the_details_screen(engine, seeded):
    with unit_of_work(engine) as s:
        duplicate = add_event(
            s,
            type="call",
            status="planned",
            actors=[ActorRole("Vladimir Putin"), ActorRole("Dmitry Peskov")],
            when=When(dt.date(2025, 2, 1), dt.date(2025, 2, 28), "month"),
            title="Kremlin confirms a call with Washington",
        ).id
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        total = app.timeline.total
        await goto(pilot, "Kremlin confirms a call with Washington")
        await pilot.press("m")
        await settle(pilot)
        assert app.merge_mark == duplicate
        await goto(pilot, "Trump and Putin phone call")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert f"Merge event #{duplicate} into #{seeded['call']}?" in widget_text(
            app.screen.query_one("#confirm-question")
        )
        await pilot.press("n")  # keep apart: nothing changes, the mark stays
        await settle(pilot)
        with unit_of_work(engine) as s:
            assert s.get(Event, duplicate) is not None
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        text = widget_text(app.screen.query_one("#details"))
        assert "Dmitry Peskov (participant)" in text
        assert f"merged event {duplicate}" in text
        assert app.merge_mark is None
        await pilot.press("escape")
        await settle(pilot)
        assert app.timeline.total == total - 1
    with unit_of_work(engine) as s:
        assert s.get(Event, duplicate) is None
        assert (
            s.scalar(select(EventMerge.into_id).where(EventMerge.merged_id == duplicate))
            == (seeded["call"])
        )
        kept = get_event(s, seeded["call"])
        assert kept.status == "occurred"
        assert len(kept.mentions) == 1


@async_test
async def test_m_twice_on_one_event_unmarks_it(engine, seeded):
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "EU aid package for Ukraine")
        await pilot.press("m")
        assert app.merge_mark == seeded["aid"]
        await pilot.press("m")
        await settle(pilot)
        assert app.merge_mark is None
        assert not isinstance(app.screen, ConfirmScreen)


@async_test
async def test_an_unknown_actor_is_created_only_after_confirmation(engine, seeded):
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventForm)
        form.query_one("#actors", Input).value = "Germany:initiator, Vladmir Putn:target"
        await settle(pilot)
        preview = str(form.query_one("#actors-preview", Static).render())
        assert "Germany (initiator)" in preview
        assert "Vladmir Putn (target) unknown: new actor?" in preview
        form.query_one("#title", Input).value = "Berlin calls Moscow"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "did you mean Vladimir Putin?" in widget_text(
            app.screen.query_one("#confirm-detail")
        )
        await pilot.press("n")  # go back: nothing saved, the form says why
        await settle(pilot)
        assert app.screen is form
        assert "did you mean Vladimir Putin?" in widget_text(form.query_one("#form-error"))
        with unit_of_work(engine) as s:
            assert s.scalar(select(Event).where(Event.title == "Berlin calls Moscow")) is None
        form.query_one("#actors", Input).value = "Germany:initiator, Atlantis Front:target"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert not isinstance(app.screen, (EventForm, ConfirmScreen))
    with unit_of_work(engine) as s:
        event = get_event(s, s.scalar(select(Event.id).where(Event.title == "Berlin calls Moscow")))
        actors = {
            (p.actor.name, p.actor.kind, p.actor.country, p.role) for p in event.participations
        }
        assert actors == {
            ("Germany", "state", "DE", "initiator"),
            ("Atlantis Front", "person", None, "target"),
        }
