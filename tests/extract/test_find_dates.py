import datetime as dt

import pytest

from tracker.extract.dates import find_dates, parse_when

PUBLISHED = dt.date(2024, 6, 12)  # a Wednesday


def first(sentence, base=PUBLISHED, future_from=None):
    found = [d for d in find_dates(sentence, base, future_from) if d.when]
    return found[0] if found else None


@pytest.mark.parametrize(
    ("sentence", "start", "end", "precision"),
    [
        ("They met on Monday.", "2024-06-10", "2024-06-10", "day"),
        ("They met in March.", "2024-03-01", "2024-03-31", "month"),
        ("They met last week.", "2024-06-03", "2024-06-09", "week"),
        ("They met in 2019.", "2019-01-01", "2019-12-31", "year"),
        ("The plan was unveiled in early May.", "2024-05-01", "2024-05-31", "month"),
        ("A visit is due later this month.", "2024-06-01", "2024-06-30", "month"),
        ("Growth slowed in mid-2023.", "2023-01-01", "2023-12-31", "year"),
        ("It was agreed earlier this month.", "2024-06-01", "2024-06-30", "month"),
        ("The pact was signed in July last year.", "2023-07-01", "2023-07-31", "month"),
        ("The talks opened on 3 June 2022.", "2022-06-03", "2022-06-03", "day"),
        ("The talks opened on Feb. 28.", "2024-02-28", "2024-02-28", "day"),
        ("Modi is expected to call Putin later in the day.", "2024-06-12", "2024-06-12", "day"),
        ("The two spoke earlier in the day.", "2024-06-12", "2024-06-12", "day"),
    ],
)
def test_resolution_keeps_precision(sentence, start, end, precision):
    found = first(sentence)
    assert found is not None
    w = found.when
    assert (w.start.isoformat(), w.end.isoformat(), w.precision) == (start, end, precision)


def test_future_tense_reads_weekdays_and_months_forward():
    sentence = "She will travel on Monday and again in March."
    found = [d.when for d in find_dates(sentence, PUBLISHED, sentence.index("will"))]
    assert found[0].start == dt.date(2024, 6, 17)
    assert found[1].start == dt.date(2025, 3, 1)


def test_percentages_and_counts_are_not_years():
    assert first("The two states hold 88% of the warheads and 2,020 tanks.") is None
    assert first("They own 1999 percent more.") is None


def test_since_marks_a_duration_not_the_time_of_an_act():
    [found] = [d for d in find_dates("The first visit since 2018.", PUBLISHED) if d.when]
    assert found.anchor is False


def test_without_a_publication_date_only_absolute_dates_resolve():
    assert first("They met on Monday.", base=None) is None
    assert first("They met on 4 February 2023.", base=None).when.start == dt.date(2023, 2, 4)


def test_parse_when_handles_expressions_dateparser_misses():
    assert parse_when("early May", dt.date(2025, 7, 1)).precision == "month"
    assert parse_when("later this month", dt.date(2025, 7, 9)).start == dt.date(2025, 7, 1)


def test_over_the_weekend_is_the_latest_weekend_or_the_coming_one():
    # the corpus dates a weekend by its Saturday and Sunday, as days
    monday = dt.date(2024, 11, 25)
    [past] = find_dates("They met over the weekend.", monday)
    assert (past.when.start, past.when.end, past.when.precision) == (
        dt.date(2024, 11, 23), dt.date(2024, 11, 24), "day"
    )
    sentence = "They will meet over the weekend."
    [ahead] = find_dates(sentence, dt.date(2024, 11, 27), sentence.index("will"))
    assert (ahead.when.start, ahead.when.end) == (dt.date(2024, 11, 30), dt.date(2024, 12, 1))


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("Maduro had been in Mexico last weekend.", "2021-09-18", "2021-09-19"),
        ("The talks were set for this weekend.", "2021-09-25", "2021-09-26"),
        ("They met at the weekend.", "2021-09-25", "2021-09-26"),
        ("They will meet next weekend.", "2021-10-02", "2021-10-03"),
    ],
)
def test_a_weekend_is_its_saturday_and_sunday(sentence, start, end):
    saturday = dt.date(2021, 9, 25)
    future = sentence.find(" will ")
    [found] = find_dates(sentence, saturday, future if future >= 0 else None)
    w = found.when
    assert (w.start.isoformat(), w.end.isoformat(), w.precision) == (start, end, "day")


@pytest.mark.parametrize(
    ("sentence", "start", "precision"),
    [
        ("Trump made a phone call to Modi late last night.", "2017-01-24", "day"),
        ("We discussed last night with the UN envoy.", "2017-01-24", "day"),
        ("They spoke two days ago.", "2017-01-23", "day"),
        ("A delegation went to Addis Ababa two weeks ago.", "2017-01-09", "week"),
        ("They met a month ago.", "2016-12-01", "month"),
        ("The agreement was signed a decade ago.", "2007-01-01", "year"),
        ("The pact was signed 3 years ago.", "2014-01-01", "year"),
    ],
)
def test_last_night_and_times_counted_back_from_publication(sentence, start, precision):
    [found] = find_dates(sentence, dt.date(2017, 1, 25))
    assert (found.when.start.isoformat(), found.when.precision) == (start, precision)


def test_a_couple_of_weeks_ago_is_no_time():
    assert find_dates("They were expelled a couple of weeks ago.", dt.date(2018, 4, 6)) == []


def test_a_weekday_told_with_its_date_is_that_date():
    sentence = (
        "Turkey will be sanctioned, Esper told his counterpart Hulusi Akar on Wednesday, June 26 "
        "following a NATO meeting."
    )
    [found] = find_dates(sentence, dt.date(2019, 6, 28), sentence.index("will"))
    assert found.when.start == dt.date(2019, 6, 26)
    assert found.text == "on Wednesday, June 26"


@pytest.mark.parametrize(
    ("sentence", "base", "start", "end", "precision"),
    [
        ("Kerry would arrive in the last week of June.", dt.date(2013, 6, 18),
         "2013-06-24", "2013-06-30", "week"),
        ("They will hold talks on the third week of December.", dt.date(2019, 12, 4),
         "2019-12-16", "2019-12-22", "week"),
        ("They met in the first week of March 2024.", None, "2024-03-04", "2024-03-10", "week"),
        ("I will be postponing our meeting scheduled in two weeks.", dt.date(2019, 8, 21),
         "2019-09-02", "2019-09-08", "week"),
        ("They will meet in 3 days.", dt.date(2025, 1, 30), "2025-02-02", "2025-02-02", "day"),
        ("The two leaders will meet again within one month.", dt.date(2014, 5, 9),
         "2014-05-10", "2014-06-09", "month"),
        ("Overnight strikes killed four people.", dt.date(2025, 10, 31),
         "2025-10-31", "2025-10-31", "day"),
    ],
)
def test_weeks_of_a_month_spans_ahead_and_overnight(sentence, base, start, end, precision):
    future = sentence.find(" will ")
    found = [d.when for d in find_dates(sentence, base, future if future >= 0 else None) if d.when]
    assert found
    w = found[0]
    assert (w.start.isoformat(), w.end.isoformat(), w.precision) == (start, end, precision)


def test_a_length_of_time_in_the_past_is_no_date():
    # "in a week" told of the past is how long, not when
    assert find_dates("It was the third launch in a week.", PUBLISHED) == []


def test_a_weekday_of_an_issued_statement_reads_backward_after_a_future_cue():
    sentence = "An intervention would be war, according to a statement issued Monday night."
    [found] = find_dates(sentence, dt.date(2023, 8, 1), sentence.index("would"))
    assert found.when.start == dt.date(2023, 7, 31)


def test_within_a_span_reads_ahead_even_in_the_past_tense():
    [found] = find_dates("The two leaders agreed to meet again within one month.", PUBLISHED)
    assert (found.when.start, found.when.precision) == (dt.date(2024, 6, 13), "month")


@pytest.mark.parametrize(
    ("sentence", "days_back"),
    [("Medvedev gave instructions a day earlier.", 1), ("It fell three days earlier.", 3),
     ("They met the previous day.", 1), ("They had met the day before.", 1)],
)
def test_days_earlier_count_back_from_the_time_told_before(sentence, days_back):
    [found] = find_dates(sentence, PUBLISHED)
    assert found.same_as_before and found.days_back == days_back


def test_days_before_an_event_named_after_them_are_no_time_of_their_own():
    assert find_dates("Two days before the summit they spoke.", PUBLISHED) == []


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("He will visit Bucharest from 9-10 January 2022.", "2022-01-09", "2022-01-10"),
        ("He will visit Spain from January 10-12, 2022.", "2022-01-10", "2022-01-12"),
        ("The summit is slated for Dec. 23-25, 2019.", "2019-12-23", "2019-12-25"),
        ("They met on 30-31 June 2022.", "2022-06-30", "2022-06-30"),  # no 31 June: one day
    ],
)
def test_a_range_of_days_starts_on_its_first(sentence, start, end):
    [found] = [d.when for d in find_dates(sentence, PUBLISHED) if d.when]
    assert (found.start.isoformat(), found.end.isoformat(), found.precision) == (
        start, end, "day"
    )


def test_a_weekday_that_was_due_is_the_nearest_one():
    sentence = "A joint mission was due to travel to Niamey on Tuesday, but it was called off."
    [found] = find_dates(sentence, dt.date(2023, 8, 11), sentence.index("due"))
    assert found.when.start == dt.date(2023, 8, 8) and found.scheduled
    sentence = "A joint mission is due to travel to Niamey on Tuesday."
    [found] = find_dates(sentence, dt.date(2023, 8, 11), sentence.index("due"))
    assert found.when.start == dt.date(2023, 8, 15)


def test_days_after_mark_the_act_that_follows():
    [found] = find_dates("It came a day after the EU condemned the offensive.", PUBLISHED)
    assert found.same_as_before and found.days_back == 1 and found.of_next_act


def test_by_a_weekday_in_the_past_is_when_it_was_done_and_ahead_a_deadline():
    [done] = find_dates("France was quick to reject the order by Friday evening.", PUBLISHED)
    assert done.anchor and done.when.start == dt.date(2024, 6, 7)
    sentence = "They must leave by Friday."
    [deadline] = find_dates(sentence, PUBLISHED, sentence.index("must"))
    assert not deadline.anchor


@pytest.mark.parametrize(
    ("sentence", "start", "precision"),
    [
        ("They have for the last three weeks been negotiating.", "2013-12-30", "week"),
        ("The U.S. committed $774 million over the past year.", "2013-01-01", "year"),
        ("During the past three years Turkey has criticised Brussels.", "2011-01-01", "year"),
        ("In the past two days they met twice.", "2014-01-21", "day"),
    ],
)
def test_a_span_up_to_publication_starts_that_far_back(sentence, start, precision):
    lows = {w.lower().strip(",.") for w in sentence.split()}
    [found] = find_dates(sentence, dt.date(2014, 1, 23), lows=lows)
    assert (found.when.start.isoformat(), found.when.precision) == (start, precision)


@pytest.mark.parametrize(
    ("sentence", "start", "anchor"),
    [
        ("If the junta did not free Kabore by Thursday next week, it would impose sanctions.",
         "2022-03-31", False),
        ("They will meet on Tuesday next week.", "2022-03-29", True),
        ("They met on Tuesday last week.", "2022-03-15", True),
    ],
)
def test_a_weekday_of_next_or_last_week_is_that_week_s_day(sentence, start, anchor):
    cue = next((sentence.index(w) for w in (" if", "If", " will") if w in sentence), None)
    [found] = find_dates(sentence, dt.date(2022, 3, 23), cue)
    assert (found.when.start.isoformat(), found.when.precision, found.anchor) == (
        start, "day", anchor
    )


def test_this_afternoon_is_the_day_of_publication_unless_quoted():
    sentence = "McCully will announce this afternoon what assistance New Zealand will offer."
    [found] = find_dates(sentence, dt.date(2012, 12, 18), sentence.index("will"))
    assert (found.when.start, found.when.precision) == (dt.date(2012, 12, 18), "day")
    quoted = '"At the summit this evening, Obama and Castro shook hands," said a spokesperson.'
    assert find_dates(quoted, dt.date(2015, 4, 11)) == []  # the speaker's evening, not ours


def test_an_irregular_past_participle_after_a_future_cue_reads_backward():
    sentence = "New Zealand will offer aid to Samoa, which was struck by the cyclone on Thursday."
    [found] = find_dates(sentence, dt.date(2012, 12, 18), sentence.index("will"))
    assert found.when.start == dt.date(2012, 12, 13)


def test_a_month_with_a_prefix_keeps_its_ordinal_day():
    sentence = "The conference is to be held in Los Angeles from June 6th through the 10th."
    [found] = find_dates(sentence, dt.date(2022, 5, 12))
    assert (found.text, found.when.start, found.anchor) == (
        "June 6th through the 10th", dt.date(2022, 6, 6), True
    )
    assert found.when.end == dt.date(2022, 6, 10)  # the days up to the last, named as an ordinal


@pytest.mark.parametrize(
    "sentence",
    [
        "The council threatened penalties if no vote is held, it said in a statement on Monday.",
        "Aid will follow if needed, the minister told a briefing on Monday.",
    ],
)
def test_a_time_led_by_a_report_word_after_a_future_cue_is_the_saying_s(sentence):
    # "statement", "briefing": the time of the saying, read back, not a time to come
    [said] = find_dates(sentence, PUBLISHED, sentence.index("if"))
    assert not said.ahead
    assert said.when.start == dt.date(2024, 6, 10)


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("They met on 2nd March.", "2024-03-02", "2024-03-02"),
        ("They met on the 3rd of June 2023.", "2023-06-03", "2023-06-03"),
        ("The talks ran on 21st-22nd May.", "2024-05-21", "2024-05-22"),
    ],
)
def test_an_ordinal_day_before_its_month_is_that_day(sentence, start, end):
    found = first(sentence)
    assert (found.when.start.isoformat(), found.when.end.isoformat()) == (start, end)
    assert found.when.precision == "day"


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("They met again the next day.", -1),
        ("The following day, they signed it.", -1),
        ("Two days later, they signed it.", -2),
        ("A week later, they signed it.", -7),
        ("A week earlier, they had met.", 7),
        ("They signed it the day after.", -1),
    ],
)
def test_a_count_of_days_later_or_earlier_is_from_the_time_told_before(sentence, days):
    [found] = find_dates(sentence, PUBLISHED)
    assert found.same_as_before and found.days_back == days


def test_later_than_is_no_time():
    assert find_dates("It came two days later than planned.", PUBLISHED) == []


@pytest.mark.parametrize(
    ("sentence", "start", "end", "precision"),
    [
        # a season is its three months
        ("Trump will visit Beijing next spring.", "2025-03-01", "2025-05-31", "quarter"),
        ("The talks resumed last fall.", "2023-09-01", "2023-11-30", "quarter"),
        ("Xi is expected to visit in the summer of 2025.", "2025-06-01", "2025-08-31", "quarter"),
        ("The two sides met this past winter.", "2023-12-01", "2024-02-29", "quarter"),
        # the end of a period is within it
        ("They hope to reach a deal by the end of the year.", "2024-01-01", "2024-12-31", "year"),
        ("The summit will be held at the end of the month.", "2024-05-01", "2024-05-31", "month"),
        ("The pact will be signed by the end of next year.", "2025-01-01", "2025-12-31", "year"),
    ],
)
def test_seasons_and_the_end_of_a_period_in_an_article(sentence, start, end, precision):
    future = sentence.find("will") if "will" in sentence else None
    found = [d.when for d in find_dates(sentence, dt.date(2024, 5, 15), future) if d.when]
    assert [(w.start.isoformat(), w.end.isoformat(), w.precision) for w in found] == [
        (start, end, precision)
    ]


def test_the_fall_of_a_city_is_no_season():
    assert find_dates("After the fall of Kabul, the talks stopped.", dt.date(2024, 5, 15)) == []


def test_overnight_before_a_weekday_is_that_weekday_s_night():
    base = dt.date(2013, 1, 13)  # a Sunday
    [friday] = [d.when.start for d in find_dates("Airstrikes overnight on Friday drove back "
                                                 "the rebels.", base)]
    assert friday == dt.date(2013, 1, 11)
    # alone, "overnight" is the night before the report
    [night] = [d.when.start for d in find_dates("Fiji made a request overnight.", base)]
    assert night == dt.date(2013, 1, 12)
