"""Judgement rules on hand-made claim rows: no model, no store."""

from crosscheck import judge


def num(article="t1", low=None, high=None, text="", **kw):
    row = {"kind": "numeric", "article_id": article, "low": low, "high": high, "value_text": text or str(low),
           "counted": "dead", "place": None, "grp": None, "scope": None, "unit": None, "hedge": None,
           "subject": "people killed", "published": "2024-02-07T10:00:00+00:00"}
    row.update(kw)
    return row


def test_disjoint_counts_conflict_and_overlap_does_not():
    assert judge.judge(num(low=25, high=25), num("t2", low=41, high=None, text="more than 40")).conflict
    assert not judge.judge(num(low=47, high=47), num("t2", low=41, high=None)).conflict


def test_other_subject_place_group_or_scope_is_no_conflict():
    assert not judge.judge(num(low=3, high=3), num("t2", low=5, high=5, counted="injured")).conflict
    assert not judge.judge(num(low=3, high=3, place="iraq"), num("t2", low=5, high=5, place="syria")).conflict
    assert not judge.judge(num(low=3, high=3, grp="civilian"), num("t2", low=5, high=5, grp="soldier")).conflict
    assert not judge.judge(num(low=9, high=9, scope="part"), num("t2", low=63, high=63)).conflict
    assert not judge.judge(num(low=19, high=19, scope="in 2010"), num("t2", low=16, high=16)).conflict


def test_units_compare_in_base_and_percent_is_not_a_count():
    assert not judge.judge(num(low=2, high=2, unit="km"), num("t2", low=2000, high=2000, unit="m")).conflict
    assert not judge.judge(num(low=16, high=16), num("t2", low=60, high=70, unit="percent")).conflict


def test_vague_plural_is_a_floor():
    assert not judge.judge(num(low=200, high=999, hedge="hundreds"), num("t2", low=5600, high=5600)).conflict
    assert judge.judge(num(low=200, high=999, hedge="hundreds"), num("t2", low=50, high=50)).conflict


def test_rival_estimates_in_one_sentence_are_judged_as_a_range():
    a = num(low=8000, high=8000, has_estimates=True, est_low=8000, est_high=50000)
    assert not judge.judge(a, num("t2", low=50000, high=50000)).conflict


def test_superseded_update_names_both_times_and_lowers_severity():
    v = judge.judge(num(low=38, high=38), num("t2", low=51, high=51, published="2024-02-08T15:00:00+00:00"))
    assert v.conflict and v.superseded and v.severity == "medium"
    assert "2024-02-07 10:00" in v.explanation and "2024-02-08 15:00" in v.explanation
    same_time = judge.judge(num(low=38, high=38), num("t2", low=51, high=51))
    assert same_time.severity == "high" and not same_time.superseded


def test_severity_follows_the_gap():
    assert judge.judge(num(low=100, high=100), num("t2", low=103, high=103)).severity == "low"
    assert judge.judge(num(low=15, high=15), num("t2", low=17, high=17)).severity == "medium"


def date(article, low, high=None, counted="occurred", **kw):
    row = {"kind": "date", "article_id": article, "low_date": low, "high_date": high or low, "value_text": low,
           "counted": counted, "scope": None, "subject": "date of the attack"}
    row.update(kw)
    return row


def test_dates_same_event_disjoint_days_or_times_conflict():
    assert judge.judge(date("t1", "2024-01-23"), date("t2", "2024-01-22")).conflict
    assert judge.judge(date("t1", "2024-10-17T21:30", "2024-10-17T21:50"), date("t2", "2024-10-17T19:30", "2024-10-17T19:59")).conflict
    assert not judge.judge(date("t1", "2024-10-17"), date("t2", "2024-10-17T21:40")).conflict


def test_dates_of_other_happenings_or_unresolved_are_not_compared():
    assert not judge.judge(date("t1", "2024-10-17"), date("t2", "2024-10-19", counted="rise")).conflict
    assert not judge.judge(date("t1", "2024-10-17"), {**date("t2", "2024-10-19"), "low_date": None, "high_date": None}).conflict


def ent(article, name, role="claim attack"):
    return {"kind": "entity", "article_id": article, "entity": name, "value_text": name, "role": role, "scope": None}


def test_entities_different_actor_same_role_conflict_but_variants_do_not():
    assert judge.judge(ent("t1", "black crane brigade"), ent("t2", "northern liberation front")).conflict
    assert not judge.judge(ent("t1", "halvard rusk"), ent("t2", "interior minister halvard rusk")).conflict
    assert not judge.judge(ent("t1", "a"), ent("t2", "b", role="own depot")).conflict
