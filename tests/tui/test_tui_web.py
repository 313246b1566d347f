"""An article read from a web page shows its URL with the evidence in the details screen."""

from __future__ import annotations

from tui_helpers import TODAY, async_test, settle, widget_text

from tests.web_server import LocalWeb, page_html
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
