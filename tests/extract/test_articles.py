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


# A page copied from a news site, as a browser's "save as text" or a copy and paste gives it:
# the site's name and menu, the headline, a credit and a date line, the article, a link to
# another story inside it, then the site's other headlines.
WEB_PAGE = """- Harbour Daily
Home > World > Europe

Austria and Hungary to hold border talks in Vienna

  >>  Danube Wire

Published: 13 May 2019 11:09 AM CET  Updated: 14 May 2019 09:00 AM CET

Austria and Hungary will hold talks on border controls in Vienna on Friday, Vienna said.

Read more: Germany imposes sanctions on Russia

The border has been closed since March.

More stories

Poland rejects EU proposal on migrants
"""


def test_a_web_page_reads_its_headline_date_and_article_only():
    article = read_article(WEB_PAGE)
    assert article.title == "Austria and Hungary to hold border talks in Vienna"
    assert article.published == dt.date(2019, 5, 13)  # published, not updated
    assert article.body.startswith("Austria and Hungary will hold talks")
    assert "More stories" not in article.body and "Poland" not in article.body
    assert WEB_PAGE[article.body_offset : article.body_end] == article.body
    events = extract(WEB_PAGE).events
    # the link to another story and the site's other headlines are not this article's
    assert [(e.type, e.status) for e in events] == [("talks", "planned")]
    assert events[0].when is not None and events[0].when.start == dt.date(2019, 5, 17)


@pytest.mark.parametrize(
    "line, day",
    [
        ("date 2019-05-13 Home > World", dt.date(2019, 5, 13)),
        ("Posted on May 13, 2019 by Staff", dt.date(2019, 5, 13)),
        ("First published on Mon 13 May 2019 10.03 BST", dt.date(2019, 5, 13)),
        ("Mon 13 May 2019 10.03 BST", dt.date(2019, 5, 13)),
        ("Last updated: 14th May, 2019", dt.date(2019, 5, 14)),  # an update's when alone
        ("Jun. 13, 2019 14:40 PM EDT", dt.date(2019, 6, 13)),
        ("May 13, 2019 / 5:57 AM / Updated an hour ago", dt.date(2019, 5, 13)),
        ("From Harbour Daily - May 13, 2019", dt.date(2019, 5, 13)),
        ("Update: 2019-05-14 09:36 GMT", dt.date(2019, 5, 14)),
        ("Jane Doe Published May 13, 2019 | 08:32 PM", dt.date(2019, 5, 13)),
        ("Published: 31 February 2019", None),  # no such day
    ],
)
def test_a_web_pages_date_line_gives_its_publication_date(line, day):
    text = f"{line}\n\nEnvoys meet in Vienna on Tuesday\n\nThe envoys met in Vienna on Tuesday.\n"
    article = read_article(text)
    assert article.published == day
    assert article.title == "Envoys meet in Vienna on Tuesday"


def test_a_title_line_article_keeps_its_first_line_as_title_and_reads_to_its_end():
    text = (
        "Envoys meet in Vienna\n\nThe envoys met in Vienna.\n\nRelated\n\n"
        "Talks were held on the related issue of trade.\n"
    )
    article = read_article(text)
    assert article.title == "Envoys meet in Vienna"
    assert article.body_end == text.index("Related")  # "Related" alone ends the article
    text = "Talks\n\nThe envoys met in Vienna.\n"  # a short title is a title
    short = read_article(text)
    assert (short.title, short.body) == ("Talks", "The envoys met in Vienna.\n")
    text = "Envoys meet in Vienna\n\nRelated talks were held in Vienna.\n"
    assert read_article(text).body.endswith("held in Vienna.\n")  # in a sentence: read
    text = "Envoys meet in Vienna\n\nThe envoys met.\n\n0 comments:\n\nTalks were held.\n"
    assert read_article(text).body == "The envoys met.\n\n"
    text = "Envoys meet in Vienna\n\nRelated\n\nThe envoys met in Vienna.\n"
    assert "The envoys met" in read_article(text).body  # no article before it: not an end


WIRE_PAGE = """ date 2017-11-10 Business Markets World Politics
Chile and Peru leaders to meet at Pacific forum
November 10, 2017 / 5:57 AM / Updated an hour ago

Chile and Peru leaders to meet at Pacific forum

Staff Writer

1 Min Read

MANILA (Wire) - The presidents of Chile and Peru will meet at the Pacific forum in Manila on \
Saturday, officials said on Friday.

Chile's president arrives for talks with Bolivia in Manila November 10, 2017. REUTERS/Jane Doe

Other Stories of Interest: Peru imposes sanctions on Bolivia
"""


def test_a_wire_page_skips_its_repeated_headline_credits_captions_and_links():
    article = read_article(WIRE_PAGE)
    assert article.title == "Chile and Peru leaders to meet at Pacific forum"
    assert article.published == dt.date(2017, 11, 10)
    assert article.body.startswith("MANILA (Wire) - The presidents")
    events = extract(WIRE_PAGE).events
    # the caption's talks with Bolivia and the link's sanctions are not this article's
    assert [(e.type, e.status) for e in events] == [("meeting", "planned")]


def test_a_text_without_headline_reads_its_lead_and_is_named_by_it():
    text = (
        "WASHINGTON (Wire) - Chilean President Gabriel Boric met Peruvian President Dina "
        "Boluarte in Lima on Monday, the two governments said in a joint statement.\n\n"
        "They agreed to reopen the border.\n"
    )
    article = read_article(text)
    assert article.body == text  # the lead is read
    assert article.title == (
        "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on…"
    )
    assert "meeting" in [e.type for e in extract(text).events]
    # a long headline is still a headline: it ends no sentence
    text = (
        "Chile and Peru agree to reopen their border after talks between their presidents "
        "in Lima on Monday\n\nThey agreed to reopen the border.\n"
    )
    assert read_article(text).title.startswith("Chile and Peru agree")
    assert read_article(text).body == "They agreed to reopen the border.\n"


PARAGRAPHS = (
    "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday "
    "to discuss the reopening of their shared border, the two governments said.",
    "Boric later criticised Bolivia over the closure of a mountain pass that both countries "
    "use for trade, saying it hurt farmers on all sides.",
    "Peru's foreign minister will visit Santiago next month to sign a customs agreement "
    "with Chile, officials said.",
)


@pytest.mark.parametrize("width", [40, 60, 72, 80])
def test_a_hard_wrapped_text_reads_as_its_paragraphs(width):
    import textwrap

    one_line = "Chile and Peru talk borders\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    wrapped = "Chile and Peru talk borders\n\n" + "\n\n".join(
        textwrap.fill(p, width) for p in PARAGRAPHS
    ) + "\n"
    expected = [(e.type, e.status, e.evidence) for e in extract(one_line).events]
    assert len(expected) >= 3
    found = extract(wrapped).events
    assert [(e.type, e.status, e.evidence) for e in found] == expected
    for e in found:  # offsets are into the text as given
        assert " ".join(wrapped[e.start : e.end].split()) == " ".join(e.evidence.split())
    windows = wrapped.replace("\n", "\r\n")  # Windows line ends: the same, no "\r" kept
    from_windows = extract(windows).events
    assert not any("\r" in e.evidence for e in from_windows)
    assert [(e.type, e.status, " ".join(e.evidence.split())) for e in from_windows] == [
        (t, s, " ".join(ev.split())) for t, s, ev in expected
    ]


def test_lines_that_are_not_wrapped_keep_their_breaks():
    from tracker.extract.articles import unwrapped

    text = (
        "Leaders of Chile and Peru meet in Lima to talk about borders\n"  # a headline
        "The presidents met on Monday.\n"
        "- Chile will reopen the pass at the border with Peru in the spring\n"
        "- Peru will send a delegation to Santiago before the end of the year\n"
    )
    assert unwrapped(text, 0, len(text)) == text  # fewer than three filled lines


@pytest.mark.parametrize(
    "value, day",
    [
        ("2019-05-13", dt.date(2019, 5, 13)),
        ("2019-05-13T10:00:00Z", dt.date(2019, 5, 13)),
        ('"May 13, 2019"', dt.date(2019, 5, 13)),
        ("13 May 2019", dt.date(2019, 5, 13)),
        ("Mon, 13 May 2019 10:00", dt.date(2019, 5, 13)),
        ("13/05/2019", None),  # day or month first: not guessed
        ("May 2019", None),
    ],
)
def test_front_matter_dates_as_people_write_them(value, day):
    text = f"---\ntitle: Envoys meet\npublished: {value}\n---\n\nThe envoys met.\n"
    assert read_article(text).published == day


def test_a_headline_cut_by_a_narrow_column_is_read_whole():
    text = (
        "Chile and Peru agree to reopen their\n"
        "border and resume customs talks in\n"
        "Lima\n\n"
        "LIMA, May 13, 2019 — Chilean President Gabriel Boric met Peruvian President Dina\n"
        "Boluarte in Lima on Monday to discuss the reopening of their shared border, the\n"
        "two governments said in a joint statement after the meeting ended.\n"
    )
    article = read_article(text)
    assert article.title == (
        "Chile and Peru agree to reopen their border and resume customs talks in Lima"
    )
    assert article.published == dt.date(2019, 5, 13)  # the dateline is the body's first line
    # a credit under a headline is no part of it
    credited = read_article(
        "Chile and Peru agree to reopen their border\nReuters Staff\n\nThe envoys met.\n"
    )
    assert credited.title == "Chile and Peru agree to reopen their border"


def test_a_bare_credit_opening_the_lead_names_no_party():
    from tracker.extract import extract

    text = (
        "---\ntitle: China, US agree on climate\npublished: 2014-11-12\nsource: X, https://x.org/a\n"
        "---\n(Vatican Radio) US President Barack Obama and Chinese President Xi Jinping have held "
        "two days of talks in Beijing.\n"
    )
    [event] = extract(text).events
    assert "Vatican" not in [a.name for a in event.actors]
    assert event.evidence.startswith("US President Barack Obama")
