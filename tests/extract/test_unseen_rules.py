"""Rules found on tests/extract/corpus2 (six articles annotated before tuning)."""

import datetime as dt

from tracker.extract import extract


def events(text, published=dt.date(2024, 11, 27)):
    return [
        (e.type, e.status, [a.name for a in e.actors])
        for e in extract(f"Test\n\n{text}\n", published=published).events
    ]


def test_the_administration_is_washington_once_the_story_names_it():
    text = (
        "Biden met Xi on Monday. "
        "The administration has pressed Beijing for months to curb fentanyl exports."
    )
    assert ("demand", "occurred", ["United States", "China"]) in events(text)


def test_the_government_is_the_speakers_state():
    text = (
        "Netanyahu met Sisi on Monday. "
        "Sisi said the government would reject the plan."
    )
    assert any("Egypt" in actors for _, _, actors in events(text))


def test_due_then_called_off_later_in_the_sentence():
    text = (
        "Biden was due to meet Chinese President Xi Jinping on Friday, "
        "but the meeting was cancelled after the balloon incident."
    )
    assert events(text)[0][:2] == ("meeting", "cancelled")
    text = (
        "A meeting between Biden and Xi Jinping had been due to take place on Friday, "
        "but the White House said on Monday that it had been postponed."
    )
    assert events(text)[0][:2] == ("meeting", "postponed")


def test_mediators_are_no_party_to_the_deal_but_take_part_in_the_talks():
    text = (
        "Israel and Hamas agreed on Wednesday to a truce in a deal brokered by Qatar "
        "with the help of Egypt."
    )
    assert events(text)[0][2] == ["Israel", "Hamas"]
    text = "Pakistan and Afghanistan agreed to a ceasefire after talks mediated by Qatar."
    found = events(text)
    assert ("talks", "occurred", ["Pakistan", "Afghanistan", "Qatar"]) in found
