"""Data-quality checks of a crosscheck run, as a Great Expectations suite and checkpoint.

Contradicting claims are reported the way data teams already read failures: each contradicting
pair is an unexpected row of a failed expectation, carrying its quotes as evidence. The flow
calls :func:`run_checkpoint`; :mod:`checks.policy` decides which failures fail the run.
"""

from __future__ import annotations

from checks.checkpoint import CheckOutcome, run_checkpoint
from checks.policy import DEFAULT_FAIL_ON, decide, parse_fail_on

__all__ = ["CheckOutcome", "run_checkpoint", "decide", "parse_fail_on", "DEFAULT_FAIL_ON"]
