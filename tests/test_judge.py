"""Judgement rules on hand-made claim rows: no model, no store."""

from crosscheck import judge
from crosscheck.nlp import extract, subjects


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


def test_named_doers_figures_are_different_counts():
    a = num(low=364, high=364, counted="yard", predicate="throw", entity="corrigan")
    assert not judge.judge(a, num("t2", low=205, high=205, counted="yard", predicate="throw", entity="luck")).conflict
    # one doer, another verb: "scored 20 points" vs "needed nine points"
    b = num(low=20, high=20, counted="point", predicate="score", entity="whitlock")
    assert not judge.judge(b, num("t2", low=9, high=9, counted="point", predicate="need")).conflict
    assert judge.judge(b, num("t2", low=9, high=9, counted="point", predicate="score", entity="tyler whitlock")).conflict
    # a toll keeps its many verbs even when a doer is named
    c = num(low=3, high=3, predicate="kill", entity="hamas")
    assert judge.judge(c, num("t2", low=5, high=5, predicate="die")).conflict


def test_bare_spans_of_time_need_the_same_verb():
    a = num(low=8, high=8, counted="year", unit="year", predicate="extend")
    assert not judge.judge(a, num("t2", low=4, high=4, counted="year", unit="year", predicate="be")).conflict
    assert judge.judge(a, num("t2", low=4, high=4, counted="year", unit="year", predicate="extend")).conflict


def day_claim(article="t1", low="2025-04-12", high="2025-04-12", **kw):
    row = {"kind": "date", "article_id": article, "low_date": low, "high_date": high, "value_text": low,
           "counted": "occurred", "scope": None, "subject": "date of capsize", "published": None}
    row.update(kw)
    return row


def test_publication_stamps_and_background_spans_are_not_event_dates():
    assert judge.judge(day_claim(), day_claim("t2", "2025-04-11", "2025-04-11")).conflict
    assert not judge.judge(day_claim(scope="publication", counted="post"),
                           day_claim("t2", "2025-04-11", "2025-04-11", scope="publication", counted="post")).conflict
    assert not judge.judge(day_claim(low="2006-04-01", high="2006-04-30", scope="background span"),
                           day_claim("t2", "2008-01-01", "2008-12-31", scope="background span")).conflict


def test_a_named_holding_meets_a_described_one():
    a = {"kind": "entity", "article_id": "t1", "entity": "northern ferries company", "role": "own",
         "predicate": "own", "counted": None, "value_text": "Northern Ferries", "scope": None}
    b = dict(a, article_id="t2", entity="lake transit cooperative", role="own ferry", counted="ferry",
             value_text="Lake Transit")
    assert judge.judge(a, b).conflict
    c = dict(b, role="operate ferry", predicate="operate")
    assert not judge.judge(a, c).conflict


def test_unanchored_distances_are_never_the_same_distance():
    # a depth and a distance from a town, or two runs of a game: lengths with no noun of their own
    depth = num(low=10, high=10, unit="km", counted="kilometre", predicate="strike")
    town = num("t2", low=72, high=72, unit="km", counted="kilometre", predicate="strike")
    assert not judge.judge(depth, town).conflict
    assert not judge.judge(num(low=32, high=32, unit="yd", counted=None), num("t2", low=21, high=21, unit="yd", counted=None)).conflict
    # a length that names what it measures still compares
    assert judge.judge(num(low=40, high=40, unit="km", counted="convoy"), num("t2", low=90, high=90, unit="km", counted="convoy")).conflict


def test_counted_things_with_different_verbs_are_different_figures():
    fired = num(low=7, high=7, counted="bullet", predicate="fire")
    loaded = num("t2", low=4, high=4, counted="bullet", predicate="load")
    assert not judge.judge(fired, loaded).conflict
    assert judge.judge(fired, num("t2", low=4, high=4, counted="bullet", predicate="fire")).conflict
    # tolls keep many verbs, merged fates and neutral verbs never decide
    assert judge.judge(num(low=3, high=3, predicate="die"), num("t2", low=5, high=5, predicate="kill")).conflict
    assert judge.judge(num(low=2, high=2, counted="bridge destroyed", predicate="bring"),
                       num("t2", low=3, high=3, counted="bridge destroyed", predicate="sweep")).conflict
    assert judge.judge(num(low=61, high=61, counted="turnout", predicate="be"),
                       num("t2", low=58, high=58, counted="turnout", predicate="reach")).conflict


def test_people_counted_with_different_verbs_stay_comparable():
    fought = num(low=150, high=150, counted="firefighter", predicate="fight")
    assert judge.judge(fought, num("t2", low=120, high=120, counted="firefighter", predicate="send")).conflict


def test_figures_that_name_nothing_counted_are_never_compared():
    assert not judge.judge(num(low=352, high=352, counted=None), num("t2", low=3, high=3, counted=None)).conflict
    # "he was 68" vs "51 by knockout": only a neutral verb stands for the measure
    assert not judge.judge(num(low=68, high=68, counted="be", predicate="be"),
                           num("t2", low=51, high=51, counted="be", predicate="be")).conflict
    # a toll without a noun ("killing four") keeps its measure
    assert judge.judge(num(low=4, high=4, predicate="kill"), num("t2", low=40, high=40, predicate="kill")).conflict


def test_a_group_is_a_part_of_a_whole_that_names_no_group():
    soldiers = num(low=24, high=24, grp="soldier", counted="injured")
    assert not judge.judge(soldiers, num("t2", low=55, high=55, counted="injured")).conflict
    assert judge.judge(soldiers, num("t2", low=16, high=16, counted="injured")).conflict  # larger than the whole
    assert judge.judge(num(low=3, high=3, grp="civilian"), num("t2", low=5, high=5, grp="civilian")).conflict


def test_clock_readings_are_never_compared():
    a = num(low=12, high=12, counted="second", unit="s", scope="time left")
    assert not judge.judge(a, num("t2", low=17, high=17, counted="second", unit="s", scope="time left")).conflict


def test_dates_of_statements_are_never_compared():
    said = day_claim(counted="say", scope=extract.STATEMENT, subject="date of say")
    later = day_claim("t2", "2025-04-14", "2025-04-14", counted="say", scope=extract.STATEMENT)
    assert not judge.judge(said, later).conflict
    # an announcement is an act of its own and keeps its day
    assert judge.judge(day_claim(counted="result announce"),
                       day_claim("t2", "2025-04-11", "2025-04-11", counted="result announce")).conflict


def test_one_verbs_dates_need_the_same_doer_when_both_name_one():
    shares = day_claim(counted="fall", grp="share")
    assert not judge.judge(shares, day_claim("t2", "2025-04-11", "2025-04-11", counted="fall", grp="roof")).conflict
    assert judge.judge(shares, day_claim("t2", "2025-04-11", "2025-04-11", counted="fall", grp="share")).conflict
    assert judge.judge(shares, day_claim("t2", "2025-04-11", "2025-04-11", counted="fall")).conflict


def test_money_and_physical_measures_named_only_by_their_verb_compare():
    asked = num(low=3e6, high=3e6, unit="USD", counted="demand", predicate="demand")
    more = num("t2", low=3.5e6, high=3.5e6, unit="USD", counted="demand", predicate="demand")
    assert judge.judge(asked, more).conflict
    # another verb, another currency, or a verb that says nothing: still not one figure
    assert not judge.judge(asked, num("t2", low=5e6, high=5e6, unit="USD", counted="pay", predicate="pay")).conflict
    assert not judge.judge(asked, dict(more, unit="EUR", low=5e6, high=5e6)).conflict
    assert not judge.judge(num(low=2e6, high=2e6, unit="USD", counted="be", predicate="be"),
                           num("t2", low=5e6, high=5e6, unit="USD", counted="be", predicate="be")).conflict
    # a share or a span of time says nothing of what it is a share or a span of
    assert not judge.judge(num(low=8, high=8, unit="percent", counted="rise", predicate="rise"),
                           num("t2", low=3, high=3, unit="percent", counted="rise", predicate="rise")).conflict
    assert not judge.judge(num(low=8, high=8, unit="h", counted="wait", predicate="wait"),
                           num("t2", low=3, high=3, unit="h", counted="wait", predicate="wait")).conflict


def test_a_depth_is_an_anchored_length_whatever_its_verb():
    gave = num(low=620, high=620, unit="m", counted=subjects.DEPTH, predicate="give")
    collapsed = num("t2", low=580, high=580, unit="m", counted=subjects.DEPTH, predicate="collapse")
    assert judge.judge(gave, collapsed).conflict
    assert not judge.judge(gave, dict(collapsed, low=0.62, high=0.62, unit="km")).conflict
    # a depth is not a bare distance
    assert not judge.judge(gave, num("t2", low=580, high=580, unit="m", counted="metre", predicate="give")).conflict


def test_days_of_a_state_are_never_compared():
    from crosscheck.nlp.extract import STATE

    a = day_claim(scope=STATE, counted="be")
    assert not judge.judge(a, day_claim("t2", "2025-04-11", "2025-04-11", scope=STATE, counted="be")).conflict
    assert judge.judge(day_claim(counted="be"), day_claim("t2", "2025-04-11", "2025-04-11", counted="be")).conflict
