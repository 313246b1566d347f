"""Time attachment across a sentence and within one (timing.py, dates.py): the past a story
goes back to, tense-driven readings of weekdays, and which clause a time belongs to."""

import datetime as dt

from tracker.extract import extract

FRIDAY = dt.date(2016, 2, 26)


def events_of(body: str, published: dt.date) -> list:
    return extract(f"Test\n\n{body}\n", published=published).events


def span(event) -> tuple[str, str, str] | None:
    w = event.when
    return (w.start.isoformat(), w.end.isoformat(), w.precision) if w else None


def test_a_past_act_after_a_sentence_opened_by_a_past_time_is_of_that_time():
    found = events_of(
        "Fiji's neighbours have offered help after the cyclone. In March last year, Forum "
        "island countries responded to Vanuatu's needs after Cyclone Pam. Australia gave "
        "financial assistance to Vanuatu.",
        FRIDAY,
    )
    [aid] = [e for e in found if e.type == "aid" and "gave" in e.evidence]
    assert span(aid) == ("2015-03-01", "2015-03-31", "month")


def test_a_perfect_tense_act_after_a_past_frame_is_of_the_story_day():
    found = events_of(
        "In March last year, Forum island countries responded to Vanuatu's needs after Cyclone "
        "Pam. Australia has given financial assistance to Fiji.",
        FRIDAY,
    )
    [aid] = [e for e in found if e.type == "aid" and "Australia" in e.evidence]
    assert span(aid) == ("2016-02-26", "2016-02-26", "day")


def test_a_time_told_inside_a_sentence_sets_no_frame_for_the_next():
    found = events_of(
        "Relations sank to a low in March, when Biden called Putin a killer. The United States "
        "and Russia signed a joint statement on strategic stability.",
        dt.date(2021, 6, 16),
    )
    [deal] = [e for e in found if e.type == "agreement"]
    assert span(deal) == ("2021-06-16", "2021-06-16", "day")
