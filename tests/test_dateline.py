"""The dateline reader, on datelines invented for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from crosscheck.nlp import dateline


@pytest.mark.parametrize(
    "text, day",
    [
        ("Thu 14 Mar 2019 07:02 GMT\nFerry services to the islands were halted ...", dt.date(2019, 3, 14)),
        ("KORVALE, June 2, 2021 (Northwire) - The river burst its banks overnight ...", dt.date(2021, 6, 2)),
        ("October 9, 2022 \u2014 Firefighters battled a blaze at a paper mill ...", dt.date(2022, 10, 9)),
        ("Mill fire spreads to warehouses Published 3:40 pm, Sunday, October 9, 2022 Firefighters ...",
         dt.date(2022, 10, 9)),
        ("Storm lashes coast   November 21, 2020 8:15AM A STORM tore roofs off ...", dt.date(2020, 11, 21)),
        ("2018-05-30\nThe harbour authority said on Tuesday ...", dt.date(2018, 5, 30)),
    ],
)
def test_datelines_in_the_shapes_news_pages_write_them(text, day):
    found = dateline.read_dateline(text)
    assert found is not None and found.date == day


def test_a_wire_dateline_without_a_year_needs_one_from_elsewhere():
    text = "TARSEN, April 4 (Coastline News) - Two ships collided off the cape on Monday ..."
    assert dateline.read_dateline(text) is None
    assert dateline.read_dateline(text, year=2016).date == dt.date(2016, 4, 4)


@pytest.mark.parametrize(
    "text",
    [
        "On March 3, 2024, police in Vellan said a bridge had given way.",  # the event's date, in prose
        "The dam, finished in May 2001, held until the storm.",
        "Officials said 12 people were hurt on 5 April 2017 when the roof fell.",
    ],
)
def test_a_date_in_the_lead_prose_is_no_dateline(text):
    assert dateline.read_dateline(text) is None


def test_only_the_opening_is_read():
    text = "x " * 400 + "\nMarch 3, 2024 \u2014 more"
    assert dateline.read_dateline(text) is None


def test_disagreement_is_more_than_a_day_apart():
    found = dateline.read_dateline("May 10, 2020 \u2014 Rain fell.")
    assert not dateline.disagrees(dt.date(2020, 5, 11), found)
    assert dateline.disagrees(dt.date(2020, 5, 13), found)
    assert not dateline.disagrees(None, found)


@pytest.mark.parametrize(
    "text, day",
    [
        ("Sunday, June 6, 2021 Dam inspectors warned of cracks weeks before ...", dt.date(2021, 6, 6)),
        ("Bridge closed after barge strike August 2, 2015 Engineers inspected the span ...", dt.date(2015, 8, 2)),
        ("Mill owner fined May 4, 2016-3:05 pm The owner of the mill ...", dt.date(2016, 5, 4)),
    ],
)
def test_page_stamps_between_headline_and_story(text, day):
    found = dateline.read_dateline(text)
    assert found is not None and found.date == day


def test_a_dated_clause_after_a_preposition_is_prose():
    assert dateline.read_dateline("The levee failed on August 2, 2015 Engineers said later.") is None
