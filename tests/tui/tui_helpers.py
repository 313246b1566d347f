"""Helpers for the TUI tests (the fixtures are in conftest.py)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Coroutine

from sqlalchemy import update

from tracker.db.models import Article, Mention, StatusChange
from tracker.db.session import unit_of_work
from tracker.domain import When
from tracker.services.actors import add_alias
from tracker.services.events import ActorRole, add_event, change_status

TODAY = dt.date(2025, 3, 15)
EVIL = "[bold red]x[/] [link=https://evil.example]click[/link] \x1b[31mred\x1b[0m"


def day(y: int, m: int, d: int) -> When:
    return When(dt.date(y, m, d), dt.date(y, m, d), "day")


def seed(engine) -> dict[str, int]:
    """A small, fixed timeline: past and upcoming, every precision, one undated event."""
    ids: dict[str, int] = {}
    with unit_of_work(engine) as s:
        ids["call"] = add_event(
            s,
            type="call",
            status="planned",
            actors=[ActorRole("Donald Trump", "initiator"), ActorRole("Vladimir Putin", "target")],
            when=day(2025, 2, 12),
            title="Trump and Putin phone call",
            note="announced by the White House",
        ).id
        ids["meeting"] = add_event(
            s,
            type="meeting",
            status="proposed",
            actors=[ActorRole("Volodymyr Zelenskyy"), ActorRole("Donald Trump")],
            when=When(dt.date(2025, 3, 1), dt.date(2025, 3, 31), "month"),
            title="Zelenskyy and Trump meet in Washington",
        ).id
        ids["sanctions"] = add_event(
            s,
            type="sanctions",
            status="threatened",
            actors=[ActorRole("United States", "initiator"), ActorRole("Russia", "target")],
            when=When(dt.date(2025, 1, 1), dt.date(2025, 12, 31), "year"),
            title="US threatens sanctions on Russia",
        ).id
        ids["talks"] = add_event(
            s,
            type="talks",
            status="planned",
            actors=[ActorRole("China"), ActorRole("European Union")],
            when=None,
            title="EU and China trade talks",
            timeline_fallback=dt.date(2025, 1, 24),
        ).id
        ids["aid"] = add_event(
            s,
            type="aid",
            status="occurred",
            actors=[ActorRole("European Union", "initiator"), ActorRole("Ukraine", "target")],
            when=day(2024, 11, 5),
            title="EU aid package for Ukraine",
        ).id
        ids["ceasefire"] = add_event(
            s,
            type="agreement",
            status="planned",
            actors=[ActorRole("Russia"), ActorRole("Ukraine")],
            when=day(2025, 6, 3),
            title="Ceasefire agreement signed",
        ).id
        add_alias(s, "Russia", "the Kremlin")
        article = Article(
            source="/corpus/2025-01-24-dialogue.txt",
            title="Trump and Putin's Anticipated Dialogue",
            published=dt.date(2025, 1, 24),
            body="...",
            content_hash="seed-1",
        )
        s.add(article)
        s.flush()
        s.add(
            Mention(
                event_id=ids["call"],
                article=article,
                sentence="Both leaders have voiced readiness for an initial phone call.",
                start_offset=0,
                end_offset=60,
                implied_status="planned",
            )
        )
    with unit_of_work(engine) as s:
        change_status(s, ids["call"], "occurred", at=day(2025, 2, 12), note="the call took place")
        # recorded times show in the details: fix them for the snapshots
        s.execute(update(StatusChange).values(recorded_at=dt.datetime(2025, 3, 1, 9, 30)))
    return ids


async def settle(pilot) -> None:
    """Wait until every worker is done and what they delivered is painted."""
    from textual.worker import WorkerCancelled

    app = pilot.app
    for _ in range(5):
        # a newer load may cancel a worker (exclusive workers): the next round waits for it
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            break
    await pilot.pause()


def screen_lines(app) -> list[str]:
    """The timeline's visible lines as plain text."""
    view = app.timeline
    return [view.render_line(y).text.rstrip() for y in range(view.size.height)]


def widget_text(widget) -> str:
    """What ``widget`` shows, as plain text lines."""
    from textual.geometry import Region

    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join(strip.text.rstrip() for strip in strips)


def async_test(fn: Callable[..., Coroutine]) -> Callable[..., None]:
    """Run an async test in its own event loop (no pytest plugin needed)."""

    @functools.wraps(fn)
    def run(*args, **kwargs) -> None:
        asyncio.run(fn(*args, **kwargs))

    return run


async def goto(pilot, title: str) -> None:
    """Move the timeline's cursor to the event with this title, from the top."""
    app = pilot.app
    await pilot.press("home")
    for _ in range(app.timeline.total):
        if app.timeline.current.title == title:
            return
        await pilot.press("j")
    raise AssertionError(f"{title!r} is not on the timeline")
