"""Judgement on hand-made claim rows: can both hold, and how sure. No model, no store.

Whether two figures speak of one thing is the match model's (tests/test_match.py); the judge
gets its probability and adds the logic: intervals, parts within wholes, dates that are never
an event's date, actors."""

from crosscheck import judge


def num(article="t1", low=None, high=None, text="", **kw):
    row = {"kind": "numeric", "article_id": article, "low": low, "high": high, "value_text": text or str(low),
           "counted": "dead", "measure_class": "dead", "place": None, "grp": None, "scope": None, "unit": None,
           "hedge": None, "subject": "people killed", "published": "2024-02-07T10:00:00+00:00"}
    row.update(kw)
    return row


def test_disjoint_counts_conflict_and_overlap_does_not():
    assert judge.judge(num(low=25, high=25), num("t2", low=41, high=None, text="more than 40")).conflict
    assert not judge.judge(num(low=47, high=47), num("t2", low=41, high=None)).conflict


def test_a_pair_less_probable_than_the_report_threshold_is_not_reported():
    a, b = num(low=3, high=3), num("t2", low=5, high=5)
    assert judge.judge(a, b, match=0.8, report_from=0.5).conflict
    assert not judge.judge(a, b, match=0.4, report_from=0.5).conflict
    v = judge.judge(a, b, match=0.8, report_from=0.5)
    assert v.confidence == 0.8


def test_units_compare_in_base():
    assert not judge.judge(num(low=2, high=2, unit="km"), num("t2", low=2000, high=2000, unit="m")).conflict
    assert judge.judge(num(low=2, high=2, unit="km"), num("t2", low=3000, high=3000, unit="m")).conflict


def test_vague_plural_is_a_floor():
    assert not judge.judge(num(low=200, high=999, hedge="hundreds"), num("t2", low=5600, high=5600)).conflict
    assert judge.judge(num(low=200, high=999, hedge="hundreds"), num("t2", low=50, high=50)).conflict


def test_rival_estimates_in_one_sentence_are_judged_as_a_range():
    a = num(low=8000, high=8000, has_estimates=True, est_low=8000, est_high=50000)
    assert not judge.judge(a, num("t2", low=50000, high=50000)).conflict


def test_an_update_hours_later_names_both_reports_neutrally():
    v = judge.judge(num(low=38, high=38), num("t2", low=51, high=51, published="2024-02-08T15:00:00+00:00"))
    assert v.conflict and v.superseded
    assert "7 Feb 2024 10:00" in v.explanation and "8 Feb 2024 15:00" in v.explanation
    assert "revised up" in v.explanation and "misled" not in v.explanation
    same_time = judge.judge(num(low=38, high=38), num("t2", low=51, high=51))
    assert not same_time.superseded
    # a figure that is no running tally is not an update, however late
    late = judge.judge(num(low=3, high=3, measure_class=None), num("t2", low=4, high=4, measure_class=None,
                                                                    published="2024-02-09T10:00:00+00:00"))
    assert late.conflict and not late.superseded


def test_severity_follows_the_gap_and_the_confidence():
    assert judge.judge(num(low=100, high=100), num("t2", low=103, high=103)).severity == "low"
    assert judge.judge(num(low=15, high=15), num("t2", low=17, high=17)).severity == "medium"
    assert judge.judge(num(low=15, high=15), num("t2", low=40, high=40), match=0.9).severity == "high"
    assert judge.judge(num(low=15, high=15), num("t2", low=40, high=40), match=0.5).severity == "medium"


def test_a_group_is_a_part_of_a_whole_that_names_no_group():
    soldiers = num(low=24, high=24, grp="soldier", counted="injured", measure_class="injured")
    assert not judge.judge(soldiers, num("t2", low=55, high=55, counted="injured")).conflict
    assert judge.judge(soldiers, num("t2", low=16, high=16, counted="injured")).conflict  # larger than the whole
    assert judge.judge(num(low=3, high=3, grp="civilian"), num("t2", low=5, high=5, grp="civilian")).conflict


def day_claim(article="t1", low="2025-04-12", high="2025-04-12", **kw):
    row = {"kind": "date", "article_id": article, "low_date": low, "high_date": high, "value_text": low,
           "counted": "occurred", "scope": None, "subject": "date of capsize", "published": None,
           "statement": False, "background": False}
    row.update(kw)
    return row


def test_dates_disjoint_days_or_times_conflict():
    assert judge.judge(day_claim(low="2024-01-23", high="2024-01-23"), day_claim("t2", "2024-01-22", "2024-01-22")).conflict
    assert judge.judge(day_claim(low="2024-10-17T21:30", high="2024-10-17T21:50"),
                       day_claim("t2", "2024-10-17T19:30", "2024-10-17T19:59")).conflict
    assert not judge.judge(day_claim(low="2024-10-17", high="2024-10-17"),
                           day_claim("t2", "2024-10-17T21:40", "2024-10-17T21:40")).conflict


def test_unresolved_statement_and_background_dates_are_never_compared():
    assert not judge.judge(day_claim(), day_claim("t2", None, None)).conflict
    assert not judge.judge(day_claim(statement=True), day_claim("t2", "2025-04-14", "2025-04-14")).conflict
    assert not judge.judge(day_claim(low="2006-04-01", high="2006-04-30", background=True),
                           day_claim("t2", "2008-01-01", "2008-12-31", background=True)).conflict
    assert judge.judge(day_claim(), day_claim("t2", "2025-04-11", "2025-04-11")).conflict


def test_values_disagree_is_the_judge_without_the_threshold():
    assert judge.values_disagree(num(low=3, high=3), num("t2", low=5, high=5))
    assert not judge.values_disagree(num(low=3, high=None), num("t2", low=5, high=5))
    assert not judge.values_disagree(day_claim(statement=True), day_claim("t2", "2025-04-14", "2025-04-14"))


def ent(article, name, role="claim attack"):
    return {"kind": "entity", "article_id": article, "entity": name, "value_text": name, "role": role, "scope": None}


def test_entities_different_actor_same_role_conflict_but_variants_do_not():
    assert judge.judge(ent("t1", "black crane brigade"), ent("t2", "northern liberation front")).conflict
    assert not judge.judge(ent("t1", "halvard rusk"), ent("t2", "interior minister halvard rusk")).conflict
    assert not judge.judge(ent("t1", "a"), ent("t2", "b", role="own depot")).conflict


def test_a_named_holding_meets_a_described_one():
    a = {"kind": "entity", "article_id": "t1", "entity": "northern ferries company", "role": "own",
         "predicate": "own", "counted": None, "value_text": "Northern Ferries", "scope": None}
    b = dict(a, article_id="t2", entity="lake transit cooperative", role="own ferry", counted="ferry",
             value_text="Lake Transit")
    assert judge.judge(a, b).conflict
    c = dict(b, role="operate ferry", predicate="operate")
    assert not judge.judge(a, c).conflict
