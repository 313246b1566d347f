"""Every flow through the app, asserted on the database and on the screen."""

from __future__ import annotations

import datetime as dt
import sys
import types

from sqlalchemy import func, select
from textual.widgets import Input, Select, Static
from tui_helpers import TODAY, async_test, screen_lines, settle, widget_text

from tracker.db.models import Actor, Event, StatusChange
from tracker.db.session import unit_of_work
from tracker.services.events import edit_event, get_event
from tracker.tui.app import TrackerApp
from tracker.tui.screens.details import DetailsScreen
from tracker.tui.screens.event_form import EventForm
from tracker.tui.screens.keys import KeysScreen
from tracker.tui.screens.status_form import StatusForm

SIZE = (120, 40)


def make_app(engine) -> TrackerApp:
    return TrackerApp(engine, today=TODAY, prewarm=False)


def count(engine, model=Event) -> int:
    with unit_of_work(engine) as s:
        return s.scalar(select(func.count()).select_from(model))


async def goto(pilot, title: str) -> None:
    """Put the timeline cursor on the event with ``title``."""
    app = pilot.app
    await pilot.press("home")
    for _ in range(app.timeline.total):
        if app.timeline.current.title == title:
            return
        await pilot.press("j")
    raise AssertionError(f"{title!r} is not on the timeline")


def type_into(form, widget_id: str, value: str) -> None:
    form.query_one(f"#{widget_id}", Input).value = value


@async_test
async def test_open_details_shows_actors_mentions_and_history(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "Trump and Putin phone call")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        text = widget_text(app.screen.query_one("#details"))
        assert "Donald Trump (initiator), Vladimir Putin (target)" in text
        assert "Wed 12 Feb 2025" in text
        assert "Trump and Putin's Anticipated Dialogue  (Fri 24 Jan 2025)" in text
        assert "Both leaders have voiced readiness for an initial phone call." in text
        assert "new → planned" in text
        assert "planned → occurred" in text
        assert "note: the call took place" in text
        assert text.index("new → planned") < text.index("planned → occurred")
        await pilot.press("escape")
        assert not isinstance(app.screen, DetailsScreen)
        assert app.timeline.current.title == "Trump and Putin phone call"


@async_test
async def test_undated_event_details_say_so(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "EU and China trade talks")
        await pilot.press("enter")
        await settle(pilot)
        text = widget_text(app.screen.query_one("#details"))
        assert "date unknown — reported Fri 24 Jan 2025" in text


@async_test
async def test_add_event_with_new_actor_and_plain_language_date(engine, seeded):
    before = count(engine)
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventForm)
        form.query_one("#type", Select).value = "meeting"
        form.query_one("#status", Select).value = "planned"
        form.query_one("#actors", Input).focus()
        await pilot.press(*"Donald T")
        await settle(pilot)
        await pilot.press("tab")  # completes "Donald Trump"
        assert form.query_one("#actors", Input).value == "Donald Trump"
        actors = form.query_one("#actors", Input)
        actors.value += ":initiator, Kim Jong Un:target"
        await settle(pilot)
        preview = str(form.query_one("#actors-preview", Static).render())
        assert "Donald Trump (initiator)" in preview
        # not in the database yet, but the gazetteer knows him: no new actor
        assert "Kim Jong Un (target)" in preview and "new actor" not in preview
        type_into(form, "when", "next tuesday")
        await settle(pilot)
        when_preview = str(form.query_one("#when-preview", Static).render())
        assert "18 Mar 2025 · precision day" in when_preview
        type_into(form, "title", "Trump meets Kim")
        type_into(form, "note", "from a briefing")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EventForm)
        assert count(engine) == before + 1
        # the new event is on screen, under the cursor
        assert app.timeline.current.title == "Trump meets Kim"
        assert any("Trump meets Kim" in line for line in screen_lines(app))
    with unit_of_work(engine) as s:
        event = s.scalar(select(Event).where(Event.title == "Trump meets Kim"))
        loaded = get_event(s, event.id)
        assert (loaded.when_start, loaded.precision) == (dt.date(2025, 3, 18), "day")
        assert {(p.actor.name, p.role) for p in loaded.participations} == {
            ("Donald Trump", "initiator"),
            ("Kim Jong Un", "target"),
        }
        assert loaded.status_changes[0].note == "from a briefing"
        assert s.scalar(select(func.count()).select_from(Actor).where(Actor.name == "Kim Jong Un"))


@async_test
async def test_invalid_form_saves_nothing(engine, seeded):
    before = count(engine)
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        type_into(form, "actors", "Donald Trump:boss")
        type_into(form, "when", "the day after never")
        await settle(pilot)
        assert "not a date I understand" in str(form.query_one("#when-preview", Static).render())
        assert "unknown role" in str(form.query_one("#actors-preview", Static).render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EventForm)
        assert "Not saved" in str(form.query_one("#form-error", Static).render())
        assert count(engine) == before
        # Escape on a changed form asks first; "n" keeps editing, "y" discards
        await pilot.press("escape")
        await pilot.press("n")
        assert isinstance(app.screen, EventForm)
        await pilot.press("escape")
        await pilot.press("y")
        assert not isinstance(app.screen, EventForm)
        assert count(engine) == before


@async_test
async def test_edit_event(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "Ceasefire agreement signed")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventForm)
        assert form.query_one("#actors", Input).value == "Russia:participant, Ukraine:participant"
        assert form.query_one("#when", Input).value == "Tue 3 Jun 2025"
        type_into(form, "title", "Ceasefire signed in Istanbul")
        type_into(form, "when", "July 2025")
        type_into(form, "notes", "check the [i]signing[/i] date")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EventForm)
        assert app.timeline.current.title == "Ceasefire signed in Istanbul"
        row = next(line for line in screen_lines(app) if "Istanbul" in line)
        assert "Jul 2025" in row
        await pilot.press("enter")
        await settle(pilot)
        text = widget_text(app.screen.query_one("#details"))
        assert "Notes    check the [i]signing[/i] date" in text
    with unit_of_work(engine) as s:
        event = get_event(s, seeded["ceasefire"])
        assert event.title == "Ceasefire signed in Istanbul"
        assert (event.when_start, event.precision) == (dt.date(2025, 7, 1), "month")
        assert event.type == "agreement"  # untouched fields stay
        assert event.notes == "check the [i]signing[/i] date"


@async_test
async def test_conflicting_edit_is_shown_not_overwritten(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "Ceasefire agreement signed")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        # someone else edits the event while the form is open
        with unit_of_work(engine) as s:
            edit_event(s, seeded["ceasefire"], title="Ceasefire collapses")
        type_into(form, "title", "My title")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EventForm)
        message = str(form.query_one("#form-error", Static).render())
        assert "Changed by someone else" in message
        assert "Ceasefire collapses" in message  # the fresh data
        with unit_of_work(engine) as s:
            assert get_event(s, seeded["ceasefire"]).title == "Ceasefire collapses"
        # a second, informed save overwrites
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EventForm)
        with unit_of_work(engine) as s:
            assert get_event(s, seeded["ceasefire"]).title == "My title"


@async_test
async def test_change_status_appends_history(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "Ceasefire agreement signed")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, StatusForm)
        form.query_one("#new-status", Select).value = "postponed"
        type_into(form, "effective", "yesterday")
        type_into(form, "status-note", "talks broke down")
        await settle(pilot)
        preview = str(form.query_one("#effective-preview", Static).render())
        assert "14 Mar 2025" in preview
        await pilot.press("ctrl+s")
        await settle(pilot)
        # back on the details, refreshed
        assert isinstance(app.screen, DetailsScreen)
        text = widget_text(app.screen.query_one("#details"))
        assert "planned → postponed" in text
        assert "note: talks broke down" in text
        await pilot.press("escape")
        await settle(pilot)
        row = next(line for line in screen_lines(app) if "Ceasefire" in line)
        assert "postponed" in row
    with unit_of_work(engine) as s:
        event = get_event(s, seeded["ceasefire"])
        assert event.status == "postponed"
        last = event.status_changes[-1]
        assert (last.from_status, last.to_status, last.effective_at, last.note) == (
            "planned",
            "postponed",
            dt.date(2025, 3, 14),
            "talks broke down",
        )


@async_test
async def test_status_conflict_is_shown(engine, seeded):
    from tracker.services.events import change_status

    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "Ceasefire agreement signed")
        await pilot.press("s")
        await settle(pilot)
        form = app.screen
        with unit_of_work(engine) as s:
            change_status(s, seeded["ceasefire"], "cancelled", note="elsewhere")
        changes = count(engine, StatusChange)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StatusForm)
        message = str(form.query_one("#status-error", Static).render())
        assert "Changed by someone else" in message and "cancelled" in message
        assert count(engine, StatusChange) == changes


@async_test
async def test_delete_asks_first(engine, seeded):
    before = count(engine)
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "EU aid package for Ukraine")
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert count(engine) == before
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert count(engine) == before - 1
        assert app.timeline.total == before - 1
        assert not any("EU aid package" in line for line in screen_lines(app))


@async_test
async def test_q_in_a_form_does_not_quit(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one("#title", Input).focus()
        await pilot.press("q", "a", "s", "d")
        assert isinstance(app.screen, EventForm)
        assert app.screen.query_one("#title", Input).value == "qasd"


@async_test
async def test_palette_jumps_to_an_actor(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Zelensk")
        await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.filter_bar.filter.actors == ("Volodymyr Zelenskyy",)
        assert app.timeline.total == 1


@async_test
async def test_palette_opens_an_event(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"ceasefire")
        await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        assert app.screen.event_id == seeded["ceasefire"]


@async_test
async def test_palette_opens_an_event_by_its_id_and_follows_a_merge(engine, seeded):
    """The ids the command line and the app's messages give ("event 6 was merged into 2",
    "Added event #7") can be typed in the palette."""
    from tracker.services.events import merge_events

    with unit_of_work(engine) as s:
        merge_events(s, seeded["talks"], seeded["ceasefire"])  # the ceasefire goes into the talks
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        for typed, opened in (
            (f"#{seeded['aid']}", seeded["aid"]),
            (str(seeded["call"]), seeded["call"]),
            (str(seeded["ceasefire"]), seeded["talks"]),
        ):
            await settle(pilot)
            await pilot.press("ctrl+p")
            await pilot.press(*typed)
            await settle(pilot)
            await pilot.pause(0.3)
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, DetailsScreen), typed
            assert app.screen.event_id == opened
            await pilot.press("escape")


@async_test
async def test_ingest_from_inside_the_app(engine, seeded, monkeypatch):
    """The ingest dialog drives tracker.services.ingest and reloads the timeline."""
    from tracker.services.events import ActorRole, add_event

    calls = []

    def ingest_paths(engine_, specs, published=None, progress=None):
        calls.append(specs)
        with unit_of_work(engine_) as s:
            add_event(
                s,
                type="criticism",
                status="occurred",
                actors=[ActorRole("Donald Trump")],
                when=None,
                title="Trump criticises [red]Zelenskyy[/red]",
                timeline_fallback=dt.date(2025, 3, 10),
            )
        outcome = types.SimpleNamespace(title="An article")
        if progress:
            progress(1, 2, outcome)
            progress(2, 2, outcome)
        return types.SimpleNamespace(summary=lambda: "2 articles read, 1 new event")

    fake = types.ModuleType("tracker.services.ingest")
    fake.ingest_paths = ingest_paths
    monkeypatch.setitem(sys.modules, "tracker.services.ingest", fake)
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press(*"/corpus/*.txt", "enter")
        await settle(pilot)
        assert calls == [["/corpus/*.txt"]]
        assert "2 articles read, 1 new event" in str(
            app.screen.query_one("#ingest-log", Static).render()
        )
        await pilot.press("escape")
        await settle(pilot)
        assert app.timeline.total == 7
        assert any("Trump criticises [red]Zelenskyy[/red]" in line for line in screen_lines(app))


@async_test
async def test_help_lists_the_keys_and_today_jumps_back(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, KeysScreen)
        text = widget_text(app.screen.query_one("#keys-table"))
        lines = [line.strip() for line in text.splitlines()]
        # the app's own keys come first, Textual's generic ones last
        assert lines[0] == "Timeline"
        assert lines.index("Events") < lines.index("Everywhere (Textual)")
        assert any(line.startswith("g ") and "go to a date" in line for line in lines)
        assert any(line.startswith("u ") and "undo" in line for line in lines)
        assert any(line.startswith("home") for line in lines)
        assert text.index("add an event") < text.index("tab / shift+tab")
        await pilot.press("question_mark")
        await settle(pilot)
        assert not isinstance(app.screen, KeysScreen)
        await pilot.press("home")
        assert app.timeline.cursor == 0
        await pilot.press("full_stop")
        assert app.timeline.current.title == "Ceasefire agreement signed"


@async_test
async def test_delete_of_an_event_changed_meanwhile_is_refused(engine, seeded):
    before = count(engine)
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, "EU aid package for Ukraine")
        await pilot.press("d")
        await settle(pilot)
        with unit_of_work(engine) as s:
            edit_event(s, seeded["aid"], title="EU aid package, revised")
        await pilot.press("y")
        await settle(pilot)
        assert count(engine) == before
        assert any("revised" in line for line in screen_lines(app))


@async_test
async def test_status_form_defaults_to_the_likely_next_status(engine, seeded):
    from tracker.services.events import change_status

    with unit_of_work(engine) as s:
        change_status(s, seeded["meeting"], "postponed", note="moved")
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for title, current, expected in (
            # planned for 3 Jun 2025, today 15 Mar: not "occurred" before its time
            ("Ceasefire agreement signed", "planned", "postponed"),
            ("Trump and Putin phone call", "occurred", "cancelled"),
            ("US threatens sanctions on Russia", "threatened", "occurred"),
            ("Zelenskyy and Trump meet in Washington", "postponed", "planned"),
            ("EU aid package for Ukraine", "occurred", "cancelled"),
        ):
            await goto(pilot, title)
            await pilot.press("s")
            await settle(pilot)
            form = app.screen
            assert isinstance(form, StatusForm)
            assert form.query_one("#new-status", Select).value == expected
            # the current status stays in sight, next to the choice
            assert f"now {current}" in str(form.query_one("#current-status").render())
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, StatusForm)
