"""The actors and title columns share the width by what the rows need."""

from __future__ import annotations

from tracker.tui.widgets.timeline import MARK_WIDTH, STATUS_WIDTH, TYPE_WIDTH, Columns


def _rest(cols: Columns) -> int:
    return cols.actors + cols.title


def test_when_both_fit_the_actors_get_all_they_need():
    cols = Columns.for_width(120, actors_wanted=30, title_wanted=28)
    assert cols.actors == 30
    assert cols.title >= 28
    fixed = MARK_WIDTH + cols.month + cols.when + TYPE_WIDTH + STATUS_WIDTH + 5
    assert fixed + _rest(cols) == 120


def test_a_wide_terminal_gives_long_actor_lists_their_room():
    assert Columns.for_width(200, actors_wanted=70, title_wanted=40).actors == 70


def test_when_they_do_not_fit_each_gets_a_share_by_its_need():
    narrow = Columns.for_width(80, actors_wanted=40, title_wanted=40)
    assert abs(narrow.actors - narrow.title) <= 1
    actor_heavy = Columns.for_width(80, actors_wanted=60, title_wanted=20)
    assert actor_heavy.actors > actor_heavy.title >= 12


def test_the_title_keeps_a_readable_minimum():
    cols = Columns.for_width(90, actors_wanted=200, title_wanted=12)
    assert cols.title >= 12 and cols.actors >= 12
