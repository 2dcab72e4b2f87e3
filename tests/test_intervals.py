"""Interval algebra shared by the extractor and the judge."""

import pytest

from crosscheck.intervals import DateInterval, NumInterval, comparable, disjoint, gap, overlaps, widen


def test_contract_example_conflict():
    assert disjoint(NumInterval(25, 25), NumInterval(41, None))
    assert not disjoint(NumInterval(43, 43), NumInterval(41, None))


def test_disjoint_is_symmetric_and_unbounded_sides():
    a, b = NumInterval(None, 10), NumInterval(11, None)
    assert disjoint(a, b) and disjoint(b, a)
    assert overlaps(NumInterval(None, None), NumInterval(5, 5))


def test_units_compare_in_base():
    assert overlaps(NumInterval(2, 2, "km"), NumInterval(2000, 2000, "m"))
    assert disjoint(NumInterval(2, 2, "km"), NumInterval(3000, 3000, "m"))
    assert comparable("mm", "cm") and not comparable("km", "kg")


def test_gap_relative_and_zero_on_overlap():
    assert gap(NumInterval(25, 25), NumInterval(41, None)) == (41 - 25) / 41
    assert gap(NumInterval(1, 5), NumInterval(3, 9)) == 0.0


def test_widen_hedges_counts():
    assert widen(40, "more_than") == (41, None)
    assert widen(34, "at_least") == (34, None)
    assert widen(10, "fewer_than") == (None, 9)
    assert widen(700, "up_to") == (None, 700)
    lo, hi = widen(170, "nearly")
    assert hi == 170 and 150 <= lo < 170
    assert widen(2500, "about") == (2250, 2750)


def test_small_hedged_counts_keep_a_neighbour():
    """10 % of a small count rounds to nothing; the hedge must still admit the next count."""
    assert widen(4, "nearly") == (3, 4)
    assert widen(1, "almost") == (0, 1)
    assert widen(5, "about") == (4, 6)
    assert widen(170, "nearly") == (153, 170)  # large counts keep their 10 %
    assert widen(4.0, "about", integer=False) == (pytest.approx(3.6), pytest.approx(4.4))
    assert widen(40.5, "more_than", integer=False) == (40.5, None)


def test_minute_inside_day_overlaps():
    day = DateInterval("2024-02-07", "2024-02-07")
    assert overlaps(day, DateInterval("2024-02-07T21:40", "2024-02-07T21:40"))
    assert disjoint(day, DateInterval("2024-02-08T00:10", "2024-02-08T00:20"))


def test_date_gap_days_and_minutes():
    assert gap(DateInterval("2024-02-07", "2024-02-07"), DateInterval("2024-02-08", "2024-02-08")) == 1.0
    g = gap(DateInterval("2024-02-07T21:40", "2024-02-07T21:40"), DateInterval("2024-02-07T22:10", "2024-02-07T22:10"))
    assert abs(g - 30 / 1440) < 1e-9
    assert gap(DateInterval(None, "2024-01-31"), DateInterval("2024-01-20", None)) == 0.0
