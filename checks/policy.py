"""Which discrepancies fail a flow run and which only warn.

A newsroom wants a scheduled run to go red for a contradiction a reader would notice (a death
toll off by half) but not for every hedge mismatch, so the severities that fail are a setting:
``--fail-on high`` by default, ``--fail-on high,medium``, ``--fail-on all`` or ``--fail-on none``.

A superseded discrepancy (a later report from the same source corrected the earlier figure)
never fails a run: the story moved on, and it is shown as a warning so the history is visible.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable, Literal

Decision = Literal["fail", "warn", "ok"]
SEVERITIES: tuple[str, ...] = ("high", "medium", "low")
DEFAULT_FAIL_ON: frozenset[str] = frozenset({"high"})


def parse_fail_on(text: str | Iterable[str] | None) -> frozenset[str]:
    """``"high,medium"`` / ``"all"`` / ``"none"`` (or a list of those) to a set of severities."""
    if text is None:
        return DEFAULT_FAIL_ON
    parts = text.split(",") if isinstance(text, str) else list(text)
    wanted = {p.strip().lower() for p in parts if p and p.strip()}
    if wanted <= {"none", ""}:
        return frozenset()
    if "all" in wanted:
        return frozenset(SEVERITIES)
    unknown = wanted - set(SEVERITIES)
    if unknown:
        raise ValueError(
            f"unknown severity {', '.join(sorted(unknown))}: use high, medium, low, all or none"
        )
    return frozenset(wanted)


def failing(
    discrepancies: Iterable[dict[str, Any]], fail_on: Iterable[str] = DEFAULT_FAIL_ON
) -> list[dict[str, Any]]:
    """The discrepancies that fail the run under ``fail_on``."""
    levels = {s.lower() for s in fail_on}
    return [
        d
        for d in discrepancies
        if not d.get("superseded") and str(d.get("severity", "")).lower() in levels
    ]


def decide(
    discrepancies: list[dict[str, Any]], fail_on: Iterable[str] = DEFAULT_FAIL_ON
) -> Decision:
    """``fail`` if any discrepancy has a failing severity, ``warn`` if there are others, else ``ok``."""
    if failing(discrepancies, fail_on):
        return "fail"
    return "warn" if discrepancies else "ok"


def explain(discrepancies: list[dict[str, Any]], fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> str:
    """One line for the flow's final state message, e.g. ``fail: 2 high (fail on high), 1 low``."""
    decision = decide(discrepancies, fail_on)
    if decision == "ok":
        return "ok: no discrepancies"
    counts = Counter(str(d.get("severity", "unknown")).lower() for d in discrepancies)
    parts = [f"{counts[s]} {s}" for s in (*SEVERITIES, "unknown") if counts.get(s)]
    superseded = sum(1 for d in discrepancies if d.get("superseded"))
    levels = ",".join(s for s in SEVERITIES if s in set(fail_on)) or "none"
    tail = f", {superseded} superseded" if superseded else ""
    return f"{decision}: {', '.join(parts)}{tail} (fail on {levels})"
