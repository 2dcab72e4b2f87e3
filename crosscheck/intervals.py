"""Intervals for claims: numbers and dates with inclusive bounds, ``None`` meaning unbounded.

Two claims about the same thing conflict only when their intervals are *disjoint*: a hedge
("more than 40", "nearly 170", "around midnight") is a promise about a range, not a point, so
"more than 40" and "43" agree while "25" and "more than 40" do not. Everything here is pure
Python so the extractor, the judge and the tests share one definition of "overlap".

Numbers keep the magnitude of the unit the article states ("4,000 km" is 4000 with unit "km").
Comparisons between different spellings of one dimension go through :func:`to_base`, which maps
a unit to its SI-like base ("km" -> metres x1000, "mg" -> grams x0.001), so "2 km" and
"2,000 metres" overlap. Keeping the stated magnitude in the claim keeps the quote and the value
readable side by side; the judge must not compare raw numbers across units (use
:func:`comparable`, or pass ``unit`` to :class:`NumInterval`).

Dates are ISO strings: a day ``2024-02-07`` or a minute ``2024-02-07T21:40``. A day bound
covers the whole day, so a minute range inside a day overlaps that day.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

# --------------------------------------------------------------------------- units

# unit -> (dimension, factor to the dimension's base unit)
_UNITS: dict[str, tuple[str, float]] = {
    "m": ("length", 1.0), "km": ("length", 1000.0), "cm": ("length", 0.01),
    "mm": ("length", 0.001), "nm": ("length", 1e-9), "mile": ("length", 1609.344),
    "ft": ("length", 0.3048), "in": ("length", 0.0254), "inch": ("length", 0.0254), "yd": ("length", 0.9144),
    "nmi": ("length", 1852.0),
    "g": ("mass", 1.0), "kg": ("mass", 1000.0), "mg": ("mass", 0.001), "t": ("mass", 1e6),
    "lb": ("mass", 453.59237), "oz": ("mass", 28.349523125),
    "L": ("volume", 1.0), "ml": ("volume", 0.001), "cl": ("volume", 0.01),
    "gal": ("volume", 3.785411784), "bbl": ("volume", 158.987294928),
    "m2": ("area", 1.0), "km2": ("area", 1e6), "ha": ("area", 1e4), "acre": ("area", 4046.8564224),
    "mi2": ("area", 2589988.110336), "ft2": ("area", 0.09290304),
    "W": ("power", 1.0), "kW": ("power", 1e3), "MW": ("power", 1e6), "GW": ("power", 1e9),
    "Wh": ("energy", 1.0), "kWh": ("energy", 1e3), "MWh": ("energy", 1e6), "GWh": ("energy", 1e9),
    "s": ("time", 1.0), "min": ("time", 60.0), "h": ("time", 3600.0), "day": ("time", 86400.0),
    "week": ("time", 604800.0), "month": ("time", 2629746.0), "year": ("time", 31556952.0),
    "km/h": ("speed", 1 / 3.6), "mph": ("speed", 0.44704), "m/s": ("speed", 1.0),
    "kn": ("speed", 0.514444),
}


def to_base(value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    """(value in the base unit of its dimension, dimension name); unknown units pass through."""
    if unit in _UNITS:
        dim, factor = _UNITS[unit]
        return (None if value is None else value * factor), dim
    return value, unit


def comparable(unit_a: str | None, unit_b: str | None) -> bool:
    """Whether two stated units measure the same thing (same unit, or same dimension)."""
    return to_base(None, unit_a)[1] == to_base(None, unit_b)[1]


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class NumInterval:
    """Closed interval ``[low, high]``; ``None`` is unbounded. ``unit`` is optional: when both
    sides of a comparison carry one, they are compared in the base unit of the dimension."""

    low: float | None
    high: float | None
    unit: str | None = None

    def base(self) -> NumInterval:
        lo, dim = to_base(self.low, self.unit)
        hi, _ = to_base(self.high, self.unit)
        return NumInterval(lo, hi, dim)


def _num_pair(a: NumInterval, b: NumInterval) -> tuple[NumInterval, NumInterval]:
    if a.unit is not None and b.unit is not None:
        return a.base(), b.base()
    return a, b


def _le(x: float | None, y: float | None, eps: float = 1e-9) -> bool:
    """x <= y where x is a low bound (None = -inf) and y a high bound (None = +inf)."""
    if x is None or y is None:
        return True
    return x <= y + eps * max(1.0, abs(x), abs(y))


def overlaps(a: NumInterval | DateInterval, b: NumInterval | DateInterval) -> bool:
    """Whether the intervals share at least one value (bounds inclusive)."""
    if isinstance(a, DateInterval) and isinstance(b, DateInterval):
        return _date_overlaps(a, b)
    if isinstance(a, NumInterval) and isinstance(b, NumInterval):
        a, b = _num_pair(a, b)
        return _le(a.low, b.high) and _le(b.low, a.high)
    raise TypeError("overlaps() needs two intervals of the same kind")


def disjoint(a: NumInterval | DateInterval, b: NumInterval | DateInterval) -> bool:
    """The judge's test: two claims conflict only when no value satisfies both. Symmetric."""
    return not overlaps(a, b)


def gap(a: NumInterval | DateInterval, b: NumInterval | DateInterval) -> float:
    """How far apart two intervals are; 0 when they overlap.

    Numbers: the distance between the nearest bounds relative to the larger magnitude of the
    two (so 25 vs "more than 40" is 16/41 ~ 0.39), which lets a severity rule ignore scale.
    Dates: the number of days between them (fractions of a day when minutes are known).
    """
    if isinstance(a, DateInterval) and isinstance(b, DateInterval):
        return _date_gap(a, b)
    if not (isinstance(a, NumInterval) and isinstance(b, NumInterval)):
        raise TypeError("gap() needs two intervals of the same kind")
    a, b = _num_pair(a, b)
    if overlaps(a, b):
        return 0.0
    # disjoint: one lies wholly above the other, so the facing bounds are both finite
    if a.high is not None and b.low is not None and a.high < b.low:
        lo_end, hi_start = a.high, b.low
    else:
        lo_end, hi_start = b.high, a.low  # type: ignore[assignment]
    assert lo_end is not None and hi_start is not None
    scale = max(abs(lo_end), abs(hi_start), 1e-12)
    return (hi_start - lo_end) / scale


# --------------------------------------------------------------------------- hedges

# Hedge -> how it turns a stated value into bounds. Counts are integers (the contract), so open
# bounds move to the next integer; other quantities keep the stated value as the bound.
APPROX = 0.10  # "about", "around", "some", "roughly", "approximately": +-10 %
NEARLY = 0.10  # "nearly", "almost": up to 10 % below, the value itself allowed


def widen(value: float, hedge: str | None, integer: bool = True) -> tuple[float | None, float | None]:
    """Bounds for ``value`` under a normalised hedge keyword.

    "nearly 170" allows 170 itself: reporters write "nearly 170" for 168 or for a count that
    reached 170 as they wrote, and a checker must not call "nearly 170" vs "170" a conflict.
    """
    v = value
    up = (lambda x: math.ceil(x - 1e-9)) if integer else (lambda x: x)
    down = (lambda x: math.floor(x + 1e-9)) if integer else (lambda x: x)
    if hedge is None or hedge == "exact":
        return v, v
    if hedge in ("more_than", "over"):
        return (v + 1 if integer and v == int(v) else v), None
    if hedge == "at_least":
        return v, None
    if hedge in ("fewer_than", "less_than", "under"):
        return None, (v - 1 if integer and v == int(v) else v)
    if hedge in ("up_to", "at_most"):
        return None, v
    if hedge in ("nearly", "almost"):
        lo = up(v * (1 - NEARLY)) if v >= 0 else v
        if integer and v >= 1 and v == int(v):
            lo = min(lo, v - 1)  # 10 % of "nearly four" rounds away; it still admits three
        return lo, v
    if hedge == "just_under":
        hi = v - 1 if integer and v == int(v) else v
        return min(up(v * (1 - NEARLY / 2)), hi), hi  # never empty, even for "just under 1"
    if hedge == "just_over":
        lo = v + 1 if integer and v == int(v) else v
        return lo, max(down(v * (1 + NEARLY / 2)), lo)
    if hedge == "about":
        lo, hi = v * (1 - APPROX), v * (1 + APPROX)
        if v < 0:
            lo, hi = hi, lo
        lo, hi = up(lo), down(hi)
        if integer and v >= 1 and v == int(v):
            # "about five" is never exactly five: on a small count 10 % rounds to nothing,
            # and a reporter's "about five" still allows four or six
            lo, hi = min(lo, v - 1), max(hi, v + 1)
        return lo, hi
    raise ValueError(f"unknown hedge {hedge!r}")


# Plural round numbers ("dozens", "hundreds of"): at least two of the unit, below the next
# order of magnitude. "dozens" stops at a gross (12 dozen): beyond that a reporter says
# "hundreds".
VAGUE_PLURALS: dict[str, tuple[float, float]] = {
    "dozens": (24, 144),
    "scores": (40, 199),
    "tens": (20, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "tens_of_thousands": (20000, 99999),
    "hundreds_of_thousands": (200000, 999999),
    "millions": (2e6, 999999999),
    "tens_of_millions": (2e7, 99999999),
    "hundreds_of_millions": (2e8, 999999999),
    "billions": (2e9, 999999999999),
}


# --------------------------------------------------------------------------- dates


def _parse_iso(s: str) -> tuple[dt.datetime, bool]:
    """(moment, is_minute). A day string is its first minute."""
    if "T" in s or len(s) > 10:
        return dt.datetime.fromisoformat(s.replace(" ", "T")[:16]), True
    return dt.datetime.fromisoformat(s[:10]), False


def _lo(s: str | None) -> dt.datetime | None:
    if s is None:
        return None
    return _parse_iso(s)[0]


def _hi(s: str | None) -> dt.datetime | None:
    """Last minute covered by a high bound: a day bound covers the whole day."""
    if s is None:
        return None
    t, minute = _parse_iso(s)
    return t if minute else t + dt.timedelta(days=1) - dt.timedelta(minutes=1)


@dataclass(frozen=True)
class DateInterval:
    """Inclusive ISO bounds, each a day or a minute; ``None`` unbounded."""

    low: str | None
    high: str | None

    def span(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        return _lo(self.low), _hi(self.high)


def _date_overlaps(a: DateInterval, b: DateInterval) -> bool:
    alo, ahi = a.span()
    blo, bhi = b.span()
    ok1 = alo is None or bhi is None or alo <= bhi
    ok2 = blo is None or ahi is None or blo <= ahi
    return ok1 and ok2


def _date_gap(a: DateInterval, b: DateInterval) -> float:
    """Days between the facing bounds: Feb 7 vs Feb 8 is 1; 21:40 vs 22:10 the same day is
    30 minutes = 0.0208 days."""
    if _date_overlaps(a, b):
        return 0.0
    alo, ahi = a.span()
    if ahi is not None and b.low is not None and a.high is not None and ahi < _lo(b.low):  # type: ignore[operator]
        first_high, second_low = a.high, b.low
    else:
        first_high, second_low = b.high, a.low
    assert first_high is not None and second_low is not None
    t1, m1 = _parse_iso(first_high)
    t2, m2 = _parse_iso(second_low)
    if not m1 and not m2:
        return float((t2 - t1).days)
    end1 = t1 if m1 else t1 + dt.timedelta(days=1)
    return max((t2 - end1).total_seconds() / 86400.0, 1 / 1440)
