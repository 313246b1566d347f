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


MONDAY = dt.date(2022, 5, 2)


def test_this_weekday_told_in_the_past_is_the_one_just_past():
    found = events_of(
        "Mexican President Andres Manuel Lopez Obrador spoke by phone with U.S. President Joe "
        "Biden. The call between the two leaders took place this Friday at noon.",
        MONDAY,
    )
    [call] = [e for e in found if e.type == "call"]
    assert span(call) == ("2022-04-29", "2022-04-29", "day")


def test_this_weekday_of_an_infinitive_after_a_past_verb_is_ahead():
    from tracker.extract.dates import find_dates

    [date] = find_dates("The two leaders agreed to meet this Friday.", MONDAY)
    assert date.when.start == dt.date(2022, 5, 6)
    [date] = find_dates("The talks took place this Friday.", MONDAY)
    assert date.when.start == dt.date(2022, 4, 29)


WEDNESDAY = dt.date(2024, 3, 13)


def test_a_weekday_after_an_arrangement_told_in_the_present_is_ahead():
    found = events_of("Biden is hosting Kishida at the White House on Friday.", WEDNESDAY)
    [visit] = [e for e in found if e.type == "meeting"]
    assert visit.status == "planned"
    assert span(visit) == ("2024-03-15", "2024-03-15", "day")


def test_a_weekday_after_a_past_or_a_noun_stays_behind():
    from tracker.extract.dates import find_dates

    for sentence in (
        "Nuland did meet the coup leaders in Niamey on Monday.",  # emphatic past
        "Blinken spoke at a meeting on Monday.",  # a noun, not a verb in the present
        "Blinken met Wang at the meeting on Monday.",
    ):
        [date] = find_dates(sentence, WEDNESDAY)
        assert date.when.start == dt.date(2024, 3, 11), sentence
    [date] = find_dates("Kishida is travelling to Washington on Monday.", WEDNESDAY)
    assert date.when.start == dt.date(2024, 3, 18)


def test_a_yearless_date_ahead_told_in_the_past_is_last_years():
    from tracker.extract.dates import find_dates

    [date] = find_dates("Macron visited China on April 5.", WEDNESDAY)
    assert date.when.start == dt.date(2023, 4, 5)
    for sentence in (
        "The summit is to be held on April 5.",  # a passive still to come
        "The talks were postponed until April 5.",  # a bound: the new time
        "Trump expressed doubt over the April 5 date.",  # the date of a noun
        "The leaders agreed to meet on April 5.",  # the time of the infinitive
    ):
        [date] = find_dates(sentence, WEDNESDAY)
        assert date.when.start == dt.date(2024, 4, 5), sentence


def test_day_ranges_told_with_to_or_through():
    from tracker.extract.dates import find_dates

    cases = {
        "Macron visited China from April 5 to 7, 2023.": ("2023-04-05", "2023-04-07"),
        "Macron visited China from 5 to 7 April 2023.": ("2023-04-05", "2023-04-07"),
        "The conference was held from June 6th through 10th, 2023.": ("2023-06-06", "2023-06-10"),
    }
    for sentence, (first, last) in cases.items():
        [date] = find_dates(sentence, WEDNESDAY)
        assert (date.when.start.isoformat(), date.when.end.isoformat()) == (first, last)
    [date] = find_dates("Inflation rose on April 5 to 7 percent.", WEDNESDAY)
    assert date.text == "April 5"


def test_a_participle_after_an_act_noun_tells_its_time():
    found = events_of(
        "China on Tuesday condemned the U.S. sanctions imposed on Chinese firms last week.",
        WEDNESDAY,
    )
    [sanctions] = [e for e in found if e.type == "sanctions"]
    assert span(sanctions) == ("2024-03-04", "2024-03-10", "week")
    [criticism] = [e for e in found if e.type == "criticism"]
    assert span(criticism) == ("2024-03-12", "2024-03-12", "day")


def test_a_relative_clause_doing_the_act_of_its_noun_tells_its_time():
    found = events_of(
        "Officials said today that the talks covered an agreement between North Korea and "
        "South Korea that their leaders signed April 27.",
        dt.date(2018, 5, 16),
    )
    [deal] = [e for e in found if e.type == "agreement"]
    assert span(deal) == ("2018-04-27", "2018-04-27", "day")


def test_a_relative_clause_of_another_act_does_not_date_the_noun():
    found = events_of(
        "Western nations imposed new restrictions on Belarus on Monday in response to a "
        "crackdown on dissent that began a year ago.",
        dt.date(2021, 8, 10),
    )
    [sanctions] = [e for e in found if e.type == "sanctions"]
    assert span(sanctions) == ("2021-08-09", "2021-08-09", "day")


def test_a_day_told_inside_a_status_cue_does_not_break_it():
    found = events_of("Kishida and Yoon agreed on Monday to meet again in May.", WEDNESDAY)
    [meeting] = [e for e in found if e.type == "meeting"]
    assert meeting.status == "planned"
    assert span(meeting) == ("2024-05-01", "2024-05-31", "month")


def test_this_past_weekend_is_the_one_just_gone():
    from tracker.extract.dates import find_dates

    [date] = find_dates("Putin met Xi this past weekend.", WEDNESDAY)
    assert (date.when.start, date.when.end) == (dt.date(2024, 3, 9), dt.date(2024, 3, 10))


def test_a_person_told_acting_a_day_after_acts_on_that_day_in_the_next_sentence():
    # Friday, February 26, 2016: the sanctions are Thursday's, the minister spoke on Wednesday
    found = events_of(
        "The European Union imposed sanctions on Belarus on Thursday. The move came a day "
        "after Belarusian Foreign Minister Vladimir Makei addressed parliament in Minsk. "
        "Makei warned that Belarus would retaliate with military force.",
        FRIDAY,
    )
    [threat] = [e for e in found if e.type == "military" and "Makei" in e.evidence]
    assert span(threat) == ("2016-02-24", "2016-02-24", "day")


def test_a_state_acting_after_a_day_after_keeps_the_story_day():
    # no person named: the state goes on acting on the story's day
    found = events_of(
        "Poland recalled its ambassador to Belarus on Thursday, a day after Belarus "
        "expelled two of its diplomats. Poland also condemned the decision of Belarus.",
        FRIDAY,
    )
    [condemned] = [e for e in found if e.type == "criticism" and "condemned" in e.evidence]
    assert span(condemned) == ("2016-02-25", "2016-02-25", "day")


def test_plans_told_on_after_a_scheduled_trip_keep_its_day():
    found = events_of(
        "Indian Prime Minister Narendra Modi is scheduled to leave for Japan on March 3. "
        "During the trip, Modi is expected to meet Japanese Prime Minister Fumio Kishida. "
        "He will also visit Kyoto and Osaka.",
        FRIDAY,
    )
    [visit] = [e for e in found if e.type == "meeting" and "Kyoto" in e.evidence]
    assert span(visit) == ("2016-03-03", "2016-03-03", "day")


def test_an_act_done_overnight_is_of_the_day_before_the_report():
    found = events_of("Fiji made a formal request to Australia for assistance overnight.", FRIDAY)
    [request] = [e for e in found if e.type == "demand"]
    assert span(request) == ("2016-02-25", "2016-02-25", "day")


def test_overnight_before_its_noun_names_the_night_into_the_report_day():
    found = events_of("Overnight Russian missile strikes on Ukraine killed four people.", FRIDAY)
    [strikes] = [e for e in found if e.type == "military"]
    assert span(strikes) == ("2016-02-26", "2016-02-26", "day")


def test_a_day_range_may_name_its_last_day_as_an_ordinal():
    for told in ("from March 8th through the 10th", "from March 8 to the 10th"):
        found = events_of(f"Macron will visit China {told}.", FRIDAY)
        [visit] = [e for e in found if e.type == "meeting"]
        assert span(visit) == ("2016-03-08", "2016-03-10", "day")


def test_earlier_in_the_day_is_the_day_the_story_told_not_publication():
    thursday = dt.date(2022, 7, 21)
    found = events_of(
        "Iraq on Wednesday summoned the Turkish ambassador over the bombardment of a resort. "
        "Officials said Turkey had shelled the resort earlier in the day. "
        "Iraq accused Turkey of striking the resort.",
        thursday,
    )
    assert [(e.type, span(e)) for e in found] == [
        ("criticism", ("2022-07-20", "2022-07-20", "day")),
        ("military", ("2022-07-20", "2022-07-20", "day")),
        ("criticism", ("2022-07-20", "2022-07-20", "day")),
    ]


def test_later_in_the_day_with_no_day_told_is_the_day_of_publication():
    monday = dt.date(2022, 3, 7)
    [call] = events_of("Modi is expected to call Russian President Vladimir Putin later in the "
                       "day.", monday)
    assert (call.type, call.status, span(call)) == (
        "call", "planned", ("2022-03-07", "2022-03-07", "day"))
