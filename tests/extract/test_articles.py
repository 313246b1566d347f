import datetime as dt

import pytest

from tracker.errors import TrackerError
from tracker.extract import extract, read_article

SEED_STYLE = """World

Leaders meet in Oslo

Leaders meet in Oslo
Norway
Diplomacy

The prime ministers met on Monday.
"""

FRONT_MATTER = """---
title: Envoys gather in Vienna
published: 2024-04-02
source: Danube Wire
---

Envoys gathered in Vienna on Tuesday.
"""

DATELINE = """Ministers sign water accord

NAIROBI, Aug. 9, 2022 — Ministers from three states signed a water accord on Tuesday.
"""


def test_seed_style_header_has_title_tags_and_no_date():
    article = read_article(SEED_STYLE)
    assert article.title == "Leaders meet in Oslo"
    assert article.published is None
    assert article.tags == ["World", "Norway", "Diplomacy"]
    assert article.body.startswith("The prime ministers met")
    assert SEED_STYLE[article.body_offset :] == article.body


def test_front_matter_header():
    article = read_article(FRONT_MATTER)
    assert article.title == "Envoys gather in Vienna"
    assert article.published == dt.date(2024, 4, 2)
    assert article.source == "Danube Wire"
    assert article.body.startswith("Envoys gathered")


def test_dateline_gives_the_publication_date():
    article = read_article(DATELINE)
    assert article.title == "Ministers sign water accord"
    assert article.published == dt.date(2022, 8, 9)


def test_user_date_overrides_and_fills():
    assert read_article(DATELINE, published=dt.date(2022, 8, 10)).published == dt.date(2022, 8, 10)
    assert read_article(SEED_STYLE, published=dt.date(2020, 1, 1)).published == dt.date(2020, 1, 1)


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_article_is_a_clear_error(text):
    with pytest.raises(TrackerError, match="empty"):
        read_article(text)


def test_extraction_past_its_deadline_raises_instead_of_running_on():
    import time

    import pytest

    from tracker.errors import ExtractionTimeout
    from tracker.extract import extract

    text = "Leaders meet\n\n" + "Trump met Putin in Helsinki on Monday. " * 5
    with pytest.raises(ExtractionTimeout):
        extract(text, deadline=time.monotonic() - 1)
    assert extract(text, deadline=time.monotonic() + 60).events


def test_a_wire_dateline_with_its_year_gives_the_date_and_without_only_is_stripped():
    wire = "Russia warns\n\nMOSCOW, March 3, 2022 (Reuters) - Russia warned the West on Thursday.\n"
    assert read_article(wire).published == dt.date(2022, 3, 3)
    yearless = "Gaza deal\n\nDOHA/JERUSALEM, Jan. 15 (Xinhua) -- Israel and Hamas agreed a deal.\n"
    assert read_article(yearless).published is None  # the guide: absolute dates only
    found = extract(yearless, published=dt.date(2025, 1, 15)).events
    assert found and all("Xinhua" not in e.evidence for e in found)


def test_a_wire_name_without_a_dash_ends_the_dateline():
    text = "Call\n\nNairobi, June 4 (KNA) President William Ruto on Friday called Mark Carney.\n"
    [call] = [e for e in extract(text, published=dt.date(2025, 6, 8)).events if e.type == "call"]
    assert call.evidence.startswith("President William Ruto")
    assert {a.name for a in call.actors} == {"William Ruto", "Mark Carney"}


def test_a_place_before_a_colon_opening_the_body_is_a_dateline():
    text = "Visit\n\nNairobi: Kenya and Uganda signed a trade deal on Friday.\n"
    [deal] = [e for e in extract(text, published=dt.date(2025, 6, 8)).events
              if e.type == "agreement"]
    assert deal.evidence.startswith("Kenya and Uganda")
    text = "Visit\n\nWashington: The talks between Kenya and Uganda resume on Monday.\n"
    [talks] = [e for e in extract(text, published=dt.date(2025, 6, 8)).events
               if e.type == "talks"]
    assert "United States" not in [a.name for a in talks.actors]


def test_a_dateline_in_small_letters_with_an_ordinal_day_is_no_act_s_time():
    text = (
        "Relations restored\n\nMerida, August 11th, 2010 ( – Venezuelan President Hugo Chavez "
        "met with Colombian President Juan Manuel Santos yesterday in Santa Marta.\n"
    )
    assert read_article(text).published == dt.date(2010, 8, 11)
    [meeting] = [e for e in extract(text).events if e.type == "meeting"]
    assert meeting.when.start == dt.date(2010, 8, 10)  # yesterday, not the dateline's day
