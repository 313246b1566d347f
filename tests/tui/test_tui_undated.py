"""The timeline's undated section: after the dated events, under its own heading."""

from __future__ import annotations

from textual.widgets import Input
from tui_helpers import TODAY, async_test, screen_lines, settle

from tracker.db.session import unit_of_work
from tracker.domain import UNDATED
from tracker.services.events import ActorRole, add_event
from tracker.tui.app import TrackerApp

SIZE = (120, 40)


def add_undated(engine, *titles: str) -> list[int]:
    with unit_of_work(engine) as s:
        return [
            add_event(
                s,
                type="talks",
                status="planned",
                actors=[ActorRole("Iran"), ActorRole("Oman")],
                title=title,
                timeline_fallback=UNDATED,
            ).id
            for title in titles
        ]


@async_test
async def test_undated_events_come_last_under_their_own_heading(engine, seeded):
    add_undated(engine, "Iran and Oman talks", "Oman mediation")
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = screen_lines(app)
        text = "\n".join(lines)
        order = [
            "Trump and Putin phone call",
            "today · ",
            "Ceasefire agreement signed",
            "undated · no date found",
            "Iran and Oman talks",
            "Oman mediation",
        ]
        positions = [text.index(t) for t in order]
        assert positions == sorted(positions)
        talks = next(line for line in lines if "Iran and Oman talks" in line)
        assert "? no date found" in talks and "9999" not in text
        assert app.timeline.total == 8
        # the cursor walks from the last dated event over the heading to the undated ones
        await pilot.press("G")
        assert app.timeline.current.title == "Oman mediation"
        await pilot.press("k", "k")
        assert app.timeline.current.title == "Ceasefire agreement signed"
        await pilot.press("j")
        assert app.timeline.current.title == "Iran and Oman talks"
        await pilot.press("enter")
        await settle(pilot)
        assert "undated: no date found" in str(app.screen.query_one("#details").render())


@async_test
async def test_a_time_filter_leaves_undated_events_out(engine, seeded):
    add_undated(engine, "Iran and Oman talks")
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await pilot.press(*"since 2024", "enter")
        await settle(pilot)
        text = "\n".join(screen_lines(app))
        assert "Iran and Oman" not in text and "undated ·" not in text
        assert "Ceasefire agreement signed" in text


@async_test
async def test_the_time_filter_undated_keeps_only_the_undated_events(engine, seeded):
    add_undated(engine, "Iran and Oman talks", "Oman mediation")
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.query_one("#filter-when", Input).value = "undated"
        await settle(pilot)
        assert app.timeline.total == 2
        text = "\n".join(screen_lines(app))
        assert "Iran and Oman talks" in text and "Ceasefire" not in text
        app.query_one("#filter-when", Input).value = "since 2025"
        await settle(pilot)
        assert app.timeline.total == 5  # the seeded events of 2025 on, none undated
