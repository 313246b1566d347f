"""From an event's details: re-extract its article(s), correct an article's date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from textual.widgets import Input, Static
from tui_helpers import async_test, settle, widget_text

from tracker.db.models import Article, Event, Mention
from tracker.db.session import unit_of_work
from tracker.services.events import ActorRole, add_event, get_event
from tracker.services.ingest import ingest_paths
from tracker.tui.app import TrackerApp
from tracker.tui.screens.article_date import ArticleDateForm
from tracker.tui.screens.details import DetailsScreen

DATA = Path(__file__).parent.parent / "data"
PLANNED = DATA / "call-planned.txt"  # published 2025-02-10: a call "on Wednesday"
TODAY = dt.date(2025, 2, 20)
SIZE = (120, 40)


def ingest(engine) -> int:
    (outcome,) = ingest_paths(engine, [str(PLANNED)]).outcomes
    with unit_of_work(engine) as s:
        return s.scalar(select(Mention.event_id).where(Mention.article_id == outcome.article_id))


async def open_details(pilot, event_id: int) -> None:
    await settle(pilot)
    pilot.app.open_event(event_id)
    await settle(pilot)
    assert isinstance(pilot.app.screen, DetailsScreen)


async def open_date_form(pilot, event_id: int) -> tuple[ArticleDateForm, Static]:
    """The event's details, then D: the article-date form and its preview."""
    await open_details(pilot, event_id)
    await pilot.press("D")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, ArticleDateForm)
    return form, form.query_one("#article-date-preview", Static)


@async_test
async def test_set_an_articles_date_from_the_details_with_a_live_preview(engine):
    event_id = ingest(engine)
    # a day after the new date: an article cannot be dated after today
    app = TrackerApp(engine, today=dt.date(2025, 3, 20), prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        form, preview = await open_date_form(pilot, event_id)
        assert form.query_one("#article-date", Input).value == "2025-02-10"
        assert "Mon 10 Feb 2025 · unchanged" in str(preview.render())
        form.query_one("#article-date", Input).value = "March 2025"
        await settle(pilot)
        assert "not a single day" in str(preview.render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form  # nothing saved while the date is not a day
        form.query_one("#article-date", Input).value = "3 March 2025"
        await settle(pilot)
        assert "Mon 3 Mar 2025" in str(preview.render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        # the event was read again against the new date: "Wednesday" is now 5 March
        assert "5 Mar 2025" in widget_text(app.screen.query_one("#details"))
    with unit_of_work(engine) as s:
        assert get_event(s, event_id).when_start == dt.date(2025, 3, 5)
        article = s.scalar(select(Article))
        assert (article.published, article.date_source) == (dt.date(2025, 3, 3), "given")


@async_test
async def test_an_articles_date_is_read_backward_and_never_after_today(engine):
    """As for `tracker article set-date`: "Sunday" is the last Sunday (it was the nearest one,
    the next Sunday when that was closer), and a day after today is refused."""
    event_id = ingest(engine)
    app = TrackerApp(engine, today=TODAY, prewarm=False)  # Thu 20 Feb 2025
    async with app.run_test(size=SIZE) as pilot:
        form, preview = await open_date_form(pilot, event_id)
        form.query_one("#article-date", Input).value = "Sunday"  # the 16th, not the 23rd
        await settle(pilot)
        assert "Sun 16 Feb 2025" in str(preview.render())
        for future in ("next Friday", "2025-02-21"):
            form.query_one("#article-date", Input).value = future
            await settle(pilot)
            assert "cannot have been published in the future" in str(preview.render())
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is form
        form.query_one("#article-date", Input).value = "Sunday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
    with unit_of_work(engine) as s:
        assert s.scalar(select(Article)).published == dt.date(2025, 2, 16)


def test_the_command_line_refuses_a_publication_date_after_today(engine, db_url):
    from click.testing import CliRunner

    from tracker.cli import cli

    ingest(engine)
    with unit_of_work(engine) as s:
        article_id = s.scalar(select(Article.id))
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    args = ["--db", db_url, "article", "set-date", str(article_id), tomorrow]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.stderr.startswith("tracker: error: an article cannot have been published in")
    assert len(result.stderr.splitlines()) == 1
    with unit_of_work(engine) as s:
        assert s.scalar(select(Article)).published == dt.date(2025, 2, 10)


@async_test
async def test_reextract_from_the_details_removes_a_reading_that_no_longer_holds(engine):
    real = ingest(engine)
    with unit_of_work(engine) as s:
        article_id = s.scalar(select(Article.id))
        ghost = add_event(
            s,
            type="meeting",
            status="planned",
            actors=[ActorRole("Iran"), ActorRole("Oman")],
            origin="extracted",
            timeline_fallback=dt.date(2025, 2, 10),
        )
        s.add(
            Mention(
                event=ghost,
                article_id=article_id,
                sentence="An old reading.",
                start_offset=5000,
                end_offset=5015,
                implied_status="planned",
            )
        )
        ghost_id = ghost.id
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_details(pilot, ghost_id)
        await pilot.press("r")
        await settle(pilot)
        # the event is gone: the details close and say so
        assert not isinstance(app.screen, DetailsScreen)
        await pilot.press("home")
        assert app.timeline.total == 1 and app.timeline.current.id == real
    with unit_of_work(engine) as s:
        assert set(s.scalars(select(Event.id))) == {real}


@async_test
async def test_an_event_entered_by_hand_has_no_article_to_read_again(engine):
    with unit_of_work(engine) as s:
        event_id = add_event(s, type="talks", status="planned", actors=[ActorRole("Iran")]).id
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_details(pilot, event_id)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
    with unit_of_work(engine) as s:
        assert get_event(s, event_id).title
