"""Web articles in the TUI: the ingest dialog reads URLs; the details show each article's URL."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from textual.widgets import Input, Static
from tui_helpers import TODAY, async_test, settle, widget_text

from tests.web_server import LocalWeb, page_html
from tracker.db.models import Article
from tracker.services.web import ingest_urls
from tracker.tui.app import TrackerApp
from tracker.tui.screens.details import DetailsScreen


@async_test
async def test_details_show_the_url_of_a_web_article(engine):
    with LocalWeb() as web:
        url = web.add(
            "/world/2025/02/trump-putin-call",
            page_html(
                "Trump and Putin talk by phone",
                [
                    "President Donald Trump said on Wednesday that he had a long phone call "
                    "with Russian President Vladimir Putin."
                ],
                "2025-02-12",
            ),
        )
        assert ingest_urls(engine, [url]).new_events == 1
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("g", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        text = widget_text(app.screen.query_one("#details"))
        assert "Trump and Putin talk by phone  (Wed 12 Feb 2025)" in text
        assert url in text


@async_test
async def test_the_ingest_dialog_reads_a_url(engine):
    with LocalWeb() as web:
        url = web.add(
            "/world/riyadh-talks",
            page_html(
                "Rubio and Lavrov meet in Riyadh",
                [
                    "Secretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov "
                    "in Riyadh on Tuesday, the State Department said."
                ],
                "2025-02-18",
            ),
        )
        app = TrackerApp(engine, today=TODAY, prewarm=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("i")
            await settle(pilot)
            app.screen.query_one("#ingest-path", Input).value = f"{url}, ftp://127.0.0.1/x"
            await pilot.press("enter")
            await settle(pilot)
            log = str(app.screen.query_one("#ingest-log", Static).render())
            assert "1 ingested" in log
            assert "ftp://127.0.0.1/x: only http:// and https:// URLs are read" in log
            await pilot.press("escape")
            await settle(pilot)
            assert app.timeline.total >= 1
    with Session(engine) as session:
        assert session.scalars(select(Article.source)).all() == [url]
