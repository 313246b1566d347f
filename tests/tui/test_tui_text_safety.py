"""Stored terminal injection: escape sequences and bidi controls planted in every field an
article or a user fills reach no screen of the app (timeline, details, palette, actor
completion, forms, notifications)."""

from __future__ import annotations

from tui_helpers import TODAY, async_test, day, settle

from tracker.db.models import Article, Mention
from tracker.db.session import unit_of_work
from tracker.services.actors import add_alias
from tracker.services.events import ActorRole, add_event
from tracker.text_safety import UNSAFE
from tracker.tui.app import TrackerApp

# clear the screen, set the window title, write the clipboard (OSC 52), reverse the text
HOSTILE = "\x1b[2J\x1b]0;owned\x07\x1b]52;c;aGVsbG8=\x07\u202e\u2066\x9b31m"


def plant(engine) -> int:
    with unit_of_work(engine) as s:
        event = add_event(
            s,
            type="meeting",
            status="planned",
            actors=[ActorRole(f"Evil{HOSTILE} Actor", "initiator"), ActorRole("Iran", "target")],
            title=f"Summit {HOSTILE} title",
            when=day(2025, 3, 20),
            note=f"note {HOSTILE}",
        )
        event.notes = f"notes {HOSTILE}"
        add_alias(s, f"Evil{HOSTILE} Actor", f"Alias{HOSTILE} One")
        article = Article(
            source=f"/tmp/file{HOSTILE}.txt",
            title=f"Article {HOSTILE} title",
            body="b",
            content_hash="h" * 64,
        )
        s.add(article)
        s.flush()
        s.add(
            Mention(
                event=event,
                article=article,
                sentence=f"Sentence {HOSTILE} said.",
                start_offset=0,
                end_offset=1,
                implied_status="planned",
            )
        )
        s.flush()
        return event.id


def screen_text(app) -> str:
    """Everything the current screen draws, every widget, as text."""
    from textual.geometry import Region

    parts = []
    for widget in app.screen.query("*"):
        if not widget.display or not widget.size.area:
            continue
        strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
        parts.append("\n".join(strip.text for strip in strips))
    return "\n".join(parts)


def assert_clean(app, where: str) -> str:
    text = screen_text(app)
    found = UNSAFE.search(text)
    assert found is None, f"{where}: {found.group()!r} reaches the terminal"
    return text


@async_test
async def test_planted_escapes_reach_no_screen(engine):
    plant(engine)
    app = TrackerApp(engine, today=TODAY, prewarm=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert "Summit" in assert_clean(app, "timeline")
        await pilot.press("enter")
        await settle(pilot)
        details = assert_clean(app, "details")
        assert "Article" in details and "Sentence" in details and "notes" in details
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert "Summit" in assert_clean(app, "edit form")
        await pilot.press("escape")
        await settle(pilot)
        # the actor filter's completion suggests the planted name as it is typed
        await pilot.press("f", *"Evi")
        await settle(pilot)
        await pilot.pause(0.3)
        actor_input = app.query_one("#filter-actor")
        assert actor_input._suggestion.startswith("Evil")
        assert UNSAFE.search(actor_input._suggestion) is None
        assert_clean(app, "actor completion")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p", *"evil")
        await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        assert "Actor: Evil" in assert_clean(app, "palette")
        await pilot.press("escape")
        await settle(pilot)
        app.notify(f"could not save {HOSTILE}", title=f"Evil{HOSTILE}")
        await settle(pilot)
        (note,) = list(app._notifications)
        assert note.message.startswith("could not save")
        assert UNSAFE.search(note.message + note.title) is None
        assert_clean(app, "notification")
