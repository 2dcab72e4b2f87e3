"""Renderers (markdown, HTML, terminal summary, Prefect artifacts) on a hand-made report dict.

The dict follows shared/contract/report.md plus the extensions crosscheck/reports/json.py
adds; one sentence carries HTML and a markdown link, to prove article text is escaped.
"""

from __future__ import annotations

import atexit
import copy
import io
import logging
import pathlib
import re
from typing import Any

import pytest

from crosscheck.reports.html import render_html
from crosscheck.reports.markdown import interval_text, md_escape, render_markdown

EVIL = 'The group <script>alert("x")</script> was blamed, see [click](http://evil.example) ![i](x.png)'


def _claim(cid: str, aid: str, source: str, published: str | None, kind: str, sentence: str,
           quote: str, value: dict[str, Any], subject: str) -> dict[str, Any]:
    start = 100 + sentence.index(quote)
    return {"claim_id": cid, "article_id": aid, "sentence": sentence, "quote": quote,
            "char_start": start, "char_end": start + len(quote), "value": value,
            "published": published, "source": source, "kind": kind, "subject": subject}


def sample_report() -> dict[str, Any]:
    """Two events; a three-source numeric dispute (two pairs, one group), a date and an entity pair."""
    inj = "people injured in the drone attack on the base"
    s1 = "A drone attack on the base injured 25 people on Wednesday, officials said."
    s2 = "More than 40 people were injured in the drone attack, the ministry said."
    s3 = "At least 30 people were hurt in the attack on the base."
    n1 = _claim("n1", "t1", "Wire A", "2024-02-07T10:00:00+00:00", "numeric", s1, "25 people",
                {"low": 25, "high": 25, "text": "25", "unit": "people"}, inj)
    n2 = _claim("n2", "t2", "Daily B", "2024-02-07T15:30:00+00:00", "numeric", s2,
                "More than 40 people", {"low": 41, "high": None, "text": "more than 40", "unit": "people"}, inj)
    n3 = _claim("n3", "t3", "Radio C", "2024-02-08T08:00:00+00:00", "numeric", s3,
                "At least 30 people", {"low": 30, "high": None, "text": "at least 30", "unit": "people"}, inj)
    d1 = _claim("d1", "t1", "Wire A", "2024-02-07T10:00:00+00:00", "date", s1, "on Wednesday",
                {"low": "2024-02-07", "high": "2024-02-07", "text": "on Wednesday"}, "day of the drone attack")
    d2 = _claim("d2", "t2", "Daily B", "2024-02-07T15:30:00+00:00", "date",
                "The attack on Tuesday hit the base.", "on Tuesday",
                {"low": "2024-02-06", "high": "2024-02-06", "text": "on Tuesday"}, "day of the drone attack")
    e1 = _claim("e1", "q1", "Gazette <D>", "2024-03-01", "entity", "Police blamed the Red Hand group.",
                "the Red Hand group", {"text": "Red Hand", "role": "blamed"}, "who was blamed for the fire")
    e2 = _claim("e2", "q2", "Courier E", None, "entity", EVIL, '<script>alert("x")</script>',
                {"text": "<script>", "role": "blamed"}, "who was blamed for the fire")

    def disc(did, kind, sev, a, b, expl, group, event, **kw):
        return {"id": did, "kind": kind, "subject": a["subject"], "severity": sev, "similarity": 0.87,
                "explanation": expl, "claims": [a, b], "group": group, "event_id": event,
                "superseded": False, "status": "new", **kw}

    return {
        "schema": "crosscheck.report/v1",
        "run_id": "run-20240208",
        "generated_at": "2024-02-08T14:00:00+00:00",
        "articles": [
            {"article_id": "t1", "source": "Wire A", "title": "Drone attack on base",
             "published": "2024-02-07T10:00:00+00:00", "url": "https://a.example/t1", "claims": 2},
            {"article_id": "t2", "source": "Daily B", "title": "Dozens hurt", "published":
             "2024-02-07T15:30:00+00:00", "url": "javascript:alert(1)", "claims": 2},
            {"article_id": "t3", "source": "Radio C", "title": "Update", "published":
             "2024-02-08T08:00:00+00:00", "url": None, "claims": 1},
            {"article_id": "q1", "source": "Gazette <D>", "title": "Fire", "published": "2024-03-01",
             "url": None, "claims": 1},
            {"article_id": "q2", "source": "Courier E", "title": "Fire <i>latest</i>", "published": None,
             "url": None, "claims": 1},
        ],
        "discrepancies": [
            disc("D1", "numeric", "high", n1, n2, "25 (t1) and more than 40 (t2) cannot both hold", "g-inj", "ev1"),
            disc("D2", "numeric", "medium", n1, n3, "25 (t1) and at least 30 (t3) cannot both hold", "g-inj", "ev1"),
            disc("D3", "date", "low", d1, d2, "Wednesday (t1) and Tuesday (t2) are different days", "g-day", "ev1",
                 superseded=True),
            disc("D4", "entity", "high", e1, e2, "Red Hand (q1) and <script> (q2) are different actors", "g-who", "ev2"),
        ],
        "findings": [
            {"id": "F1", "event_id": "ev1", "kind": "numeric", "subject": inj, "severity": "high",
             "confidence": 0.9, "summary": "3 outlets give 3 figures: 25 (Wire A); at least 30 (Radio C); "
             "more than 40 (Daily B)", "values": [n1, n2, n3], "discrepancies": ["D1", "D2"]},
            {"id": "F2", "event_id": "ev1", "kind": "date", "subject": "day of the drone attack",
             "severity": "low", "confidence": 0.8, "summary": "2 outlets give 2 dates", "values": [d1, d2],
             "discrepancies": ["D3"]},
            {"id": "F3", "event_id": "ev2", "kind": "entity", "subject": "who was blamed for the fire",
             "severity": "high", "confidence": 0.7, "summary": "2 outlets give 2 names", "values": [e1, e2],
             "discrepancies": ["D4"]},
        ],
        "events": [
            {"event_id": "ev1", "label": "Drone attack on the base", "articles": ["t1", "t2", "t3"]},
            {"event_id": "ev2", "label": "Warehouse fire", "articles": ["q1", "q2"]},
        ],
        "skipped": [{"path": "in/broken.html", "reason": "no article text <found>"}],
        "data_docs": "/tmp/out/data_docs/index.html",
        "checks": {"success": False, "failed": ["no_contradicting_numeric_pairs"]},
    }


def all_quotes(report: dict[str, Any]) -> list[str]:
    return [c["quote"] for d in report["discrepancies"] for c in d["claims"]]


# --- markdown --------------------------------------------------------------------------------


def test_markdown_lists_every_finding_with_every_value() -> None:
    report = sample_report()
    md = render_markdown(report)
    assert md.startswith("# crosscheck report")
    assert "**3 disputed subjects** (2 high, 1 low) from 4 contradicting pairs" in md
    for f in report["findings"]:
        assert md_escape(f["summary"]) in md and md_escape(f["subject"]) in md
        for d in f["discrepancies"]:
            assert f"`{d}`" in md
    assert md.count("| Outlet | Published |") == 3
    assert "**25 people**" in md and "**More than 40 people**" in md
    assert "## Drone attack on the base" in md and "## Warehouse fire" in md
    assert "[Data Docs](data_docs/index.html)" in md


def test_markdown_escapes_article_text() -> None:
    md = render_markdown(sample_report())
    assert "<script>" not in md and "<D>" not in md and "<found>" not in md
    assert "&lt;script&gt;" in md
    assert "[click](http" not in md and "![i](" not in md
    assert "\\[click\\]" in md
    # The only links are ours.
    links = re.findall(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", md)
    assert links == ["[Data Docs]("]


@pytest.mark.parametrize(
    ("text", "bad"),
    [("<img src=x onerror=alert(1)>", "<img"), ("[a](javascript:x)", "[a]("),
     ("**bold** _it_", "**bold**"), ("a | b", "a | b"),
     ("see https://x.example", "https://"), ("`code`", "`code`")],
)
def test_md_escape(text: str, bad: str) -> None:
    assert bad not in md_escape(text)


@pytest.mark.parametrize("text", ["1. item", "- dash", "> quoted", "# heading", "+ plus"])
def test_md_escape_line_starts(text: str) -> None:
    out = md_escape(text)  # the marker is escaped (or an entity, which is never a marker)
    assert re.match(r"^(\\|\d+\\[.)]|&gt;)", out), out


def test_renderers_tolerate_missing_extensions() -> None:
    report = sample_report()
    for key in ("events", "skipped", "data_docs", "checks"):
        report.pop(key)
    report.pop("findings")
    for d in report["discrepancies"]:
        for key in ("group", "event_id", "superseded", "status"):
            d.pop(key)
        for c in d["claims"]:
            for key in ("published", "source", "kind", "subject"):
                c.pop(key, None)
    md = render_markdown(report)
    html = render_html(report)
    for q in all_quotes(sample_report()):
        assert md_escape(q) in md
    assert "Red Hand" in html and "More than 40 people" in html
    empty = {"schema": "crosscheck.report/v1", "run_id": "r", "generated_at": "", "articles": [],
             "discrepancies": []}
    assert "No contradicting claims" in render_markdown(empty)
    assert "No contradicting claims" in render_html(empty)


def test_interval_text() -> None:
    r = sample_report()
    n1, n2 = r["discrepancies"][0]["claims"]
    assert interval_text(n1) == "25" and interval_text(n2) == "≥ 41"
    assert interval_text({"kind": "numeric", "value": {"low": 2250, "high": 2750}}) == "2,250–2,750"
    assert interval_text({"kind": "numeric", "value": {"low": None, "high": 169}}) == "≤ 169"


# --- HTML ------------------------------------------------------------------------------------


def test_html_is_self_contained_and_escaped() -> None:
    html = render_html(sample_report())
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert "<script" not in html  # neither ours nor the article's
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "Gazette &lt;D&gt;" in html and "&lt;i&gt;latest" in html
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html.replace('href="https://a.example/t1"', ""))
    assert "javascript:" not in html  # a non-http article url is not linked
    assert 'href="data_docs/index.html"' in html


def test_html_shows_each_finding_with_every_value_highlighted() -> None:
    report = sample_report()
    html = render_html(report)
    for f in report["findings"]:
        block = html.split(f'id="f-{f["id"]}"', 1)[1].split("</article>", 1)[0]
        assert block.count("<tr data-claim-id=") == len(f["values"])
        marks = re.findall(r'<mark class="quote">(.*?)</mark>', block)
        assert len(marks) == len(f["values"])
        for d in f["discrepancies"]:
            assert f'data-discrepancy-id="{d}"' in block
    assert '<mark class="quote">More than 40 people</mark>' in html
    assert "Wire A" in html and "2024-02-07 15:30 UTC" in html


def test_html_charts_one_per_finding_with_bars_per_claim() -> None:
    html = render_html(sample_report())
    assert html.count("<svg") == 3  # F1, F2, F3
    inj = html.split("<figcaption>people injured", 1)[1].split("</figure>", 1)[0]
    assert inj.count('<g class="bar">') == 3  # n1, n2, n3: each claim once
    assert inj.count("<rect x=") >= 2 + 1  # plot background + two open-ended bars
    assert "marker-end" in inj  # "more than 40" has no upper bound: an arrow
    assert "Radio C" in inj and "unknown time" not in inj
    who = html.split("<figcaption>who was blamed", 1)[1].split("</figure>", 1)[0]
    assert "unknown time" in who  # q2 has no publication time


def test_html_write_for_browser(tmp_path: pathlib.Path) -> None:
    """Sanity for the browser test: the page is well-formed enough to parse."""
    from html.parser import HTMLParser

    out = tmp_path / "report.html"
    out.write_text(render_html(sample_report()), encoding="utf-8")
    HTMLParser().feed(out.read_text(encoding="utf-8"))


# --- terminal summary ------------------------------------------------------------------------


def test_print_summary_lists_discrepancies_and_paths(tmp_path: pathlib.Path) -> None:
    from rich.console import Console

    from crosscheck.reports.summary import print_summary

    buf = io.StringIO()
    console = Console(file=buf, width=160, color_system=None)
    report = sample_report()
    report["findings"][0]["subject"] = "[bold red]markup[/] injected"
    print_summary(report, {"json": tmp_path / "report.json", "html": tmp_path / "report.html"}, console)
    text = buf.getvalue()
    assert "[bold red]markup[/] injected" in text  # printed literally, not interpreted
    assert "25" in text and "more than 40" in text and "Daily B" in text
    assert str(tmp_path / "report.html") in text
    assert "3 disputed subjects" in text and "4 contradicting pairs" in text


# --- Prefect artifacts -----------------------------------------------------------------------


def test_publish_artifacts_calls_prefect_with_escaped_markdown(monkeypatch, tmp_path) -> None:
    import flows.artifacts as artifacts

    calls: dict[str, list[dict[str, Any]]] = {"md": [], "table": [], "link": []}
    monkeypatch.setattr(artifacts, "create_markdown_artifact", lambda **kw: calls["md"].append(kw))
    monkeypatch.setattr(artifacts, "create_table_artifact", lambda **kw: calls["table"].append(kw))
    monkeypatch.setattr(artifacts, "create_link_artifact", lambda **kw: calls["link"].append(kw))
    report = sample_report()
    paths = {"html": tmp_path / "report.html", "data_docs": tmp_path / "data_docs" / "index.html",
             "json": tmp_path / "report.json"}
    artifacts.publish_artifacts(copy.deepcopy(report), paths)

    (md,) = calls["md"]
    assert re.fullmatch(r"[a-z0-9-]+", md["key"])
    assert "<script>" not in md["markdown"] and "[click](" not in md["markdown"]
    assert "**more than 40** (≥ 41)" in md["markdown"]
    assert "3 outlets give 3 figures" in md["markdown"]
    (table,) = calls["table"]
    assert len(table["table"]) == 3 and re.fullmatch(r"[a-z0-9-]+", table["key"])
    assert {"severity", "confidence", "subject", "summary", "outlets", "pairs"} <= set(table["table"][0])
    links = {c["key"]: c for c in calls["link"]}
    assert len(links) == 2 and all(re.fullmatch(r"[a-z0-9-]+", k) for k in links)
    assert {c["link"] for c in links.values()} == {paths["html"].as_uri(), paths["data_docs"].as_uri()}


@pytest.mark.server
def test_publish_artifacts_in_a_real_flow(tmp_path, monkeypatch) -> None:
    """Against Prefect's own ephemeral API: the artifacts exist afterwards under their keys."""
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect"))
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    from prefect import flow
    from prefect.artifacts import Artifact

    from flows.artifacts import KEYS, publish_artifacts

    @flow(name="artifact-probe")
    def probe() -> None:
        publish_artifacts(sample_report(), {"html": tmp_path / "report.html",
                                            "data_docs": tmp_path / "data_docs" / "index.html"})

    probe()
    # Prefect stops its temporary server at exit and logs that to pytest's closed capture
    # stream ("--- Logging error ---"); atexit runs this first, so that line is not logged.
    atexit.register(lambda: logging.getLogger("prefect").setLevel(logging.WARNING))
    md = Artifact.get(KEYS["summary"])
    assert md is not None and "more than 40" in str(md.data)
    assert Artifact.get(KEYS["table"]) is not None
    assert Artifact.get(KEYS["report_link"]) is not None


def test_markdown_keeps_the_spaces_around_a_highlighted_quote_and_the_sentence_intact() -> None:
    report = sample_report()
    md = render_markdown(report)
    assert "injured **25 people** on Wednesday" in md
    for f in report["findings"]:
        for c in f["values"]:
            plain = md.replace("**", "")
            assert md_escape(c["sentence"]) in plain, c["sentence"]
