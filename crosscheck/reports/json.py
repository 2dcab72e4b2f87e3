"""report.json, schema "crosscheck.report/v1", exactly as the contract fixes it, plus extensions.

Outside tools parse this file, so the contract's keys are never renamed; extensions are only
added (events, skipped, findings, per-discrepancy group/status/confidence/finding, per-claim
published/source/attributed).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from crosscheck.reports.attribution import attribution_text
from crosscheck.reports.findings import build_findings
from crosscheck.sqlfiles import read_sql
from crosscheck.store import Store

SCHEMA = "crosscheck.report/v1"
_CLAIM_KEYS = ("claim_id", "article_id", "sentence", "quote", "char_start", "char_end")


def _claim(rec: dict[str, Any], p: str) -> dict[str, Any]:
    claim = {k: rec[p + k] for k in _CLAIM_KEYS}
    claim["char_start"], claim["char_end"] = int(claim["char_start"]), int(claim["char_end"])
    claim["value"] = json.loads(rec[p + "value_json"])
    claim["kind"] = rec[p + "kind"]
    claim["subject"] = rec[p + "subject"]
    claim["published"] = rec[p + "published"]
    claim["source"] = rec[p + "source"]
    claim["attributed"] = attribution_text(rec[p + "sentence"], _text(rec.get(p + "attributed")))
    return claim


def _text(v: Any) -> str | None:
    """SQL NULL reaches pandas as None or NaN; the report says null."""
    return None if v is None or v != v else str(v)


def build_report(store: Store, run_id: str, generated_at: dt.datetime | None = None) -> dict[str, Any]:
    generated = (generated_at or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds")
    articles = [
        {k: (None if v != v else v) for k, v in row.items()}  # NaN -> None
        for row in store.query("report_articles").to_dict("records")
    ]
    for a in articles:
        a["claims"] = int(a["claims"])
    findings = _findings(store, run_id)
    discrepancies = []
    sql = read_sql("report_discrepancies")
    for rec in store.con.execute(sql, {"run_id": run_id}).df().to_dict("records"):
        discrepancies.append(
            {
                "id": rec["discrepancy_id"],
                "kind": rec["kind"],
                "subject": rec["subject"],
                "severity": rec["severity"],
                "similarity": round(float(rec["similarity"]), 4),
                "confidence": None if rec["confidence"] != rec["confidence"] else round(float(rec["confidence"]), 4),
                "explanation": rec["explanation"],
                "claims": [_claim(rec, "a_"), _claim(rec, "b_")],
                "group": rec["grp"],
                "event_id": rec["event_id"],
                "superseded": bool(rec["superseded"]),
                "status": "new" if rec["first_run_id"] == run_id else "open",
                "finding": _text(rec["finding_id"]),
            }
        )
    events = [
        {"event_id": eid, "label": label, "articles": list(ids)}
        for eid, label, ids in store.con.execute(
            "SELECT event_id, min(label), list(article_id ORDER BY article_id) FROM events GROUP BY event_id ORDER BY event_id"
        ).fetchall()
    ]
    skipped = [
        {"path": p, "reason": r}
        for p, r in store.con.execute("SELECT path, reason FROM skipped WHERE run_id = ? ORDER BY path", [run_id]).fetchall()
    ]
    return {
        "schema": SCHEMA,
        "run_id": run_id,
        "generated_at": generated,
        "articles": articles,
        "discrepancies": discrepancies,
        "findings": findings,
        "events": events,
        "skipped": skipped,
    }


_VALUE_KEYS = ("claim_id", "article_id", "sentence", "quote", "char_start", "char_end")


def _findings(store: Store, run_id: str) -> list[dict[str, Any]]:
    """The run's findings, each with every claim on its subject (report order).

    A store whose run judged pairs but has not grouped them (a run stopped between judging
    and grouping) is grouped now: every pair must sit in a finding."""
    has = store.con.execute("SELECT count(*) FROM findings WHERE run_id = ?", [run_id]).fetchone()[0]
    if not has and store.con.execute(
            "SELECT count(*) FROM discrepancies WHERE last_run_id = ?", [run_id]).fetchone()[0]:
        build_findings(store, run_id)
    values: dict[str, list[dict[str, Any]]] = {}
    for rec in store.query("report_finding_values", {"run_id": run_id}).to_dict("records"):
        claim = {k: rec[k] for k in _VALUE_KEYS}
        claim["char_start"], claim["char_end"] = int(claim["char_start"]), int(claim["char_end"])
        claim["value"] = json.loads(rec["value_json"])
        claim["kind"] = rec["kind"]
        claim["subject"] = rec["subject"]
        claim["source"] = _text(rec["source"])
        claim["published"] = _text(rec["published"])
        claim["attributed"] = attribution_text(rec["sentence"], _text(rec["attributed"]))
        claim["title"] = _text(rec["title"])
        values.setdefault(rec["finding_id"], []).append(claim)
    return [
        {
            "id": rec["finding_id"],
            "event_id": _text(rec["event_id"]),
            "kind": rec["kind"],
            "subject": rec["subject"],
            "severity": rec["severity"],
            "confidence": round(float(rec["confidence"]), 4),
            "summary": rec["summary"],
            "values": values.get(rec["finding_id"], []),
            "discrepancies": [str(d) for d in rec["discrepancy_ids"]],
        }
        for rec in store.query("report_findings", {"run_id": run_id}).to_dict("records")
    ]
