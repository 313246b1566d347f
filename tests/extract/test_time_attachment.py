"""Time attachment (timing.py): which time an event takes, against the corpus guide's rules."""

import datetime as dt

import pytest

from tracker.extract import extract

MONDAY = dt.date(2014, 8, 18)


def only(body: str, event_type: str, published: dt.date = MONDAY):
    found = [
        e for e in extract(f"Test\n\n{body}\n", published=published).events
        if e.type == event_type
    ]
    assert len(found) == 1, [(e.type, e.status, e.evidence) for e in found]
    return found[0]


def span(event) -> tuple[str, str, str] | None:
    w = event.when
    return (w.start.isoformat(), w.end.isoformat(), w.precision) if w else None


def test_a_planned_meeting_is_not_dated_by_its_announcement():
    event = only(
        "Japanese Prime Minister Shinzo Abe said on Monday that he is arranging a meeting with "
        "South Korean President Moon Jae-in.",
        "meeting",
    )
    assert event.status == "planned"
    assert event.when is None  # the guide: no time set for it in the text


def test_a_cancelled_meeting_takes_the_time_a_later_sentence_set_for_it():
    event = only(
        "India has called off high-level talks with its neighbour Pakistan, the foreign ministry "
        "said.\n\nThe foreign secretary-level talks were due to be held in the Pakistani capital, "
        "Islamabad, on August 25.",
        "talks",
    )
    assert event.status == "cancelled"
    assert span(event) == ("2014-08-25", "2014-08-25", "day")


def test_a_postponed_visit_takes_the_time_it_had_been_scheduled_for():
    event = only(
        "Brazilian President Dilma Rousseff has postponed a state visit to the United States.\n\n"
        "Barack Obama spoke with Ms Rousseff on Sunday night, but failed to persuade her to go "
        "through with the visit, which had been scheduled for late October.",
        "meeting",
    )
    assert event.status == "postponed"
    assert (event.when.start.month, event.when.start.year) == (10, 2014)


def test_a_calling_off_with_no_set_time_keeps_the_time_of_the_calling_off():
    event = only(
        "Last week Pyongyang abruptly called off high-level talks with South Korea, citing "
        "joint air drills.",
        "talks",
    )
    assert event.status == "cancelled"
    assert span(event) == ("2014-08-11", "2014-08-17", "week")


def test_the_new_time_of_a_postponement_is_not_the_time_it_was_set_for():
    event = only(
        "Talks between the European Commission and Russia over gas supplies have been postponed "
        "until next month, the Energy Ministry said.",
        "talks",
    )
    assert event.status == "postponed"
    assert event.when is None or event.when.start.month != 9


def test_a_time_far_from_any_word_for_the_plan_is_not_its_set_time():
    event = only(
        "The US has cancelled a planned Budapest summit between Donald Trump and Vladimir Putin."
        "\n\nTrump said he will not meet Putin until he is convinced that a deal is within reach "
        "to end the war, which will enter its fifth year in February.",
        "meeting",
    )
    assert event.status == "cancelled"
    assert event.when is None


def test_a_put_off_visit_takes_the_time_of_the_plan_told_again():
    found = extract(
        "Test\n\nForeign Minister Bilawal Bhutto Zardari on Sunday postponed his upcoming "
        "official visits to Germany and Denmark.\n\nThe foreign minister was slated to visit "
        "the two countries from August 22 to 26.\n",
        published=dt.date(2022, 8, 21),
    ).events
    [put_off] = [e for e in found if e.status == "postponed"]
    assert span(put_off) == ("2022-08-22", "2022-08-26", "day")  # "from August 22 to 26"


def test_what_happened_does_not_take_a_time_after_publication():
    event = only(
        "Vietnam asked the United States to recognise it as a market economy on Monday. "
        "Commerce Department officials said they would review the request within nine months.",
        "demand",
    )
    assert event.when is not None and event.when.start <= MONDAY


def test_a_pledge_told_without_a_time_is_dated_by_the_day_it_was_made():
    found = extract(
        "Test\n\nSaudi Arabia and the UAE met Sudan's military council on Saturday.\n\n"
        "Abu Dhabi also pledged an aid package to Sudan, according to Emirati media.\n",
        published=dt.date(2019, 4, 21),
    ).events
    [pledge] = [e for e in found if e.type == "aid"]
    assert pledge.status == "planned"
    assert span(pledge) == ("2019-04-20", "2019-04-20", "day")


def test_a_report_acts_on_its_own_day_before_any_day_is_told():
    event = only(
        "President Recep Tayyip Erdogan criticised the European Union over its stance on Syria.",
        "criticism",
        published=dt.date(2019, 10, 10),
    )
    assert span(event) == ("2019-10-10", "2019-10-10", "day")


def test_an_offer_told_again_with_the_time_set_for_it_takes_that_time():
    found = extract(
        "Test\n\nThe European Union imposed duties on Chinese electric cars on Tuesday.\n\n"
        "EU Trade Commissioner Valdis Dombrovskis said the bloc remained open to a negotiated "
        "solution with Beijing. Negotiators from both sides will resume talks in Beijing next "
        "week.\n",  # both sides: the EU and China, not the EU and its commissioner
        published=dt.date(2024, 10, 29),
    ).events
    [talks] = [e for e in found if e.type == "talks"]
    assert talks.status == "proposed"
    assert span(talks) == ("2024-11-04", "2024-11-10", "week")  # not the day it was offered


def test_a_plan_told_again_with_its_day_takes_the_day():
    found = extract(
        "Test\n\nDonald Trump plans to meet Kim Jong Un next month.\n\n"
        "Trump is expected to meet with Kim in Singapore on June 12.\n",
        published=dt.date(2018, 5, 16),
    ).events
    [meeting] = [e for e in found if e.type == "meeting"]
    assert span(meeting) == ("2018-06-12", "2018-06-12", "day")


def test_a_day_earlier_is_a_day_before_the_time_told_before():
    found = extract(
        "Test\n\nPutin spoke to Erdogan on November 27.\n\n"
        "A day earlier, Medvedev criticised Turkey.\n",
        published=dt.date(2015, 11, 28),
    ).events
    [criticism] = [e for e in found if e.type == "criticism"]
    assert span(criticism) == ("2015-11-26", "2015-11-26", "day")


def test_a_named_date_is_the_time_a_cancelled_summit_was_set_for():
    found = extract(
        "Test\n\nPresident Trump has cancelled the upcoming summit with Kim Jong Un in a letter "
        "released on Thursday. The news comes after Trump expressed some doubt over the June 12 "
        "date, but said it would take place.\n",
        published=dt.date(2018, 5, 24),
    ).events
    [summit] = [e for e in found if e.type == "meeting"]
    assert summit.status == "cancelled"
    assert span(summit) == ("2018-06-12", "2018-06-12", "day")


def test_the_story_day_is_a_day_something_happened_not_a_day_ahead():
    found = extract(
        "Test\n\nPresident Donald Trump on Monday paused the tariffs on Mexican goods that were "
        "due to take effect on Tuesday.\n\nThe move followed a morning phone call between Trump "
        "and President Claudia Sheinbaum.\n",
        published=dt.date(2025, 2, 4),
    ).events
    [call] = [e for e in found if e.type == "call"]
    assert span(call) == ("2025-02-03", "2025-02-03", "day")


def test_a_meeting_told_in_the_future_tense_takes_its_time_ahead():
    found = extract(
        "Test\n\nGerman Chancellor Olaf Scholz will instead see Polish Prime Minister Mateusz "
        "Morawiecki at the European Political Community meeting in Prague on Thursday, a German "
        "official said.\n",
        published=dt.date(2022, 10, 4),
    ).events
    [meeting] = [e for e in found if e.type == "meeting"]
    assert span(meeting) == ("2022-10-06", "2022-10-06", "day")


def test_tariffs_held_back_keep_the_day_they_were_due_to_take_effect():
    event = only(
        "Trudeau said Ottawa would in turn hold back the retaliatory tariffs on American goods "
        "that it unveiled on Saturday, the first of which had been due to take effect on "
        "Tuesday.",
        "sanctions",
        published=dt.date(2025, 2, 4),
    )
    assert event.status == "postponed"
    assert span(event) == ("2025-02-04", "2025-02-04", "day")


def test_sanctions_lifted_for_a_time_keep_the_day_they_were_lifted():
    event = only(
        "The United States on Wednesday temporarily lifted sanctions on Venezuela's oil, gas "
        "and gold sectors, a day after the government of President Nicolas Maduro and the "
        "opposition agreed in Barbados to work towards a presidential election in 2024.",
        "sanctions",
        published=dt.date(2023, 10, 19),
    )
    assert event.status == "postponed"
    assert span(event) == ("2023-10-18", "2023-10-18", "day")


def test_a_time_behind_a_connective_is_the_other_acts():
    event = only(
        "The pause in aid had been ordered by President Donald Trump last week, days after "
        "Trump and Vice President JD Vance berated Volodymyr Zelenskyy during a televised "
        "Oval Office meeting on Feb. 28.",
        "criticism",
        published=dt.date(2025, 3, 12),
    )
    assert span(event) == ("2025-02-28", "2025-02-28", "day")


def test_an_act_of_the_lead_takes_the_day_its_retelling_tells():
    found = extract(
        "Test\n\nBarack Obama and Raul Castro shook hands at the opening of the Summit of the "
        "Americas in Panama City.\n\nUS President Barack Obama and Cuban leader Raul Castro "
        "shook hands on Friday at a summit in Panama.\n",
        published=dt.date(2015, 4, 11),
    ).events
    [meeting] = [e for e in found if e.type == "meeting"]
    assert span(meeting) == ("2015-04-10", "2015-04-10", "day")


def test_a_day_earlier_counts_back_from_publication_when_the_story_told_a_day_ahead():
    found = extract(
        "Test\n\nRussia has suspended visa-free travel for Turkish citizens from January 1, "
        "2016, Sergei Lavrov said.\n\nPrime Minister Dmitry Medvedev gave instructions a day "
        "earlier for a strong response to what he called an act of aggression by Turkey.\n",
        published=dt.date(2015, 11, 27),
    ).events
    [criticism] = [e for e in found if e.type == "criticism"]
    assert span(criticism) == ("2015-11-26", "2015-11-26", "day")


def test_a_day_after_dates_the_act_told_after_it():
    event = only(
        "Erdogan's comments came a day after the European Union condemned the Turkish "
        "offensive in northeastern Syria.",
        "criticism",
        published=dt.date(2019, 10, 10),
    )
    assert span(event) == ("2019-10-09", "2019-10-09", "day")
    event = only(
        "Egypt on Tuesday condemned the Israeli strikes, a day after Jordan met Qatar.",
        "criticism",
        published=dt.date(2024, 8, 27),
    )
    assert span(event) == ("2024-08-27", "2024-08-27", "day")  # not the act after it


def test_an_explicit_time_of_the_later_act_beats_days_after():
    event = only(
        "The vote came three days after Russia and China vetoed a U.S.-drafted resolution on "
        "22 March 2024.",
        "rejection",
        published=dt.date(2024, 3, 26),
    )
    assert span(event) == ("2024-03-22", "2024-03-22", "day")


def test_a_day_told_looking_back_does_not_move_the_story_back():
    found = extract(
        "Test\n\nChinese President Xi Jinping and Russian President Vladimir Putin held talks at "
        "the Kremlin on Tuesday.\n\nXi arrived in Moscow on Monday for a state visit.\n\n"
        "In their joint statement, the two governments also voiced serious concern about NATO.\n",
        published=dt.date(2023, 3, 21),
    ).events
    [criticism] = [e for e in found if e.type == "criticism"]
    assert span(criticism) == ("2023-03-21", "2023-03-21", "day")


def test_what_happened_does_not_take_the_time_a_plan_was_scheduled_for():
    found = extract(
        "Test\n\nNorth Korea indefinitely postponed high-level talks with South Korea scheduled "
        "for today, citing a joint South Korean-United States air drill.\n",
        published=dt.date(2018, 5, 16),
    ).events
    [talks] = [e for e in found if e.type == "talks"]
    assert span(talks) == ("2018-05-16", "2018-05-16", "day")  # the time it was set for
    drills = [e for e in found if e.type == "military"]
    assert drills and all(e.when is None or e.when_inferred for e in drills)


def test_an_expected_meeting_does_not_put_the_sentence_in_the_future():
    found = extract(
        "Test\n\nUS Secretary of State Marco Rubio and Russian Foreign Minister Sergei Lavrov "
        "also called off an expected meeting after speaking by phone on Monday, the White House "
        "said.\n",
        published=dt.date(2025, 10, 22),
    ).events
    [call] = [e for e in found if e.type == "call"]
    assert span(call) == ("2025-10-20", "2025-10-20", "day")


@pytest.mark.parametrize(
    ("body", "year"),
    [
        ("Japan and Russia signed a 1956 Soviet-Japanese declaration.", 1956),
        ("The 2018 summit between Trump and Kim was held in Singapore.", 2018),
        # the year of the deal quit is not the year of the quitting
        ("Iran quit the 2015 nuclear deal with the United States last year.", 2022),
    ],
)
def test_a_year_before_the_acts_noun_is_its_time(body, year):
    event = extract(f"Test\n\n{body}\n", published=dt.date(2023, 8, 28)).events[0]
    assert event.when is not None and event.when.start.year == year


def test_a_possessive_time_dates_only_the_noun_it_qualifies():
    wednesday = dt.date(2021, 2, 10)
    body = (
        "President Joe Biden said Wednesday his administration would impose new sanctions on "
        "Russia over last week's missile strikes by Russian forces on Kyiv."
    )
    assert span(only(body, "sanctions", wednesday)) == ("2021-02-10", "2021-02-10", "day")
    assert span(only(body, "military", wednesday)) == ("2021-02-01", "2021-02-07", "week")


def test_an_act_noun_with_a_time_ahead_is_a_plan_whatever_tense_announces_it():
    event = only(
        "U.S. President Barack Obama today announced a historic visit to Cuba next month.",
        "meeting", dt.date(2016, 2, 18),
    )
    assert (event.status, span(event)) == ("planned", ("2016-03-01", "2016-03-31", "month"))
    event = only("Obama visited Cuba last month.", "meeting", dt.date(2016, 2, 18))
    assert event.status == "occurred"


def test_the_day_after_threatened_is_the_day_of_the_threat():
    event = only(
        "Chavez threatened on Sunday to cut oil supplies to the United States.", "sanctions",
        dt.date(2018, 4, 10),
    )
    assert span(event) == ("2018-04-08", "2018-04-08", "day")
    event = only("Trump threatened to impose tariffs on Friday.", "sanctions", dt.date(2018, 4, 10))
    assert span(event) == ("2018-04-13", "2018-04-13", "day")


def test_a_weekday_told_in_the_past_after_a_plan_word_is_read_backward():
    event = only(
        "Planned high-level talks between Seoul and Pyongyang were called off at the last minute "
        "Tuesday.", "talks", dt.date(2013, 6, 12),
    )
    assert span(event) == ("2013-06-11", "2013-06-11", "day")


def test_a_visit_offered_for_a_bare_month_is_for_the_month_to_come():
    event = only(
        "President Andrzej Duda has received an official invitation to visit the White House in "
        "June.", "meeting", dt.date(2019, 5, 10),
    )
    assert span(event) == ("2019-06-01", "2019-06-30", "month")
    event = only("Duda visited the White House in June.", "meeting", dt.date(2019, 5, 10))
    assert span(event) == ("2018-06-01", "2018-06-30", "month")


def test_an_act_of_several_days_covers_them():
    saturday = dt.date(2026, 1, 17)
    ended = only("Prime Minister Mark Carney on Friday ended a three-day visit to China.",
                 "meeting", saturday)
    assert span(ended) == ("2026-01-14", "2026-01-16", "day")
    begins = only("Carney will begin a three-day visit to China on Monday.", "meeting", saturday)
    assert span(begins) == ("2026-01-19", "2026-01-21", "day")


def test_a_time_counted_back_in_a_since_clause_is_not_the_act_s():
    event = only(
        "Xi said in his first phone conversation with Scholz since the latter took over from "
        "Angela Merkel two weeks ago that the two countries should deepen cooperation.",
        "call",
        dt.date(2021, 12, 22),
    )
    assert span(event) == ("2021-12-22", "2021-12-22", "day")  # the story's day


def test_an_agreement_signed_a_decade_ago_takes_that_year():
    event = only(
        "Rabuka has previously said he was reviewing a police agreement with China, signed a "
        "decade ago by the former government.",
        "agreement",
        dt.date(2023, 7, 26),
    )
    assert span(event) == ("2013-01-01", "2013-12-31", "year")


def test_a_time_told_after_a_later_will_is_not_the_time_of_what_happened():
    event = only(
        "According to a statement released after a meeting of the NATO-Ukraine Council held in "
        "Brussels, NATO countries will continue providing Kyiv with aid in 2024.",
        "meeting",
        dt.date(2024, 1, 10),
    )
    assert event.status == "occurred"
    assert span(event) == ("2024-01-10", "2024-01-10", "day")  # not the year of the aid


def test_a_will_before_the_act_keeps_its_past_time():
    event = only(
        "It will be the first bilateral summit in 15 months after Moon and Abe last had talks "
        "at the United Nations in September 2018.",
        "talks",
        dt.date(2019, 12, 4),
    )
    assert span(event) == ("2018-09-01", "2018-09-30", "month")


def test_an_untimed_plan_takes_the_time_set_in_the_sentence_before():
    event = only(
        "Uzbek President Shavkat Mirziyoyev will pay a working visit to the city of Khujand on "
        "March 31, UzA reports.\n\nAccording to the visit program, talks between the foreign "
        "ministers of Uzbekistan and Kyrgyzstan are planned.",
        "talks",
        dt.date(2025, 3, 28),
    )
    assert event.status == "planned"
    assert span(event) == ("2025-03-31", "2025-03-31", "day")


def test_a_plan_takes_no_time_from_two_sentences_before():
    event = only(
        "Uzbek President Shavkat Mirziyoyev will pay a working visit to the city of Khujand on "
        "March 31, UzA reports.\n\nThe region has long been troubled by border disputes.\n\n"
        "According to the visit program, talks between the foreign ministers of Uzbekistan and "
        "Kyrgyzstan are planned.",
        "talks",
        dt.date(2025, 3, 28),
    )
    assert event.when is None


def test_a_plan_s_weekday_read_in_the_past_tense_is_the_coming_one():
    event = only(
        "NATO chief Anders Fogh Rasmussen said he looked forward to a meeting of an international "
        "group on Libya in Doha on Wednesday.",
        "meeting",
        dt.date(2011, 4, 12),  # a Tuesday
    )
    assert event.status == "planned"
    assert span(event) == ("2011-04-13", "2011-04-13", "day")


def test_a_plan_that_was_due_on_a_weekday_keeps_that_weekday():
    event = only(
        "A joint mission of envoys from ECOWAS and the African Union was due to travel to Niamey "
        "on Tuesday, but the junta said it could not receive the delegation.",
        "meeting",
        dt.date(2023, 8, 11),  # a Friday
    )
    assert span(event) == ("2023-08-08", "2023-08-08", "day")  # not the coming Tuesday


def test_the_verb_that_ends_an_act_of_days_may_follow_its_parties():
    event = only(
        "Four-day U.S.-hosted negotiations between Armenian Foreign Minister Ararat Mirzoyan and "
        "his Azerbaijani counterpart Jeyhun Bayramov ended on Thursday, the Armenian Foreign "
        "Ministry said.",
        "talks",
        dt.date(2023, 5, 4),
    )
    assert span(event) == ("2023-05-01", "2023-05-04", "day")


def test_a_put_off_visit_keeps_the_month_it_was_scheduled_for():
    event = only(
        "Japanese Prime Minister Yoshihiko Noda said he delayed his visit to Moscow that was "
        "scheduled for December indefinitely.",
        "meeting",
        dt.date(2012, 11, 30),
    )
    assert event.status == "postponed"
    assert span(event) == ("2012-12-01", "2012-12-31", "month")


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        ("Uzbek President Shavkat Mirziyoyev will pay a state visit to Kazakhstan on August 8."
         "\n\nThe same week, Japanese Prime Minister Fumio Kishida will visit Kyrgyzstan.",
         dt.date(2024, 8, 5), ("2024-08-05", "2024-08-11", "week")),
        ("Uzbek President Shavkat Mirziyoyev visited Kazakhstan on August 8.\n\nThat month, "
         "Japanese Prime Minister Fumio Kishida visited Kyrgyzstan.",
         dt.date(2024, 9, 5), ("2024-08-01", "2024-08-31", "month")),
    ],
)
def test_the_same_week_or_that_month_is_the_unit_of_the_time_told_before(body, published, expected):
    found = extract(f"Test\n\n{body}\n", published=published).events
    [event] = [e for e in found if "Kishida" in e.evidence]
    assert span(event) == expected


def test_a_month_before_an_act_noun_dates_that_act_only():
    found = extract(
        "Test\n\nAssimi Goita, a colonel who led the August coup, was declared president on "
        "Friday.\n",
        published=dt.date(2021, 6, 1),
    ).events
    [coup] = [e for e in found if e.type == "military"]
    assert span(coup) == ("2020-08-01", "2020-08-31", "month")  # last August, told in June


def test_a_threat_takes_the_time_the_next_sentence_sets_for_the_threatened_act():
    event = only(
        "Donald Trump says he will sign an executive order imposing a 25 per cent tariff on all "
        "products coming in to the United States from Canada and Mexico.\n\nThe "
        "president-elect posted on Truth Social Monday that the duties will be among his actions "
        "on his first day back in the White House in January.",
        "sanctions",
        dt.date(2024, 11, 25),
    )
    assert event.status == "threatened"
    assert span(event) == ("2025-01-01", "2025-01-31", "month")


def test_a_threat_is_dated_when_made_when_no_time_is_set_for_it():
    event = only(
        "Donald Trump says he will sign an executive order imposing a 25 per cent tariff on all "
        "products coming in to the United States from Canada and Mexico.\n\nThe "
        "president-elect posted the message on Truth Social on Monday.",
        "sanctions",
        dt.date(2024, 11, 25),
    )
    assert span(event) == ("2024-11-25", "2024-11-25", "day")


def test_talks_of_several_days_told_without_a_day_end_on_the_story_s_day():
    found = extract(
        "Test\n\nKerry and Lavrov agreed on Saturday on a plan to remove Syria's chemical "
        "weapons.\n\nThey announced the agreement at a news conference after three days of "
        "talks in a Geneva hotel.\n",
        published=dt.date(2013, 9, 14),
    ).events
    [talks] = [e for e in found if e.type == "talks"]
    assert span(talks) == ("2013-09-12", "2013-09-14", "day")


def test_days_of_talks_ending_on_a_told_day():
    event = only(
        "Iran and the United States reached a framework on Thursday after eight days of talks in "
        "Lausanne.",
        "talks",
        dt.date(2015, 4, 2),
    )
    assert span(event) == ("2015-03-26", "2015-04-02", "day")


@pytest.mark.parametrize(
    ("body", "first_day"),
    [
        # the story's day is the Nth day of the talks: they began N - 1 days before it
        ("Iran and the United States agreed on a framework on the third day of talks between "
         "them.", "2013-09-12"),
        ("On the fourth day of talks with Iran, the United States presented a new offer.",
         "2013-09-11"),
        # told with its day: the talks ran up to it
        ("Iran and the United States held the second day of talks in Geneva on Friday.",
         "2013-09-12"),
    ],
)
def test_the_nth_day_of_talks_dates_them_from_their_first_day(body, first_day):
    event = only(body, "talks", dt.date(2013, 9, 14))
    assert event.when.start.isoformat() == first_day
    assert event.when.precision == "day"


def test_a_plan_takes_no_past_time_told_after_it():
    event = only(
        "McCully will announce this afternoon what further assistance New Zealand will give "
        "to Samoa, which was struck by the cyclone on Thursday.",
        "aid",
        dt.date(2012, 12, 18),
    )
    assert event.status == "planned"
    assert span(event) == ("2012-12-18", "2012-12-18", "day")


def test_a_time_told_before_the_saying_is_not_a_plan_s():
    event = only(
        "This afternoon as he left the White House for a two-day campaign swing President Trump "
        "said he intends to meet China's Xi Jinping in Buenos Aires.",
        "meeting",
        dt.date(2018, 11, 2),
    )
    assert event.status == "planned"
    assert event.when is None  # the guide: no time set for the meeting


def test_calls_to_several_leaders_take_the_day_told_for_each():
    found = extract(
        "Test\n\nEarlier, Trump had made telephone calls to the leaders of Canada and Mexico on "
        "Saturday and of Israel and Egypt on Sunday.\n",
        published=dt.date(2017, 1, 25),
    ).events
    days = {a.name: e.when.start.isoformat() for e in found if e.type == "call"
            for a in e.actors if a.name != "Donald Trump"}
    assert days == {
        "Canada": "2017-01-21", "Mexico": "2017-01-21", "Israel": "2017-01-22",
        "Egypt": "2017-01-22",
    }


def test_a_day_of_the_year_named_before_the_act_is_its_finer_time():
    event = only(
        "Trump and Nazarbayev noted the importance of their May 21 meeting during the 2017 "
        "Riyadh Summit.",
        "meeting",
        dt.date(2017, 9, 2),
    )
    assert span(event) == ("2017-05-21", "2017-05-21", "day")


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        ("\u201cPreparations for the second Russia-Africa summit in St Petersburg at the end of "
         "July and the upcoming BRICS summit in Johannesburg in August were also discussed,\u201d "
         "the Kremlin said.", dt.date(2023, 6, 7),
         ("2023-07-01", "2023-07-31", "month")),
        ("The regional leaders are likely to meet in St Vincent on September 2nd for a "
         "face-to-face summit of CARICOM.", dt.date(2020, 6, 19),
         ("2020-09-02", "2020-09-02", "day")),
    ],
)
def test_a_plan_s_time_without_its_year_read_back_long_ago_is_the_coming_one(
    body, published, expected
):
    found = extract(f"Test\n\n{body}\n", published=published).events
    plan = next(e for e in found if e.type == "meeting")
    assert plan.status == "planned"
    assert span(plan) == expected


def test_a_summit_not_attended_takes_the_days_a_later_sentence_says_it_is_to_be_held():
    found = extract(
        "Test\n\nMexican President Andr\u00e9s Manuel L\u00f3pez Obrador has signaled he will not "
        "attend this year\u2019s 9th Summit of the Americas if all countries in the region are "
        "not invited."
        "\n\nThe Biden administration does not intend to invite Cuba to the conference to be "
        "held in Los Angeles from June 6th through the 10th.\n",
        published=dt.date(2022, 5, 12),
    ).events
    [summit] = [e for e in found if e.type == "meeting"]
    assert summit.when is not None and summit.when.start == dt.date(2022, 6, 6)


def test_an_untimed_plan_takes_a_time_the_sentence_before_schedules():
    event = only(
        "Prime Minister Mahinda Rajapaksa is scheduled to leave for India on February 7th at the "
        "invitation of the Indian government.\n\nDuring his visit, Prime Minister Rajapaksa is "
        "scheduled to meet Indian Prime Minister Narendra Modi.",
        "meeting",
        dt.date(2020, 1, 18),
    )
    assert event.status == "planned"
    assert span(event) == ("2020-02-07", "2020-02-07", "day")


def test_a_plan_takes_no_time_it_was_originally_slated_for():
    found = extract(
        "Test\n\nA summit between Asean and the United States is rescheduled for May 12-13 in "
        "Washington.\n\nThe statement said Asean leaders and President Joe Biden will meet to "
        "discuss cooperation.\n\nThe summit was originally slated for March 28-29 but "
        "postponed.\n",
        published=dt.date(2022, 4, 17),
    ).events
    [plan] = [e for e in found if e.status == "planned"]
    assert plan.when is not None and plan.when.start == dt.date(2022, 5, 12)


def test_a_year_naming_the_story_s_own_summit_leaves_the_story_s_day():
    found = extract(
        "Test\n\nChinese President Xi Jinping pledged $60 billion for Africa on Monday.\n\nXi "
        "made the announcement in his keynote speech at the opening ceremony of the 2018 "
        "Beijing Summit of the Forum on China-Africa Cooperation.\n",
        published=dt.date(2018, 9, 4),
    ).events
    [summit] = [e for e in found if e.type == "meeting"]
    assert span(summit) == ("2018-09-03", "2018-09-03", "day")


def test_a_year_naming_a_past_act_is_its_time():
    event = only(
        "The 1956 Soviet-Japanese declaration was signed by Moscow and Tokyo.",
        "agreement",
        dt.date(2019, 1, 23),
    )
    assert span(event) == ("1956-01-01", "1956-12-31", "year")


def test_a_past_month_read_ahead_does_not_make_a_plan_of_what_is_told_in_the_present():
    found = extract(
        "Test\n\nRecep Tayyip Erdogan met Vladimir Putin in Sochi on Monday.\n\nThe talks "
        "mark the first meeting between Erdogan and Putin since his reelection in May.\n",
        published=dt.date(2023, 9, 4),
    ).events
    assert all(e.status == "occurred" for e in found)
    assert all(e.when is None or e.when.start <= dt.date(2023, 9, 4) for e in found)


def test_an_untimed_act_of_the_lead_takes_the_first_day_the_lead_then_tells():
    # published on a Thursday; the lead's call has no day, the next sentence tells Wednesday
    thursday = dt.date(2022, 3, 17)
    body = (
        "Kenya and Ghana should deepen trade, President Ruto told President Akufo-Addo in a "
        "phone call.\n\nThe two leaders also discussed regional security on Wednesday, a "
        "statement said."
    )
    found = [e for e in extract(f"Test\n\n{body}\n", published=thursday).events
             if e.type == "call"]
    assert found and span(found[0]) == ("2022-03-16", "2022-03-16", "day")
    # a day that names a noun ("Wednesday's attack") is no day of the story
    event = only(
        "Kenya recalled its ambassador to Uganda.\n\nWednesday's attack was condemned widely.",
        "sanctions", thursday,
    )
    assert span(event) == ("2022-03-17", "2022-03-17", "day")


def test_a_count_of_acts_over_a_time_is_not_the_act_s_time():
    # "for the second time this year" tells how often, not when: the visit waits for the time
    # a later sentence sets for it
    event = only(
        "President Ruto called off a trip to Ghana for the second time this year.\n\nHis "
        "planned travel to Accra on 12-13 September has been cancelled, officials said.",
        "meeting",
    )
    assert event.status == "cancelled"
    assert span(event) == ("2014-09-12", "2014-09-13", "day")


def test_a_plan_set_for_a_week_takes_the_day_a_later_sentence_tells_within_it():
    event = only(
        "Chancellor Scholz on Monday called off a planned visit to Brazil this week.\n\nThe "
        "Brazilian embassy had announced the visit was to begin on August 22.",
        "meeting",
    )
    assert event.status == "cancelled"
    assert span(event) == ("2014-08-22", "2014-08-22", "day")
    # a day outside the week is another act's: the week stays
    event = only(
        "Chancellor Scholz on Monday called off a planned visit to Brazil this week.\n\nThe "
        "Brazilian embassy had announced the visit was to begin on September 30.",
        "meeting",
    )
    assert span(event) == ("2014-08-18", "2014-08-24", "week")


def test_a_called_off_act_takes_a_set_time_told_before_the_word_for_it():
    event = only(
        "Planned talks between Kenya and Somalia were called off on Sunday.\n\nA Somali "
        "delegation had been due to cross the long and empty desert border on Wednesday and "
        "drive to Nairobi for the talks.",
        "talks",
    )
    assert event.status == "cancelled"
    assert span(event) == ("2014-08-20", "2014-08-20", "day")


def test_summits_in_the_plural_name_a_plan_a_later_sentence_times():
    event = only(
        "The African Union has postponed two extraordinary summits on trade.\n\nThe two "
        "summits that were due to be held in the capital on 30 August have been moved to "
        "December.",
        "meeting",
    )
    assert event.status == "postponed"
    assert span(event) == ("2014-08-30", "2014-08-30", "day")


def test_a_month_just_past_stays_past_for_an_offer_told_after_it():
    # an offer to visit "in July" told in August: the July just past (not next year's), as an
    # invitation "in June" told in May is for the coming June
    event = only("Ghana proposed a visit to Accra by President Ruto in July.", "meeting")
    assert event.status == "proposed"
    assert span(event) == ("2014-07-01", "2014-07-31", "month")


def test_a_put_off_visit_keeps_its_set_days_not_those_of_a_visit_elsewhere():
    found = extract(
        "Test\n\nPrime Minister Modi has postponed his three-day visit to Japan beginning on "
        "Wednesday. However, his visit to Cambodia will take place as scheduled from August "
        "25.\n", published=MONDAY,
    ).events
    event = next(e for e in found if e.status == "postponed")
    # "beginning on Wednesday", told on a Monday: the coming Wednesday, and the three days
    assert span(event) == ("2014-08-20", "2014-08-22", "day")


def test_the_act_told_before_a_day_after_is_on_the_day_it_counts_from():
    event = only("Ruto called up Museveni, a day after speaking to Kagame.", "call")
    assert span(event) == ("2014-08-18", "2014-08-18", "day")
    event = only(
        "Scholz will meet Denmark's prime minister a day after Italy backed down on its demands.",
        "meeting",
    )
    assert event.status == "planned"
    assert span(event) == ("2014-08-18", "2014-08-18", "day")


def test_a_weekly_s_story_day_may_lie_more_than_a_week_before_publication():
    event = only(
        "The February 3rd conference in London, led by Cameron, sought to deal with the crisis."
        "\n\nMerkel pledged $1 billion in aid to Jordan.",
        "aid", dt.date(2016, 2, 12),
    )
    assert span(event) == ("2016-02-03", "2016-02-03", "day")


def test_then_is_the_time_told_before():
    # "then" after its verb or auxiliary: at the time the sentence before told
    events = extract(
        "Test\n\nKenyan President William Ruto is meeting Ethiopian Prime Minister Abiy Ahmed "
        "on Tuesday.\n\nHe is then expected to meet with Somali President Hassan Sheikh "
        "Mohamud.\n", published=dt.date(2014, 8, 19),
    ).events
    event = next(e for e in events if any("Mohamud" in a.name for a in e.actors))
    assert event.status == "planned"
    assert span(event) == ("2014-08-19", "2014-08-19", "day")
    # ... and "September 18 last year" is one day, of last year
    events = extract(
        "Test\n\nThe Kenyan president made his first visit to Berlin on September 18 last year. "
        "Ruto met then with Scholz, and the two signed a declaration on trade.\n",
        published=dt.date(2019, 5, 10),
    ).events
    agreement = next(e for e in events if e.type == "agreement")
    assert span(agreement) == ("2018-09-18", "2018-09-18", "day")


def test_a_called_off_act_takes_the_time_the_sentence_before_set():
    found = extract(
        "Test\n\nThe leaders were due to gather in Arusha from September 14.\n\nHowever, "
        "the summit of the East African Community has now been postponed due to a strike, "
        "officials said.\n",
        published=MONDAY,
    ).events
    event = next(e for e in found if e.status == "postponed")
    assert span(event) == ("2014-09-14", "2014-09-14", "day")


def test_since_a_time_when_an_act_happened_dates_that_act():
    event = only(
        "Trade between the two countries has been frozen since March, when Somalia rejected a "
        "Kenyan proposal on the maritime border.",
        "rejection",
    )
    assert span(event) == ("2014-03-01", "2014-03-31", "month")


def test_a_call_a_day_before_another_is_an_act_of_its_own_on_that_day():
    events = extract(
        "Test\n\nRuto called up Museveni on Monday, a day after he spoke to Kagame.\n",
        published=MONDAY,
    ).events
    calls = sorted((span(e), sorted(a.name for a in e.actors)) for e in events if e.type == "call")
    assert calls == [
        (("2014-08-17", "2014-08-17", "day"), ["Paul Kagame", "William Ruto"]),
        (("2014-08-18", "2014-08-18", "day"), ["William Ruto", "Yoweri Museveni"]),
    ]


def test_an_untimed_act_of_a_person_just_dated_is_of_that_occasion():
    # published on a Wednesday: the story's latest day is Wednesday; the minister spoke on
    # Tuesday, and her next act, told without a day, is of the same occasion
    story = (
        "Test\n\nThe German government announced on Wednesday that it will send aid to Peru.\n\n"
        "On Tuesday, Foreign Minister Annalena Baerbock praised Peru's rescue teams in an "
        "interview.\n\n{} also urged Chile to send more rescue teams.\n"
    )
    found = extract(story.format("Baerbock"), published=dt.date(2024, 6, 12)).events
    [demand] = [e for e in found if e.type == "demand"]
    assert span(demand) == ("2024-06-11", "2024-06-11", "day")
    # another person's act is of the story's day
    found = extract(story.format("Chancellor Olaf Scholz"), published=dt.date(2024, 6, 12)).events
    [demand] = [e for e in found if e.type == "demand"]
    assert span(demand) == ("2024-06-12", "2024-06-12", "day")


def test_days_later_count_from_the_day_told_before_past_or_ahead():
    found = extract(
        "Test\n\nRussia and Ukraine held talks in Istanbul on Monday.\n\n"
        "Two days later, Russia accused Ukraine of shelling the plant.\n\n"
        "Putin will visit Turkey on Saturday.\n\nThe next day he will meet Erdogan in Izmir.\n",
        published=dt.date(2024, 6, 14),  # a Friday
    ).events
    [accusation] = [e for e in found if e.type == "criticism"]
    assert span(accusation) == ("2024-06-12", "2024-06-12", "day")
    [meeting] = [e for e in found if e.type == "meeting" and "Erdogan" in e.evidence]
    assert span(meeting) == ("2024-06-16", "2024-06-16", "day")


def test_also_on_a_weekday_is_the_day_of_that_weekday_told_before():
    # published on a Thursday: "also on Thursday" is last Thursday, told before, not today
    found = extract(
        "Test\n\nLast Thursday, the opposition asked the United Nations to mediate.\n\n"
        "At a press conference also on Thursday, Foreign Minister Annalena Baerbock rejected "
        "the request from Hungary.\n",
        published=dt.date(2024, 6, 13),
    ).events
    [rejection] = [e for e in found if e.type == "rejection"]
    assert span(rejection) == ("2024-06-06", "2024-06-06", "day")


def test_a_time_told_after_the_saying_of_a_plan_is_not_its_set_time():
    # "on Monday" is when the ministry told of the call, not a day set for the visit
    event = only(
        "The two presidents discussed plans for Ruto to visit Ethiopia, the foreign ministry "
        "said in a summary of the call on Monday.",
        "meeting",
    )
    assert event.status == "planned"
    assert event.when is None


def test_a_time_in_what_was_said_stays_the_plans():
    event = only(
        "The Kenyan foreign ministry said that President William Ruto will visit Ethiopia on "
        "Thursday.",
        "meeting",
    )
    assert span(event) == ("2014-08-21", "2014-08-21", "day")


def test_a_visit_that_has_been_arranged_is_a_plan_read_ahead():
    # published on a Monday: "on Wednesday" is this week's, the visit still to come
    event = only(
        "Indonesian Foreign Minister Retno Marsudi said her visit to Australia on Wednesday has "
        "been arranged by the two ministries.",
        "meeting",
    )
    assert event.status == "planned"
    assert span(event) == ("2014-08-20", "2014-08-20", "day")


def test_a_bare_weekday_told_before_a_plan_is_the_coming_one():
    # published on a Monday: "On Thursday, ... is expected to meet" is this Thursday
    event = only(
        "On Thursday, Kenyan President William Ruto is expected to meet Ethiopian Prime "
        "Minister Abiy Ahmed in Addis Ababa.",
        "meeting",
    )
    assert event.status == "planned"
    assert span(event) == ("2014-08-21", "2014-08-21", "day")


def test_a_weekday_before_the_saying_of_a_plan_stays_the_sayings():
    event = only(
        "On Thursday, Kenyan President William Ruto said he would meet Ethiopian Prime "
        "Minister Abiy Ahmed.",
        "meeting",
    )
    assert event.status == "planned"
    assert event.when is None


def test_a_time_in_a_relative_clause_closed_before_the_act_is_that_clauses():
    # "who took power in July" dates the taking of power, not the expulsion
    event = only(
        "Gabon's military rulers, who took power in July, have expelled the French ambassador.",
        "sanctions",
    )
    assert event.when is not None and event.when.precision == "day"
    assert span(event) == ("2014-08-18", "2014-08-18", "day")


def test_a_time_in_a_relative_clause_that_the_act_continues_stays():
    # no main verb closes the clause: the act may be the clause's own
    event = only(
        "Gabon's military rulers, who expelled the French ambassador in July, said they would "
        "not reverse the decision.",
        "sanctions",
    )
    assert span(event) == ("2014-07-01", "2014-07-31", "month")


def test_an_offer_takes_the_time_set_for_it_not_the_day_it_was_reported():
    # "is looking to" tells an offer; the summit's set day is its time, not Monday's report
    event = only(
        "The Nation newspaper reported on Monday that President William Ruto is looking to meet "
        "Ethiopian Prime Minister Abiy Ahmed on the sidelines of the regional summit set for "
        "September 2.",
        "meeting",
    )
    assert event.status == "proposed"
    assert span(event) == ("2014-09-02", "2014-09-02", "day")


def test_a_weekday_after_likely_is_read_ahead():
    event = only(
        "Presidents William Ruto and Yoweri Museveni are likely to sign a trade agreement on "
        "Wednesday.",
        "agreement",
    )
    assert span(event) == ("2014-08-20", "2014-08-20", "day")


def test_tomorrow_in_a_quote_is_counted_from_the_day_the_story_told():
    # published on a Tuesday; the minister spoke on Monday: his "tomorrow" is Tuesday
    found = extract(
        "Test\n\nKenyan Foreign Minister Musalia Mudavadi said on Monday he had cancelled his "
        "visit to Ethiopia.\n\n"
        "\"I have informed Addis Ababa that I will not make the visit to Ethiopia that was due "
        "tomorrow,\" Mudavadi said.\n",
        published=dt.date(2014, 8, 19),
    ).events
    [visit] = [e for e in found if e.type == "meeting"]
    assert visit.status == "cancelled"
    assert span(visit) == ("2014-08-19", "2014-08-19", "day")


def test_a_writers_gloss_in_a_quote_stays_counted_from_publication():
    found = extract(
        "Test\n\nKenyan Foreign Minister Musalia Mudavadi said on Monday he had cancelled his "
        "visit to Ethiopia.\n\n"
        "\"The visit was due this (tomorrow) morning,\" Mudavadi said.\n",
        published=dt.date(2014, 8, 19),
    ).events
    [visit] = [e for e in found if e.type == "meeting"]
    assert span(visit) == ("2014-08-20", "2014-08-20", "day")  # from publication



def test_that_evening_and_the_next_morning_count_from_the_day_told_before():
    found = extract(
        "Test\n\nKenyan President William Ruto first visited Addis Ababa on March 3, 2013.\n\n"
        "That evening, Ruto signed a trade agreement with Ethiopia.\n\n"
        "The next morning, Ruto held talks with Ethiopian President Taye Atske Selassie.\n",
        published=dt.date(2014, 8, 20),
    ).events
    [deal] = [e for e in found if e.type == "agreement"]
    assert span(deal) == ("2013-03-03", "2013-03-03", "day")
    [talks] = [e for e in found if "next morning" in e.evidence]
    assert span(talks) == ("2013-03-04", "2013-03-04", "day")


def test_the_same_evening_after_the_next_morning_is_of_the_day_counted():
    found = extract(
        "Test\n\nKenyan President William Ruto first visited Addis Ababa on March 3, 2013.\n\n"
        "The next morning, Ruto held talks with Ethiopian President Taye Atske Selassie.\n\n"
        "That evening, Ruto signed a trade agreement with Ethiopia.\n",
        published=dt.date(2014, 8, 20),
    ).events
    [deal] = [e for e in found if e.type == "agreement"]
    assert span(deal) == ("2013-03-04", "2013-03-04", "day")


def test_a_time_told_by_a_participle_after_a_noun_dates_that_noun_only():
    # "approved Thursday by the US Congress" qualifies the bill; the criticism is Saturday's
    event = only(
        "Russia said the sanctions bill approved Thursday by the US Congress was an attack on "
        "Russian sovereignty, Ryabkov said on Saturday.",
        "criticism",
        dt.date(2014, 12, 13),
    )
    assert span(event) == ("2014-12-13", "2014-12-13", "day")


@pytest.mark.parametrize(
    ("sentence", "qualifying"),
    [
        ("the bill approved Thursday by the Senate angered Moscow", True),
        ("the bill was approved Thursday by the Senate", False),  # the clause's own verb
        ("Putin spoke Thursday by video link with Xi", False),  # a means, not an agent
        ("the leaders who met Thursday by the lake", False),
        ("the bill approved Thursday angered Moscow", False),  # no agent: may be the verb
    ],
)
def test_a_participle_time_with_its_agent_qualifies_the_noun(sentence, qualifying):
    from tracker.extract.dates import find_dates

    [date] = find_dates(sentence, dt.date(2014, 12, 13))
    assert date.qualifying is qualifying


def test_a_plan_told_on_without_a_time_keeps_the_time_the_lead_set_for_the_story_s_plan():
    found = extract(
        "Test\n\nThe White House has announced that President Donald Trump will not travel to "
        "Japan this week.\n\nHe was set to attend a summit in Tokyo. He would also not be making "
        "a follow-up trip to South Korea, as previously planned.\n\nTrump said he intends to "
        "have dinner with Xi Jinping.\n",
        published=dt.date(2018, 4, 10),
    ).events
    meetings = {tuple(a.name for a in e.actors): e for e in found if e.type == "meeting"}
    week = ("2018-04-09", "2018-04-15", "week")
    assert span(meetings[("Donald Trump", "Japan")]) == week
    # the same person's plan called off in the same way: the lead's trip
    assert span(meetings[("Donald Trump", "South Korea")]) == week
    # a plan of another status, with a party the lead's plan lacks: no time told for it
    assert meetings[("Donald Trump", "Xi Jinping")].when is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # named again by its name and noun: the time told after it is the time it was set for
        ("G8 summit", ("2014-06-01", "2014-06-30", "month")),
        # a common word is no name: the day it was called off stands
        ("annual summit", ("2014-03-24", "2014-03-24", "day")),
    ],
)
def test_a_called_off_plan_named_again_takes_the_time_told_after_its_name(name, expected):
    event = only(
        "Barack Obama and the G7 leaders on Monday cancelled an upcoming G8 summit in Russia."
        f"\n\nIt was announced that the {name} in Sochi in June would be replaced by a G7 "
        "meeting in Brussels.",
        "meeting",
        dt.date(2014, 3, 26),
    )
    assert event.status == "cancelled"
    assert span(event) == expected


def test_a_year_before_a_noun_dates_the_participle_that_describes_it():
    got = extract(
        "Test\n\nCairo cited the 2015 declaration of principles signed by Egypt, Ethiopia and "
        "Sudan.\n",
        published=dt.date(2023, 9, 11),
    ).events
    assert [(e.type, e.when.start.isoformat(), e.when.precision) for e in got] == [
        ("agreement", "2015-01-01", "year")
    ]


def test_an_after_clause_past_a_visit_of_days_does_not_make_its_day_the_last():
    event = only(
        "Sheikh Hasina arrived at New Delhi on Thursday on a four-day official visit, after "
        "assuming office for a third term.",
        "meeting", published=dt.date(2019, 10, 5),
    )
    assert span(event) == ("2019-10-03", "2019-10-06", "day")
    event = only("Modi returned home on Friday following a three-day visit to Japan.",
                 "meeting", published=dt.date(2019, 10, 5))
    assert span(event) == ("2019-10-02", "2019-10-04", "day")


@pytest.mark.parametrize(
    "body, event_type, day",
    [
        # a day between a determiner and a noun dates that noun only: the act is the story's
        ("Iran rejected the March 3 proposal by the European Union.", "rejection", "2013-05-25"),
        (
            "Taiwan demanded that the Philippines punish those behind the May 9 shooting.",
            "demand", "2013-05-25",
        ),
        # the occasion at which the act was done is the act's day
        ("At a May 20 press conference, Fico criticised Ukraine.", "criticism", "2013-05-20"),
        ("Iran rejected the proposal by the European Union on March 3.", "rejection", "2013-03-03"),
        # and the noun's own act keeps it
        ("The May 3 talks between Iran and Germany ended without a deal.", "talks", "2013-05-03"),
    ],
)
def test_a_day_before_a_noun_dates_that_noun(body, event_type, day):
    event = only(body, event_type, dt.date(2013, 5, 25))
    assert event.when is not None and event.when.start.isoformat() == day


def test_a_day_after_a_named_day_counts_from_that_day():
    # told on Monday 15 April: "a day after Saturday's attack" is Sunday 14 April, not the
    # day of the strike the sentence before named
    text = (
        "Iran fired drones at Israel, which Tehran said was in response to the 1 April strike "
        "on its consulate. The G7 condemned Iran a day after Saturday's attack on Israel."
    )
    found = extract(f"Test\n\n{text}\n", published=dt.date(2024, 4, 15)).events
    condemned = [e for e in found if e.type == "criticism"]
    assert [span(e) for e in condemned] == [("2024-04-14", "2024-04-14", "day")]


def test_a_meeting_called_off_in_the_present_keeps_the_weekday_ahead():
    # told on Wednesday 6 March: "is no longer meeting ... on Thursday" is the coming Thursday
    meeting = only(
        "Pompeo is no longer meeting with North Korea's Kim Yong Chol on Thursday in New York.",
        "meeting", dt.date(2024, 3, 6),
    )
    assert (meeting.status, span(meeting)) == ("cancelled", ("2024-03-07", "2024-03-07", "day"))


@pytest.mark.parametrize(
    ("body", "event_type", "expected"),
    [
        (
            "ECOWAS decided Friday that it would uphold sanctions imposed in January on Mali.",
            "sanctions",
            ("2022-01-01", "2022-01-31", "month"),
        ),
        (
            "Iran will respect the agreement reached in February with the United States.",
            "agreement",
            ("2022-02-01", "2022-02-28", "month"),
        ),
    ],
)
def test_a_participle_after_the_acts_noun_tells_it_done_whatever_the_modal(
    body, event_type, expected
):
    event = only(body, event_type, dt.date(2022, 3, 27))
    assert event.status == "occurred"  # the modal is the governing verb's, not the act's
    assert span(event) == expected  # last January, not the next one


def test_a_participle_in_a_verb_group_still_tells_a_time_ahead():
    event = only(
        "The deal will be signed in June by Russia and Ukraine.", "agreement", dt.date(2022, 3, 27)
    )
    assert event.status == "planned"
    assert span(event) == ("2022-06-01", "2022-06-30", "month")
