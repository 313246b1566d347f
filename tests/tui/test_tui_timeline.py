"""The timeline: order, grouping, the today marker, paging, filters, and untrusted text."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from textual.widgets import Input, Select
from tui_helpers import EVIL, TODAY, async_test, day, screen_lines, settle, widget_text

from tracker.db.models import Event
from tracker.db.session import unit_of_work
from tracker.services.events import ActorRole, add_event
from tracker.tui.app import TrackerApp

SIZE = (120, 40)


def make_app(engine) -> TrackerApp:
    return TrackerApp(engine, today=TODAY, prewarm=False)


@async_test
async def test_rows_in_time_order_with_headings_and_today(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = screen_lines(app)
        text = "\n".join(lines)
        assert lines[0].startswith("month")
        titles = [
            "EU aid package for Ukraine",
            "US threatens sanctions on Russia",
            "EU and China trade talks",
            "Trump and Putin phone call",
            "Zelenskyy and Trump meet",
            "today · Sat 15 Mar 2025",
            "Ceasefire agreement signed",
        ]
        positions = [text.index(t) for t in titles]
        assert positions == sorted(positions)
        # precision labels, the undated marker and month headings on the first row of a month
        assert "~2025" in text and "Mar 2025" in text and "Wed 12 Feb 2025" in text
        talks = next(line for line in lines if "EU and China" in line)
        assert "? reported 24 Jan 2025" in talks
        aid = next(line for line in lines if "EU aid package" in line)
        assert aid.startswith("Nov 2024")
        # the cursor starts on the first upcoming event
        assert app.timeline.current.title == "Ceasefire agreement signed"
        assert "6 events" in str(app.filter_bar.query_one("#filter-summary").render())


@async_test
async def test_empty_database_says_so(engine):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.timeline.total == 0
        assert "No events yet" in "\n".join(screen_lines(app))


@async_test
async def test_vim_keys_move_the_cursor(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        assert app.timeline.current.title == "EU aid package for Ukraine"
        await pilot.press("j", "j")
        assert app.timeline.current.title == "EU and China trade talks"
        await pilot.press("k")
        assert app.timeline.current.title == "US threatens sanctions on Russia"
        await pilot.press("G")
        assert app.timeline.current.title == "Ceasefire agreement signed"
        await pilot.press("home")
        assert app.timeline.cursor == 0
        await pilot.press("end")
        assert app.timeline.cursor == 5


@async_test
async def test_untrusted_text_is_shown_literally(engine):
    with unit_of_work(engine) as s:
        add_event(
            s,
            type="demand",
            status="proposed",
            actors=[ActorRole("[b]Evil[/b] \x1b]8;;https://x\x07Actor")],
            when=day(2025, 3, 20),
            title=EVIL,
        )
    app = make_app(engine)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        view = app.timeline
        strips = [view.render_line(y) for y in range(view.size.height)]
        row = next(s for s in strips if "click" in s.text)
        # markup shown literally; the escape sequences dropped whole (no "[31m" remnant)
        assert "[bold red]x[/] [link=https://evil.example]click[/link] red" in row.text
        assert "[31m" not in row.text
        assert "[b]Evil[/b]" in row.text
        assert "\x1b" not in row.text and "\x07" not in row.text
        for segment in row:
            assert segment.style is None or segment.style.link is None
        # the details view too
        await pilot.press("enter")
        await settle(pilot)
        rendered = widget_text(app.screen.query_one("#details"))
        assert "[bold red]x[/] [link=https://evil.example]click[/link]" in rendered
        assert "[b]Evil[/b]" in rendered
        assert "\x1b" not in rendered and "\x07" not in rendered


@async_test
async def test_filters_update_the_list(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        bar = app.filter_bar
        bar.query_one("#filter-type", Select).value = "call"
        await settle(pilot)
        assert app.timeline.total == 1
        assert app.timeline.current.title == "Trump and Putin phone call"
        bar.query_one("#filter-type", Select).clear()
        bar.query_one("#filter-status", Select).value = "planned"
        await settle(pilot)
        assert app.timeline.total == 2  # the talks and the ceasefire (the call has occurred)
        bar.query_one("#filter-status", Select).clear()
        await settle(pilot)
        assert app.timeline.total == 6
        summary = str(bar.query_one("#filter-summary").render())
        assert "no filters" in summary


@async_test
async def test_actor_filter_with_alias_and_completion(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        assert app.focused.id == "filter-actor"
        await pilot.press(*"the kre")
        await settle(pilot)
        await pilot.press("tab")  # accepts the completion "the kremlin"
        await settle(pilot)
        assert app.query_one("#filter-actor", Input).value == "the kremlin"
        assert app.filter_bar.filter.actors == ("Russia",)
        assert app.timeline.total == 2
        summary = str(app.filter_bar.query_one("#filter-summary").render())
        assert "actor: Russia" in summary
        await pilot.press("escape")
        assert app.focused is app.timeline
        await pilot.press("x")
        await settle(pilot)
        assert app.timeline.total == 6


@async_test
async def test_unknown_actor_is_reported_not_applied(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f", *"Nobody")
        await settle(pilot)
        assert app.timeline.total == 6
        assert "no actor named 'Nobody'" in str(
            app.filter_bar.query_one("#filter-summary").render()
        )


@async_test
async def test_time_range_in_plain_language(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w", *"March 2025")
        await settle(pilot)
        assert app.filter_bar.filter.since == dt.date(2025, 3, 1)
        assert app.filter_bar.filter.until == dt.date(2025, 3, 31)
        assert app.timeline.total == 1
        summary = str(app.filter_bar.query_one("#filter-summary").render())
        assert "when: Sat 1 Mar 2025 – Mon 31 Mar 2025" in summary
        app.query_one("#filter-when", Input).value = "since 2025"
        await settle(pilot)
        assert app.timeline.total == 5
        app.query_one("#filter-when", Input).value = "blah blah"
        await settle(pilot)
        assert "time not understood" in str(app.filter_bar.query_one("#filter-summary").render())
        assert app.timeline.total == 5  # the last range that parsed still applies


@async_test
async def test_free_text_search(engine, seeded):
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"putin")
        await settle(pilot)
        assert app.timeline.total == 1
        assert app.timeline.current.title == "Trump and Putin phone call"
        await pilot.press("enter")  # back to the timeline
        assert app.focused is app.timeline
        app.query_one("#filter-text", Input).value = "tr"  # a prefix: trump, trade
        await settle(pilot)
        assert app.timeline.total == 3
        app.query_one("#filter-text", Input).value = "zzzz"
        await settle(pilot)
        assert app.timeline.total == 0
        assert "No events match" in "\n".join(screen_lines(app))


@async_test
async def test_paging_over_many_rows_is_consistent(engine):
    """500 events: every page, read by keyset or offset, lines up with the true order."""
    from bulk import bulk_events

    bulk_events(engine, 500)
    with unit_of_work(engine) as s:
        expected = list(s.scalars(select(Event.id).order_by(Event.timeline_date, Event.id)))
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.timeline
        assert view.total == 500
        seen: dict[int, int] = {}
        await pilot.press("g")
        while view.cursor < view.total - 1:
            await settle(pilot)
            for y in range(1, view.size.height):
                index = view.index_at(int(view.scroll_y) + y - 1)
                if index is not None and view.row(index) is not None:
                    seen[index] = view.row(index).id
            await pilot.press("pagedown")
        await pilot.press("G")
        await settle(pilot)
        assert view.current.id == expected[-1]
        await pilot.press("pageup", "pageup")
        await settle(pilot)
        for index in range(view.total):
            row = view.row(index)
            if row is not None:
                seen[index] = row.id
        assert len(seen) == 500
        assert all(expected[i] == event_id for i, event_id in seen.items())


@async_test
async def test_untrusted_text_in_the_palette_is_literal(engine):
    from textual.command import CommandList

    with unit_of_work(engine) as s:
        add_event(
            s,
            type="demand",
            status="proposed",
            actors=[ActorRole("[b]Evil[/b] Actor")],
            when=day(2025, 3, 20),
            title=EVIL,
        )
    app = make_app(engine)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"actor")
        await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        options = app.screen.query_one(CommandList)
        prompts = [options.get_option_at_index(i).prompt for i in range(options.option_count)]
        plain = "\n".join(getattr(p, "plain", str(p)) for p in prompts)
        assert "Actor: [b]Evil[/b] Actor" in plain
        assert "[link=https://evil.example]click[/link]" in plain
        assert "\x1b" not in plain


def test_common_word_pages_match_the_plain_plan(engine, monkeypatch):
    """A word read by walking the timeline index (matches kept in a temporary table) gives
    the same pages as the plain search, and sees events written afterwards."""
    from bulk import bulk_events

    from tracker.services import timeline as tl
    from tracker.services.query import EventFilter

    bulk_events(engine, 300)
    filt = EventFilter(text="synth rus")  # prefixes; most events mention Russia
    key = (dt.date(2010, 6, 1), 0)

    def pages(planned):
        with unit_of_work(engine) as s:
            total = tl.count_rows(s, planned)
            return (
                total,
                [r.id for r in tl.rows_from(s, planned, key, 40)],
                [r.id for r in tl.rows_before(s, planned, key, 40)],
                [r.id for r in tl.rows_after(s, planned, None, 25)],
                [r.id for r in tl.rows_before(s, planned, None, 25)],
                [r.id for r in tl.rows_at(s, planned, 50, 30, total)],
                [r.id for r in tl.rows_at(s, planned, total - 40, 30, total)],
            )

    plain = pages(filt)
    monkeypatch.setattr(tl, "WALK_MIN", 0)
    with unit_of_work(engine) as s:
        planned = tl.plan(s, filt)
    if engine.dialect.name == "sqlite":
        assert planned.walk_text and planned.text_matches == plain[0]
    assert pages(planned) == plain
    assert plain[0] > 60 and all(plain[1:])

    with unit_of_work(engine) as s:
        new = add_event(
            s,
            type="talks",
            status="planned",
            actors=[ActorRole("Russia"), ActorRole("China")],
            when=day(2010, 6, 1),
            title="Synthetic Russia talks, written later",
        ).id
    with unit_of_work(engine) as s:
        planned = tl.plan(s, filt)
        assert planned.text_matches in (None, plain[0] + 1)
    assert tl.rows_from(s, planned, key, 1)[0].id == new  # the cached matches were renewed


def test_a_stale_reader_is_interrupted(engine):
    from tracker.services import timeline as tl
    from tracker.services.query import EventFilter

    if engine.dialect.name != "sqlite":
        return
    from bulk import bulk_events

    bulk_events(engine, 300)
    with unit_of_work(engine) as s:
        try:
            tl.plan(s, EventFilter(text="synthetic"), lambda: True)
        except tl.Interrupted:
            pass
        else:
            raise AssertionError("not interrupted")
        # and the next reader is not disturbed
        assert tl.plan(s, EventFilter(text="synthetic")).text_matches == 300


@async_test
async def test_changes_by_another_program_show_up(engine, seeded, monkeypatch):
    """The CLI writes to the database while the timeline is open: the page follows."""
    from tracker.services.events import change_status
    from tracker.tui.widgets.timeline import TimelineView

    monkeypatch.setattr(TimelineView, "WATCH_INTERVAL", 0.1)
    app = make_app(engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.timeline
        await pilot.press("k")  # onto "Zelenskyy and Trump meet in Washington"
        await settle(pilot)
        current = view.current
        assert current.title.startswith("Zelenskyy")
        line = view.line_of(view.cursor) - int(view.scroll_y)
        with unit_of_work(engine) as s:  # another program, through the services
            add_event(
                s,
                type="meeting",
                status="planned",
                actors=[ActorRole("Donald Trump"), ActorRole("Xi Jinping")],
                when=day(2025, 1, 5),
                title="Trump and Xi meet in Beijing",
            )

        async def until(predicate) -> None:
            for _ in range(60):
                await pilot.pause(0.1)
                if predicate():
                    return
            raise AssertionError("\n".join(screen_lines(app)))

        await until(lambda: any("Trump and Xi" in text for text in screen_lines(app)))
        await settle(pilot)
        assert view.total == 7
        # the cursor stays on the same event (a line lower: the new one is above, all fit)
        assert view.current.id == current.id
        assert view.line_of(view.cursor) - int(view.scroll_y) == line + 1
        if engine.dialect.name == "sqlite":  # PostgreSQL's counters may take a second
            with unit_of_work(engine) as s:
                change_status(s, current.id, "cancelled", note="called off")
            await until(lambda: view.current is not None and view.current.status == "cancelled")
            assert view.current.id == current.id
