"""Event decisions on invented articles, through the real stages (parse, extract, embed, cluster).

Two earthquakes in one province a week apart are two events; a follow-up filed three weeks
later about the same town and the same quake joins its story; an article without `published`
takes its day from its dateline, and the report-side tables keep both days."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck import align, pipeline
from crosscheck.store import Store

_QUAKE_ONE = """---
title: "Quake kills 14 in Melkin as Tarvos province shakes"
published: "2031-05-07T09:00:00+00:00"
---
An earthquake of magnitude 6.1 struck the town of Melkin in Tarvos province on Tuesday, killing 14 people and \
flattening dozens of stone houses, the regional governor Irena Waltham said.

Rescuers from Posselt worked through the night in Melkin's old quarter, where the quake brought down the clock tower.

Governor Waltham said 230 people were hurt and that the Melkin hospital was treating the worst cases.
"""

_QUAKE_TWO = """---
title: "Second quake hits Tarvos province, killing five in Oddany"
published: "2031-05-14T10:00:00+00:00"
---
A magnitude 5.4 earthquake struck the mountain village of Oddany in Tarvos province on Tuesday, killing five people, \
the mayor of Oddany, Teodor Brask, said.

The quake cut the only road into Oddany and damaged its school, Brask said, and army engineers from Kessberg were \
sent to clear landslides.

Seismologists at the Vardin observatory said the Oddany tremor was a separate event on a different fault.
"""

_FOLLOW_UP = """---
title: "Melkin begins rebuilding three weeks after deadly quake"
published: "2031-05-28T08:00:00+00:00"
---
Melkin began clearing the rubble of its clock tower on Wednesday, three weeks after the earthquake of 6 May \
killed 14 people in the town, the regional governor Irena Waltham said.

Waltham said the province would pay for new stone houses in Melkin's old quarter and that the Melkin hospital had \
discharged the last of the injured.
"""

_DATELINED = """---
title: "Melkin death toll rises to 16"
---
MELKIN, May 8, 2031 (Tarvos Wire) - The number of people killed by Tuesday's earthquake in Melkin rose to 16, \
governor Irena Waltham said on Wednesday, as rescuers from Posselt searched the old quarter.

Waltham said the clock tower's collapse had killed most of the victims in Melkin.
"""


@pytest.fixture(scope="module")
def clustered(tmp_path_factory) -> tuple[dict[str, str], Path]:
    folder = tmp_path_factory.mktemp("quakes")
    for name, text in (("q1", _QUAKE_ONE), ("q2", _QUAKE_TWO), ("q1-later", _FOLLOW_UP), ("q1-dateline", _DATELINED)):
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    db = folder / "store.duckdb"
    with Store(db) as st:
        plan = pipeline.plan_ingest(st, folder, pipeline.new_run_id())
        pipeline.parse_and_extract(st, plan.changed)
        pipeline.embed_missing(st)
        mapping = align.assign_events(st)
    return mapping, db


def test_two_quakes_in_one_province_a_week_apart_stay_apart(clustered):
    mapping, _ = clustered
    assert mapping["q1"] != mapping["q2"]


def test_a_follow_up_three_weeks_later_with_the_same_town_and_quake_joins(clustered):
    mapping, _ = clustered
    assert mapping["q1-later"] == mapping["q1"] != mapping["q2"]


def test_an_undated_article_is_dated_by_its_dateline_and_joins_its_story(clustered):
    mapping, db = clustered
    assert mapping["q1-dateline"] == mapping["q1"]
    with Store(db) as st:
        line = st.con.execute(
            "SELECT published_from_text FROM article_datelines WHERE article_id = 'q1-dateline'").fetchone()
        tuesday = st.con.execute(
            "SELECT low_date FROM claims WHERE article_id = 'q1-dateline' AND kind = 'date' AND quote = 'Tuesday'"
        ).fetchone()
    assert line == ("2031-05-08",)
    assert tuesday is not None and tuesday[0][:10] == "2031-05-06"  # resolved against the dateline's Thursday


def test_events_are_labelled_by_what_where_and_when(clustered):
    mapping, db = clustered
    with Store(db) as st:
        labels = dict(st.con.execute("SELECT article_id, label FROM events").fetchall())
    assert labels["q1"].startswith(("Quake", "Earthquake")) and "Melkin" in labels["q1"]
    assert "2031" in labels["q1"] and labels["q1"] != labels["q2"]
