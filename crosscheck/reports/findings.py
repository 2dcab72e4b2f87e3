"""Findings: one entry per disputed subject of one event, instead of one per contradicting pair.

Several outlets giving several tolls make many pairs (five figures, up to ten pairs), and a
reader who wades through them sees one dispute many times. A finding is a connected group of
contradicting pairs of one event and kind (claims linked by "cannot both hold"), with every
claim that speaks to the same subject, the agreeing ones included: the claims aligned with a
disputed claim, judged consistent, and as surely the same thing as a reported pair is (the
match probability reaches the kind's report threshold).

Each pair belongs to exactly one finding (the groups are connected components over pairs), so
report.json keeps its pairs (the contract) and each finding lists the ids of its own. A
finding's id derives from its event, kind and disputed claims, as a pair's derives from its two
claims, so it stays the same from run to run while its claims stand.

The grouping is pure (:func:`group_findings`), so it is tested on invented rows; the store I/O
is :func:`build_findings`, run once per run after judging (the checkpoint groups its failed rows
by finding, and the reports read the same rows).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Iterable

import duckdb
import pandas as pd

from crosscheck import match
from crosscheck.models import sha256
from crosscheck.reports.finding_text import summarise
from crosscheck.reports.markdown import parse_time
from crosscheck.sqlfiles import read_sql
from crosscheck.store import Store

Row = dict[str, Any]
SEVERITIES = ("high", "medium", "low")

# Below this confidence a finding is one severity step lower than its largest disagreement: a
# large gap between two claims that may not speak of the same thing is less urgent than a
# smaller one that surely does. 0.5 is "as likely as not the same thing".
DOUBTFUL_CONFIDENCE = 0.5


@dataclass
class Finding:
    """One disputed subject of one event."""

    finding_id: str
    event_id: str | None
    kind: str
    subject: str
    severity: str
    confidence: float
    summary: str
    claim_ids: list[str]  # every claim on the subject, in publication order
    discrepancy_ids: list[str] = field(default_factory=list)


def finding_id(event_id: str | None, kind: str, disputed: Iterable[str]) -> str:
    """Stable id: the event, the kind and the sorted ids of the disputed claims."""
    return sha256(f"{event_id or ''}|{kind}|{','.join(sorted(set(disputed)))}")[:16]


def finding_severity(pair_severities: Iterable[str], confidence: float) -> str:
    """The largest disagreement's severity (the judge's, from the size of the gap), one step
    lower when the finding is doubtful (confidence below DOUBTFUL_CONFIDENCE)."""
    ranks = [SEVERITIES.index(s) for s in pair_severities if s in SEVERITIES]
    rank = min(ranks) if ranks else len(SEVERITIES) - 1
    if confidence < DOUBTFUL_CONFIDENCE:
        rank = min(rank + 1, len(SEVERITIES) - 1)
    return SEVERITIES[rank]


def sort_key(f: Finding) -> tuple[Any, ...]:
    """Report order: most confident first, then most severe, then by id (deterministic)."""
    return (-round(f.confidence, 6), SEVERITIES.index(f.severity), f.event_id or "", f.finding_id)


class _Components:
    """Union-find over claim ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _published_key(claim: Row) -> tuple[Any, ...]:
    """Publication order in UTC (articles state their own zones); undated claims last."""
    t = parse_time(claim.get("published"))
    return (t is None, t.timestamp() if t else 0.0, str(claim.get("article_id") or ""), int(claim.get("char_start") or 0))


def group_findings(pairs: list[Row], claims: dict[str, Row], agreeing: Iterable[tuple[str, str]]) -> list[Finding]:
    """Findings from the run's contradicting ``pairs`` (rows of sql/findings_pairs.sql).

    ``claims`` maps claim id to its row (sql/findings_claims.sql); ``agreeing`` are the aligned
    pairs judged consistent. A pair whose claims are unknown still forms its finding (from the
    ids alone), so no pair is ever left out of every finding.
    """
    comps = _Components()
    scope: dict[str, tuple[Any, str]] = {}
    for p in pairs:
        key = (p.get("event_id"), str(p["kind"]))
        for c in (p["claim_a"], p["claim_b"]):
            # a claim belongs to one event and kind; a pair of another key starts its own group
            scope.setdefault(f"{key}|{c}", key)
        comps.union(f"{key}|{p['claim_a']}", f"{key}|{p['claim_b']}")
    members: dict[str, list[Row]] = {}
    for p in pairs:
        root = comps.find(f"{(p.get('event_id'), str(p['kind']))}|{p['claim_a']}")
        members.setdefault(root, []).append(p)

    neighbours: dict[str, set[str]] = {}
    for a, b in agreeing:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)

    findings = []
    for group in members.values():
        event_id, kind = group[0].get("event_id"), str(group[0]["kind"])
        disputed = sorted({c for p in group for c in (p["claim_a"], p["claim_b"])})
        values = set(disputed)
        for c in disputed:
            for n in neighbours.get(c, ()):
                if n in values or n not in claims or c not in claims:
                    continue
                if claims[n].get("event_id") == event_id:
                    values.add(n)
        known = sorted((claims[c] for c in values if c in claims), key=_published_key)
        ordered = [c["claim_id"] for c in known] + sorted(c for c in values if c not in claims)
        confidence = max(_num(p.get("confidence"), _num(p.get("similarity"), 0.0)) for p in group)
        conflicts = {frozenset((p["claim_a"], p["claim_b"])) for p in group}
        findings.append(
            Finding(
                finding_id=finding_id(event_id, kind, disputed),
                event_id=event_id,
                kind=kind,
                subject=subject_of(known, disputed),
                severity=finding_severity((str(p.get("severity")) for p in group), confidence),
                confidence=round(confidence, 4),
                summary=summarise(kind, known, conflicts),
                claim_ids=ordered,
                discrepancy_ids=sorted(str(p["discrepancy_id"]) for p in group),
            )
        )
    return sorted(findings, key=sort_key)


def _num(x: Any, default: float) -> float:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return default
    return default if math.isnan(v) else v


def subject_of(values: list[Row], disputed: list[str]) -> str:
    """The subject most of the disputed claims carry (each a phrase of its own sentence's
    words); ties go to the earliest claim, so the first report names the dispute."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    wanted = set(disputed)
    for i, c in enumerate(values):
        if c["claim_id"] not in wanted or not c.get("subject"):
            continue
        s = str(c["subject"])
        counts[s] = counts.get(s, 0) + 1
        first.setdefault(s, i)
    if not counts:
        return "value"
    return min(counts, key=lambda s: (-counts[s], first[s]))


# --- the store -------------------------------------------------------------------------------


def _records(frame: pd.DataFrame) -> list[Row]:
    return [{k: (None if _isnull(v) else v) for k, v in rec.items()} for rec in frame.to_dict("records")]


def _isnull(v: Any) -> bool:
    try:
        return bool(pd.isna(v)) if not isinstance(v, (list, tuple, dict)) else False
    except (TypeError, ValueError):
        return False


def read_inputs(store: Store, run_id: str) -> tuple[list[Row], dict[str, Row], list[tuple[str, str]]]:
    """The run's pairs, the claims of their events and the agreeing aligned pairs."""
    pairs = _records(store.query("findings_pairs", {"run_id": run_id}))
    claims = {r["claim_id"]: r for r in _records(store.query("findings_claims", {"run_id": run_id}))}
    rows = store.con.execute(read_sql("findings_agreeing"), {"run_id": run_id}).fetchall()
    return pairs, claims, sure_agreements(rows, match.load().report_from)


def sure_agreements(rows: Iterable[tuple[str, str, str, float]], report_from) -> list[tuple[str, str]]:
    """The agreeing aligned pairs (claim_a, claim_b, kind, match probability) whose match is as
    sure as a reported disagreement must be: a look-alike the model doubts is no value of the
    subject."""
    return [(a, b) for a, b, kind, p in rows if p is not None and p >= report_from(kind)]


def build_findings(store: Store, run_id: str) -> list[Finding]:
    """Group the run's pairs into findings and keep them in ``findings`` and
    ``finding_discrepancies`` (replacing the previous run's)."""
    pairs, claims, agreeing = read_inputs(store, run_id)
    findings = group_findings(pairs, claims, agreeing)
    rows = [
        {"finding_id": f.finding_id, "run_id": run_id, "event_id": f.event_id, "kind": f.kind,
         "subject": f.subject, "severity": f.severity, "confidence": f.confidence, "summary": f.summary,
         "rank": i, "claim_ids": f.claim_ids}
        for i, f in enumerate(findings)
    ]
    links = [{"discrepancy_id": d, "finding_id": f.finding_id} for f in findings for d in f.discrepancy_ids]
    columns = ["finding_id", "run_id", "event_id", "kind", "subject", "severity", "confidence", "summary",
               "rank", "claim_ids"]
    store.con.register("_findings", pd.DataFrame(rows, columns=columns))
    store.con.register("_finding_discrepancies", pd.DataFrame(links, columns=["discrepancy_id", "finding_id"]))
    try:
        store.con.execute("BEGIN TRANSACTION")
        try:
            store.run_sql("findings_replace")
            store.con.execute("COMMIT")
        except BaseException:
            store.con.execute("ROLLBACK")
            raise
    finally:
        store.con.unregister("_findings")
        store.con.unregister("_finding_discrepancies")
    return findings

