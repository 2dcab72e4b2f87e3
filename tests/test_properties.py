"""Property tests (Hypothesis): intervals and judgement laws, value parsing against the
contract's rules, and random or mutated articles through ingest and extraction.

Laws: a claim never conflicts with itself; conflict is symmetric; widening a claim's interval
(a hedge) never creates a conflict. Parsing: an exact count is low == high, "more than N"
people is low N + 1, a hedged figure contains its stated value. Fuzz: no input makes ingest or
extraction raise, and every claim's offsets point at its quote in the body.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from crosscheck import intervals, judge
from crosscheck.ingest import read_folder
from crosscheck.intervals import DateInterval, NumInterval

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- strategies -------------------------------------------------------------------------------

finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
bound = st.one_of(st.none(), finite)


@st.composite
def num_intervals(draw, unit=st.sampled_from([None, "km", "m", "people"])):
    lo, hi = draw(bound), draw(bound)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return NumInterval(lo, hi, draw(unit))


days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
minutes = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2040, 12, 31)).map(
    lambda t: t.strftime("%Y-%m-%dT%H:%M")
)
iso = st.one_of(days.map(dt.date.isoformat), minutes)


@st.composite
def date_intervals(draw, open_ends=True):
    a, b = draw(iso), draw(iso)
    if len(a) == len(b) and a > b:
        a, b = b, a
    if len(a) != len(b) and a[:10] > b[:10]:
        a, b = b, a
    assume(DateInterval(a, b).span()[0] <= DateInterval(a, b).span()[1])
    if open_ends:
        a = draw(st.sampled_from([a, a, None]))
        b = draw(st.sampled_from([b, b, None]))
    return DateInterval(a, b)


SUBJECT = dict(counted="people", place=None, grp=None, scope=None, predicate="injured")


@st.composite
def numeric_rows(draw, ident="a"):
    iv = draw(num_intervals(unit=st.just(draw(st.sampled_from([None, "people"])))))
    return {
        "kind": "numeric", "claim_id": ident, "article_id": ident, "value_text": "n", "low": iv.low,
        "high": iv.high, "unit": iv.unit, "published": draw(st.sampled_from([None, "2024-02-08T10:00:00+00:00"])),
        **{k: draw(st.sampled_from([v, None, "other"])) for k, v in SUBJECT.items()},
    }


@st.composite
def date_rows(draw, ident="a"):
    iv = draw(date_intervals(open_ends=False))
    return {
        "kind": "date", "claim_id": ident, "article_id": ident, "value_text": "d", "low_date": iv.low,
        "high_date": iv.high, "predicate": draw(st.sampled_from(["sank", "opened", None])), "published": None,
    }


@st.composite
def entity_rows(draw, ident="a"):
    return {
        "kind": "entity", "claim_id": ident, "article_id": ident, "value_text": "e",
        "entity": draw(st.sampled_from(["acme", "lake transit", None])), "role": draw(st.sampled_from(["owner", "attacker"])),
        "published": None,
    }


rows = st.one_of(numeric_rows(), date_rows(), entity_rows())

# --- interval laws ----------------------------------------------------------------------------


@FAST
@given(num_intervals())
def test_numeric_interval_overlaps_itself(a):
    assert intervals.overlaps(a, a) and not intervals.disjoint(a, a) and intervals.gap(a, a) == 0


@FAST
@given(num_intervals(), num_intervals())
def test_numeric_overlap_and_gap_are_symmetric(a, b):
    assert intervals.overlaps(a, b) == intervals.overlaps(b, a)
    if intervals.comparable(a.unit, b.unit):
        assert intervals.gap(a, b) == pytest.approx(intervals.gap(b, a))
        assert (intervals.gap(a, b) == 0) == intervals.overlaps(a, b)


@FAST
@given(date_intervals(), date_intervals())
def test_date_overlap_and_gap_are_symmetric(a, b):
    assert intervals.overlaps(a, a)
    assert intervals.overlaps(a, b) == intervals.overlaps(b, a)
    if a.low and a.high and b.low and b.high:
        assert intervals.gap(a, b) == pytest.approx(intervals.gap(b, a))
        assert (intervals.gap(a, b) == 0) == intervals.overlaps(a, b)


@FAST
@given(num_intervals(unit=st.none()), num_intervals(unit=st.none()), finite, finite)
def test_widening_a_numeric_interval_never_creates_a_conflict(a, b, down, up):
    wider = NumInterval(
        None if a.low is None else a.low - abs(down), None if a.high is None else a.high + abs(up), a.unit
    )
    if intervals.overlaps(a, b):
        assert intervals.overlaps(wider, b)


HEDGES_CONTAINING_VALUE = ["exact", "at_least", "up_to", "at_most", "nearly", "almost", "about"]


@FAST
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(HEDGES_CONTAINING_VALUE))
def test_hedged_count_contains_its_value_and_exact(v, hedge):
    lo, hi = intervals.widen(float(v), hedge)
    assert (lo is None or lo <= v) and (hi is None or v <= hi)


@FAST
@given(st.integers(min_value=1, max_value=10**9),
       st.sampled_from(["more_than", "over", "fewer_than", "less_than", "under", "just_under", "just_over"]))
def test_open_hedges_are_proper_intervals(v, hedge):
    lo, hi = intervals.widen(float(v), hedge)
    assert lo is None or hi is None or lo <= hi, (v, hedge, lo, hi)
    assert lo is None or lo == int(lo)  # counts are integers (the contract)
    if hedge in ("more_than", "over"):
        assert lo == v + 1 and hi is None


# --- judgement laws ---------------------------------------------------------------------------


@FAST
@given(rows)
def test_a_claim_never_conflicts_with_itself(a):
    assert not judge.judge(a, dict(a)).conflict


@FAST
@given(st.one_of(st.tuples(numeric_rows("a"), numeric_rows("b")), st.tuples(date_rows("a"), date_rows("b")),
                 st.tuples(entity_rows("a"), entity_rows("b"))))
def test_conflict_is_symmetric(pair):
    a, b = pair
    ab, ba = judge.judge(a, b), judge.judge(b, a)
    assert ab.conflict == ba.conflict
    if ab.conflict:
        assert ab.severity == ba.severity


@FAST
@given(numeric_rows("a"), numeric_rows("b"), st.integers(0, 10**6), st.integers(0, 10**6), st.booleans(), st.booleans())
def test_widening_a_hedge_never_creates_a_numeric_conflict(a, b, down, up, open_low, open_high):
    wider = dict(a)
    wider["low"] = None if (open_low or a["low"] is None) else a["low"] - down
    wider["high"] = None if (open_high or a["high"] is None) else a["high"] + up
    if not judge.judge(a, b).conflict:
        assert not judge.judge(wider, b).conflict


@FAST
@given(date_rows("a"), date_rows("b"), st.integers(0, 400))
def test_widening_a_date_never_creates_a_conflict(a, b, days_wider):
    wider = dict(a)
    lo = dt.date.fromisoformat(a["low_date"][:10]) - dt.timedelta(days=days_wider)
    hi = dt.date.fromisoformat(a["high_date"][:10]) + dt.timedelta(days=days_wider)
    wider["low_date"], wider["high_date"] = lo.isoformat(), hi.isoformat()
    if not judge.judge(a, b).conflict:
        assert not judge.judge(wider, b).conflict


@FAST
@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=10**7),
       st.sampled_from(HEDGES_CONTAINING_VALUE))
def test_hedging_a_stated_count_never_creates_a_conflict(v, w, hedge):
    def row(ident, lohi):
        return {"kind": "numeric", "claim_id": ident, "article_id": ident, "value_text": "n", "low": lohi[0],
                "high": lohi[1], "unit": "people", "published": None, **SUBJECT}

    b = row("b", (float(w), float(w)))
    exact = row("a", intervals.widen(float(v), None))
    hedged = row("a", intervals.widen(float(v), hedge))
    if not judge.judge(exact, b).conflict:
        assert not judge.judge(hedged, b).conflict


# --- value parsing, on real parses --------------------------------------------------------------

counts = st.integers(min_value=2, max_value=9_999_999)
nouns = st.sampled_from(["people", "firefighters", "homes", "passengers"])


def _numbers(nlp, text):
    from crosscheck.nlp.numbers import find_numbers

    doc = nlp(text)
    span = doc[:]
    found = find_numbers(span)
    for m in found:
        assert doc.text[m.start:m.end] == m.text
        assert m.low is None or m.high is None or m.low <= m.high
    return found


def _the(found, n):
    hits = [m for m in found if m.value == n or (m.low == n or m.high == n or (m.low or 0) <= n <= (m.high or 0))]
    assert hits, found
    return hits[0]


@settings(max_examples=60, deadline=None)
@given(counts, nouns)
def test_exact_count_is_a_point(nlp, n, noun):
    m = _the(_numbers(nlp, f"Officials said {n:,} {noun} were affected on Tuesday."), n)
    assert m.low == m.high == n


@settings(max_examples=60, deadline=None)
@given(counts, nouns)
def test_more_than_a_count_starts_above_it(nlp, n, noun):
    found = _numbers(nlp, f"Officials said more than {n:,} {noun} were affected.")
    assert any(m.low == n + 1 and m.high is None for m in found), found


@settings(max_examples=60, deadline=None)
@given(counts, nouns, st.sampled_from(["about", "around", "nearly", "almost", "at least", "up to", "roughly"]))
def test_hedged_count_contains_the_stated_value(nlp, n, noun, hedge):
    found = _numbers(nlp, f"Officials said {hedge} {n:,} {noun} were affected.")
    assert any((m.low is None or m.low <= n) and (m.high is None or n <= m.high) for m in found), found


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_resolves_to_the_latest_such_day_not_after_published(nlp, published, weekday):
    from crosscheck.nlp.dates import find_dates

    doc = nlp(f"The ferry sank on {weekday}, officials said.")
    ref = dt.datetime.combine(published, dt.time(12), tzinfo=dt.timezone.utc)
    found = [d for d in find_dates(doc[:], ref) if d.low]
    assert found, weekday
    day = dt.date.fromisoformat(found[0].low[:10])
    assert day.strftime("%A") == weekday and 0 <= (published - day).days < 7


# --- random and mutated articles through ingest and extraction ----------------------------------

SEED = (
    "---\ntitle: Fire at the depot\nsource: Herald\npublished: 2024-02-08T10:00:00\n---\n"
    "About 150 firefighters fought the blaze on Tuesday night, the fire service said.\n\n"
    "Three firefighters were injured when the roof collapsed at 21:40.\n"
    "Police said the Kelmarsh Textile Company owns the warehouse, which was built in 1998.\n"
).encode()


@st.composite
def mutated(draw):
    data = bytearray(SEED)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "splice"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=20))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 30))]
        elif op == "truncate":
            del data[pos:]
        else:
            data[pos:pos] = draw(st.sampled_from([b"---\n", b": [", b"\xe2\x80", b"\x00", b"\r\n", b"{", b"\xff\xfe", b"\""]))
    return bytes(data)


random_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=400
)
extensions = st.sampled_from([".md", ".txt", ".json", ".jsonl", ".html"])


def _through(nlp, data: bytes, ext: str) -> None:
    from crosscheck.nlp.extract import extract_claims
    from crosscheck.nlp.sentences import sentences_of

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / f"fuzz{ext}").write_bytes(data)
        res = read_folder(Path(tmp))
        assert len(res.articles) + len(res.skipped) >= 1 or not data.strip()
        for skip in res.skipped:
            assert skip.reason and "\n" not in skip.reason
        for article in res.articles:
            doc = nlp(article.body)
            sents = sentences_of(article, doc)
            for claim in extract_claims(article, doc, sents):
                assert article.body[claim.char_start:claim.char_end] == claim.quote
                assert claim.low is None or claim.high is None or claim.low <= claim.high


@SLOW
@given(mutated(), extensions)
def test_mutated_articles_never_raise(nlp, data, ext):
    _through(nlp, data, ext)


@SLOW
@given(random_text, extensions)
def test_random_text_never_raises(nlp, text, ext):
    _through(nlp, text.encode("utf-8", "surrogatepass"), ext)


@SLOW
@given(st.binary(max_size=300), extensions)
def test_random_bytes_never_raise(nlp, data, ext):
    _through(nlp, data, ext)
