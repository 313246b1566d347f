"""The actors and title columns share the width by what the rows need."""

from __future__ import annotations

from tracker.tui.widgets.timeline import MARK_WIDTH, STATUS_WIDTH, TYPE_WIDTH, Columns


def test_when_both_fit_the_actors_get_all_they_need():
    cols = Columns.for_width(120, actors_wanted=30, title_wanted=28)
    assert cols.actors == 30
    assert cols.title >= 28
    fixed = MARK_WIDTH + cols.month + cols.when + TYPE_WIDTH + STATUS_WIDTH + 5
    assert fixed + cols.actors + cols.title == 120


def test_a_wide_terminal_gives_long_actor_lists_their_room():
    assert Columns.for_width(200, actors_wanted=70, title_wanted=40).actors == 70


def test_short_titles_leave_their_room_to_the_actors():
    short_titles = Columns.for_width(120, actors_wanted=45, title_wanted=20)
    long_titles = Columns.for_width(120, actors_wanted=45, title_wanted=60)
    assert short_titles.actors > long_titles.actors
    assert short_titles.title >= 20


def test_when_they_do_not_fit_the_title_keeps_three_fifths():
    cols = Columns.for_width(120, actors_wanted=40, title_wanted=60)
    rest = cols.actors + cols.title
    assert cols.actors == rest * 2 // 5


def test_the_title_keeps_a_readable_minimum():
    cols = Columns.for_width(90, actors_wanted=200, title_wanted=12)
    assert cols.title >= 12 and cols.actors >= 12
