"""Date mentions: absolute, relative to published, vague periods, times, non-dates."""

import datetime as dt

import pytest

from crosscheck.nlp.dates import find_dates

PUB = dt.datetime(2024, 2, 8, 14, 0)  # a Thursday


@pytest.fixture(scope="module")
def dates(nlp):
    def run(text, pub=PUB):
        doc = nlp(text)
        out = []
        for s in doc.sents:
            for m in find_dates(s, pub):
                assert doc.text[m.start:m.end] == m.text
                out.append(m)
        return out
    return run


def one(dates, text, pub=PUB):
    ms = dates(text, pub)
    assert len(ms) == 1, ms
    return ms[0]


@pytest.mark.parametrize("text,low,high", [
    ("It happened on Feb. 7, 2024.", "2024-02-07", "2024-02-07"),
    ("It happened on 7 February.", "2024-02-07", "2024-02-07"),
    ("It happened on February 2.", "2024-02-02", "2024-02-02"),
    ("It happened on March 2.", "2023-03-02", "2023-03-02"),  # most recent past reading
    ("It happened in April 2017.", "2017-04-01", "2017-04-30"),
    ("It happened in 2019.", "2019-01-01", "2019-12-31"),
    ("It happened on 2024-01-30.", "2024-01-30", "2024-01-30"),
])
def test_absolute(dates, text, low, high):
    m = one(dates, text)
    assert (m.low, m.high, m.resolved) == (low, high, True)


@pytest.mark.parametrize("text,low,high", [
    ("It happened yesterday.", "2024-02-07", "2024-02-07"),
    ("It happened on Wednesday.", "2024-02-07", "2024-02-07"),
    ("It happened on Thursday.", "2024-02-08", "2024-02-08"),
    ("It happened last Friday.", "2024-02-02", "2024-02-02"),
    ("It happened last week.", "2024-01-29", "2024-02-04"),
    ("It happened last month.", "2024-01-01", "2024-01-31"),
    ("It happened last year.", "2023-01-01", "2023-12-31"),
    ("It happened two days ago.", "2024-02-06", "2024-02-06"),
    ("It happened over the weekend.", "2024-02-03", "2024-02-04"),
])
def test_relative(dates, text, low, high):
    m = one(dates, text)
    assert (m.low, m.high) == (low, high)


@pytest.mark.parametrize("text,low,high", [
    ("It started in early January.", "2024-01-01", "2024-01-10"),
    ("It started at the end of January.", "2024-01-20", "2024-01-31"),
    ("It started in mid-October last year.", "2023-10-10", "2023-10-20"),
    ("It started in late 2022.", "2022-09-01", "2022-12-31"),
])
def test_vague(dates, text, low, high):
    m = one(dates, text)
    assert (m.low, m.high) == (low, high)


def test_times_narrow_a_day(dates):
    m = one(dates, "The blast came on Wednesday at 21:40.")
    assert (m.low, m.high, m.granularity) == ("2024-02-07T21:40", "2024-02-07T21:40", "minute")
    m = one(dates, "It began yesterday, shortly after 7:30pm.")
    assert (m.low, m.high) == ("2024-02-07T19:30", "2024-02-07T19:59")


def test_ranges_and_open_bounds(dates):
    m = one(dates, "It ran from March to May 2023.")
    assert (m.low, m.high) == ("2023-03-01", "2023-05-31")
    m = one(dates, "Fighting has gone on since 2010.")
    assert (m.low, m.high) == ("2010-01-01", None)


def test_unresolved_without_published(dates):
    m = one(dates, "It happened on Wednesday.", None)
    assert (m.resolved, m.low, m.high) == (False, None, None)
    m = one(dates, "It happened on Feb. 7, 2024.", None)
    assert m.resolved and m.low == "2024-02-07"


@pytest.mark.parametrize("text", [
    "It may rain.", "The siege lasted for three weeks.", "They meet every Friday.",
    "There are 10 students.", "This screen has a 4:3 aspect ratio.", "Be there at 2 pm.",
])
def test_not_dates(dates, text):
    assert dates(text) == []


# ---- forms added for the peer suites (PUB is Thursday 2024-02-08)

@pytest.mark.parametrize("text,low,high", [
    ("She was born on January twenty five nineteen eighty six.", "1986-01-25", "1986-01-25"),
    ("The plant opened on fifteen August nineteen hundred ninety three.", "1993-08-15", "1993-08-15"),
    ("The conference was in October two thousand and five.", "2005-10-01", "2005-10-31"),
    ("They left in nineteen ninety six.", "1996-01-01", "1996-12-31"),
    ("I was born in April of 87.", "1987-04-01", "1987-04-30"),
    ("He played from 1995-99.", "1995-01-01", "1999-12-31"),
    ("The range is 2014-2018.", "2014-01-01", "2018-12-31"),
    ("The period is 10/1-11/2/2017.", "2017-10-01", "2017-11-02"),
    ("It ended on 03/18/40.", "1940-03-18", "1940-03-18"),
    ("The data was for 12-2015.", "2015-12-01", "2015-12-31"),
])
def test_more_absolute_forms(dates, text, low, high):
    m = one(dates, text)
    assert (m.low, m.high) == (low, high)


@pytest.mark.parametrize("text,low,high", [
    ("It happened on Tue 13th.", "2024-02-13", "2024-02-13"),          # nearest month it fits
    ("We met on tuesday the ninth.", "2024-01-09", "2024-01-09"),
    ("It happened last Wednesday.", "2024-01-31", "2024-01-31"),       # the previous week's
    ("It happened this past Wednesday.", "2024-02-07", "2024-02-07"),  # the most recent one
    ("It happened on the 5th.", "2024-02-05", "2024-02-05"),
    ("It happened in the week of the 5th.", "2024-02-05", "2024-02-11"),
    ("It happened in the last week of 2016.", "2016-12-26", "2017-01-01"),
    ("It happened in the first week of 2021.", "2021-01-04", "2021-01-10"),
    ("It happened in the third month of 2021.", "2021-03-01", "2021-03-31"),
    ("It happened in the first ten days of last year.", "2023-01-01", "2023-01-10"),
    ("It happened in the last week of this month.", "2024-02-26", "2024-03-03"),
    ("It happened 3 days after January 12th.", "2024-01-15", "2024-01-15"),
    ("It happened 2 weeks before Christmas.", "2023-12-11", "2023-12-11"),
    ("It happened more than 2 weeks before today.", None, "2024-01-25"),
    ("Sales rose last quarter.", "2023-10-01", "2023-12-31"),
    ("Cases rose over the past fortnight.", "2024-01-22", "2024-02-04"),
    ("They worked this working week.", "2024-02-05", "2024-02-09"),
    ("It ran between Jan 22 and now.", "2024-01-22", "2024-02-08"),
    ("It has run from March to date.", "2023-03-01", "2024-02-08"),
    ("It ran from 10/1-11/7.", "2023-10-01", "2023-11-07"),
    ("It fell on 2/29.", "2020-02-29", "2020-02-29"),
    ("It happened last night at 8.", "2024-02-07T20:00", "2024-02-07T20:00"),
    ("They met over labor day weekend 2023.", "2023-09-02", "2023-09-04"),
    ("Results come within ten days.", "2024-02-08", "2024-02-17"),
    ("They set aside the next 4 business days.", "2024-02-09", "2024-02-14"),
    ("He was away for 3 days, from today.", "2024-02-08", "2024-02-10"),
    ("It happened earlier this week.", "2024-02-05", "2024-02-07"),
])
def test_more_relative_forms(dates, text, low, high):
    m = one(dates, text)
    assert (m.low, m.high) == (low, high)


def test_list_of_numeric_dates_after_a_cue(dates):
    ms = dates("They met on 11/20, 11/22 or 11/25.")
    assert [m.low for m in ms] == ["2023-11-20", "2023-11-22", "2023-11-25"]


def test_future_verb_takes_the_next_reading(dates):
    assert one(dates, "The trial will resume on Monday.").low == "2024-02-12"
    # the date hangs on another verb: the past reading stays
    assert one(dates, "The bodies, found on Monday, will be returned.").low == "2024-02-05"


@pytest.mark.parametrize("text", [
    "The mayor said the bridge would reopen on Monday.",  # a plan reported with "would"
    "The bridge is expected to reopen on Monday.",
    "The bridge is due to reopen on Monday.",
    "The council plans to vote on Monday.",
    "The council is going to vote on Monday.",
    "The audit report is due on Monday.",
])
def test_plans_and_expectations_take_the_next_reading(dates, text):
    assert one(dates, text).low == "2024-02-12"


@pytest.mark.parametrize("text", [
    "The bridge was expected to reopen on Monday.",  # foreseen then: may be over by now
    "The bridge would have reopened on Monday.",     # a past that did not happen
    "The bridge reopened on Monday.",
])
def test_past_tense_keeps_the_past_reading(dates, text):
    assert one(dates, text).low == "2024-02-05"


def test_reported_plan_counts_from_the_day_it_was_stated(dates):
    # stated on Monday 5 February: the Wednesday after it is already past on Thursday 8th
    ms = dates("The council said on Monday it would vote on Wednesday.")
    assert [m.low for m in ms] == ["2024-02-05", "2024-02-07"]
    # with "will" the writer puts the vote after publication
    ms = dates("The council, which met on Monday, will vote on Wednesday.")
    assert [m.low for m in ms] == ["2024-02-05", "2024-02-14"]


@pytest.mark.parametrize("text", [
    "Three days later, he died.",                # counts from the story, not from published
    "Two days after the attack, police arrived.",
    "We are now in talks.",                      # "now" alone is no claim
    "To date, 40 people have died.",
    "In two thousand homes the power failed.",   # a count, not a year
    "He was in his early 30s.",                  # an age
    "Add 3/4 cup of sugar.",
    "Tel: +86 2010-2015-86",
    "$DEC farming is coming.",
    "Tremors hit the region since 7.6 and 7.5 magnitude quakes.",
])
def test_more_not_dates(dates, text):
    assert dates(text) == []


@pytest.mark.parametrize("text,quote,low,high", [
    # the day written next to the time, with a part of the day or "local time" between them
    ("The fire, at about 22:15 local time on Monday, gutted a school.",
     "at about 22:15 local time on Monday", "2024-02-05T22:00", "2024-02-05T22:30"),
    ("The fire broke out on Monday night, at around 8:10pm, witnesses said.",
     "Monday night, at around 8:10pm", "2024-02-05T19:55", "2024-02-05T20:25"),
    ("The shooting began on Tuesday evening at 9.", "Tuesday evening at 9", "2024-02-06T21:00", "2024-02-06T21:00"),
])
def test_time_joined_to_its_day(dates, text, quote, low, high):
    m = one(dates, text)
    assert (m.text, m.low, m.high, m.granularity) == (quote, low, high, "minute")


@pytest.mark.parametrize("text,quote,low,high", [
    ("On Monday the ferry sank at about 03:20 local time, officials said.",
     "at about 03:20", "2024-02-05T03:05", "2024-02-05T03:35"),
    ("Tuesday night's fire, shortly after 7:15pm, destroyed two homes.",
     "shortly after 7:15pm", "2024-02-06T19:15", "2024-02-06T19:44"),
])
def test_time_apart_from_its_day_takes_that_day(dates, text, quote, low, high):
    ms = dates(text)
    assert [m.granularity for m in ms] == ["day", "minute"], ms
    m = ms[1]
    assert (m.text, m.low, m.high) == (quote, low, high)


@pytest.mark.parametrize("text", [
    "Police said on Monday that the fire began at 21:40.",   # the day dates the saying
    "The fire, at about 21:40 local time, gutted a school.",  # no day at all
    "The ferry left on Monday at noon and sank on Tuesday at about 03:20.",
])
def test_time_without_its_own_day_is_no_minute_claim(dates, text):
    ms = [m for m in dates(text) if m.granularity == "minute"]
    if "noon" in text:  # each time keeps its adjacent day; no cross-linking
        assert [(m.low, m.high) for m in ms] == [("2024-02-05T12:00", "2024-02-05T12:00"),
                                                 ("2024-02-06T03:05", "2024-02-06T03:35")]
    else:
        assert ms == []


@pytest.mark.parametrize("text", [
    "Officials put the death toll at 9 on Tuesday.",
    "Police put the number of dead at 11 on Monday.",
])
def test_a_tally_at_a_number_is_no_clock_time(dates, text):
    ms = dates(text)
    assert [m.granularity for m in ms] == ["day"], ms


def test_open_ranges_from_an_event_day(dates):
    m = one(dates, "Shelling has continued since Tuesday's rocket attack.")
    assert (m.low, m.high) == ("2024-02-06", None)
    m = one(dates, "Prices have doubled since October.")
    assert (m.low, m.high) == ("2023-10-01", None)


@pytest.mark.parametrize("text", [
    "The river will crest in 24 hours.",
    "A decision is due within 48 hours.",
    "Roads were closed for 24 hours.",
    "Talks resume in 72 hours.",
])
def test_hours_ahead_are_durations_not_dates(dates, text):
    assert dates(text) == []


def test_halves_and_quarters_of_a_game_are_not_dates(dates):
    assert dates("He scored all 11 points in the second half.") == []
    assert dates("Jacksonville took a 14-0 lead in the third quarter.") == []
    assert [m.granularity for m in dates("Yields rose 20 basis points in the first half.")] == ["half"]


@pytest.mark.parametrize("text", [
    "The meeting ends in 5 minutes.",
    "Polls close 30 minutes from now.",
    "The deadline is half an hour from now.",
    "The storm hits in 2 minutes.",
])
def test_minutes_from_now_are_no_calendar_date(dates, text):
    assert dates(text) == []


@pytest.mark.parametrize("text,quote,low,high", [
    ("The storm will arrive 24 hours from now.", "24 hours from now", "2024-02-09", "2024-02-09"),
    ("The ceasefire began 48 hours ago.", "48 hours ago", "2024-02-06", "2024-02-06"),
    ("Results come 36 hours from now.", "36 hours from now", "2024-02-09", "2024-02-10"),
    ("The vote is two days from now.", "two days from now", "2024-02-10", "2024-02-10"),
])
def test_hours_from_now_resolve_to_days_of_published(dates, text, quote, low, high):
    m = one(dates, text)
    assert (m.text, m.low, m.high) == (quote, low, high)
    assert "T" not in (m.low or "") and "T" not in (m.high or "")


def test_hours_from_now_need_published(dates):
    m = one(dates, "The storm will arrive 24 hours from now.", None)
    assert (m.low, m.high, m.resolved) == (None, None, False)


@pytest.mark.parametrize("text,quote,low,high", [
    ("The plant will close by the end of the month.", "by the end of the month", None, "2024-02-29"),
    ("They left before the end of December.", "before the end of December", None, "2023-12-31"),
    ("Work resumed after the beginning of March.", "after the beginning of March", "2023-03-01", None),
    ("Work stopped before late December.", "before late December", None, "2023-12-19"),
])
def test_deadlines_at_the_end_of_a_period(dates, text, quote, low, high):
    m = one(dates, text)
    assert (m.text, m.low, m.high) == (quote, low, high)


@pytest.mark.parametrize("text,quote,day", [
    ("We meet Monday two weeks from now.", "Monday two weeks from now", "2024-02-19"),
    ("It opens Thursday, two years from now.", "Thursday, two years from now", "2026-02-05"),  # week of Sun Feb 8
])
def test_a_weekday_in_the_week_an_offset_names(dates, text, quote, day):
    m = one(dates, text)
    assert (m.text, m.low, m.high) == (quote, day, day)


def test_a_year_after_a_comparison_is_a_count(dates):
    assert dates("The number is above 1000 and below 1500.") == []


@pytest.fixture(scope="module")
def free_times(nlp):
    from crosscheck.nlp.dates import find_dates_and_times

    def run(text, pub=PUB):
        return [t for s in nlp(text).sents for t in find_dates_and_times(s, pub)[1]]
    return run


def test_a_time_without_a_day_is_returned_apart_with_its_modifier(free_times):
    from crosscheck.nlp.dates import date_time_on

    (t,) = free_times("The fire, shortly after 7:30pm local time, gutted a school.")
    assert (t.text, t.hm, t.before, t.after, t.zone) == ("shortly after 7:30pm local time", (19, 30), 0, 29, None)
    assert date_time_on(t, "2024-02-05") == ("2024-02-05T19:30", "2024-02-05T19:59")
    (t,) = free_times("The tremor hit at 03:17 GMT.")
    assert (t.text, t.zone) == ("03:17 GMT", "GMT")


@pytest.mark.parametrize("text", [
    "On Monday the ferry sank at about 03:20 local time.",  # its day took it
    "He tied the record with 14:05 left in the first half.",  # a game clock
    "She finished in 2:05 and won.",  # a race time, no am/pm
    "The ferry will leave at 9pm.",  # a schedule
    "The road was closed from 7pm.",  # an open bound
    "Shops open 9:30am-5pm.",  # a span of hours
])
def test_clock_readings_that_are_no_free_time_of_day(free_times, text):
    assert free_times(text) == []


def test_am_pm_written_with_a_space(dates):
    m = one(dates, "The fire was reported on Tuesday at 3:33 a. m. by a neighbour.")
    assert (m.text, m.low, m.high) == ("Tuesday at 3:33 a. m.", "2024-02-06T03:33", "2024-02-06T03:33")


def test_latest_day_of_a_time_before_publication(free_times):
    from crosscheck.nlp.dates import latest_day_of

    (t,) = free_times("The blast, at around 9:40pm, destroyed two warehouses.")
    assert latest_day_of(t, dt.datetime(2024, 10, 18, 9, 30)) == "2024-10-17"
    assert latest_day_of(t, dt.datetime(2024, 10, 18, 23, 0)) == "2024-10-18"


@pytest.mark.parametrize("text,quote,low,high", [
    # a spaced dash between two dates is a range, not a day-month "29 - Feb"
    ("The festival ran Jan. 29 - Feb. 2.", "Jan. 29 - Feb. 2", "2024-01-29", "2024-02-02"),
    ("The strike lasted December 28 - January 3.", "December 28 - January 3", "2023-12-28", "2024-01-03"),
    ("The strike lasted 28 December - 3 January.", "28 December - 3 January", "2023-12-28", "2024-01-03"),
    ("The fair is held on 12-Jan-2024.", "12-Jan-2024", "2024-01-12", "2024-01-12"),
])
def test_ranges_across_a_spaced_dash(dates, text, quote, low, high):
    m = one(dates, text)
    assert (m.text, m.low, m.high) == (quote, low, high)


def test_a_year_after_the_clock_of_a_stamp(dates):
    m = one(dates, "Filed Mon Jan 22 18:04:31 2018 by the desk.")
    assert (m.text, m.low, m.high) == ("Mon Jan 22 18:04:31 2018", "2018-01-22T18:04", "2018-01-22T18:05")


@pytest.mark.parametrize("text,quote,low,high", [
    ("Talks resume the week after next.", "the week after next", "2024-02-19", "2024-02-25"),
    ("The plant closed the month before last.", "the month before last", "2023-12-01", "2023-12-31"),
    ("Fans rioted the weekend before last.", "the weekend before last", "2024-01-27", "2024-01-28"),
])
def test_two_periods_ahead_or_back(dates, text, quote, low, high):
    m = one(dates, text)
    assert (m.text, m.low, m.high) == (quote, low, high)


@pytest.mark.parametrize("text,day", [
    ("The mill shut on Tuesday, 06/02/24.", "2024-02-06"),  # 6 February 2024 was a Tuesday
    ("The mill shut on Sunday, 06/02/24.", "2024-06-02"),   # 2 June 2024 was a Sunday
    ("The mill shut on Friday, 06/02/24.", "2024-06-02"),   # neither fits: the usual reading stays
])
def test_a_weekday_picks_the_reading_of_a_numeric_date(dates, text, day):
    m = one(dates, text)
    assert (m.low, m.high) == (day, day)


def test_on_an_ordinal_day_without_the(dates):
    m = one(dates, "The vote was held on 29th, officials said.")
    assert (m.text, m.low) == ("29th", "2024-01-29")
    assert dates("The shop on 5th Avenue closed.") == []
    assert dates("Her office is on 2nd floor.") == []


@pytest.mark.parametrize("text,quote,zone", [
    ("The tremor hit at 03:17 UTC.", "03:17 UTC", "GMT"),
    ("The tremor hit at 3:21 p.m. ET.", "3:21 p.m. ET", "ET"),
    ("The tremor hit at 3:21 p.m. local time.", "3:21 p.m. local time", None),
])
def test_the_clock_a_free_time_is_stated_in(free_times, text, quote, zone):
    (t,) = free_times(text)
    assert (t.text, t.zone) == (quote, zone)
