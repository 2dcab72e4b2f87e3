"""report.json, schema "crosscheck.report/v1", exactly as the contract fixes it, plus extensions.

Outside tools parse this file, so the contract's keys are never renamed; extensions are only
added (events, skipped, per-discrepancy group/status, per-claim published/source).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

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
    return claim


def build_report(store: Store, run_id: str, generated_at: dt.datetime | None = None) -> dict[str, Any]:
    generated = (generated_at or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds")
    articles = [
        {k: (None if v != v else v) for k, v in row.items()}  # NaN -> None
        for row in store.query("report_articles").to_dict("records")
    ]
    for a in articles:
        a["claims"] = int(a["claims"])
    discrepancies = []
    for rec in store.query("report_discrepancies", {"run_id": run_id}).to_dict("records"):
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
        "events": events,
        "skipped": skipped,
    }
