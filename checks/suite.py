"""The expectation suites: what a healthy crosscheck store looks like, one suite per table.

Why one suite (and one checkpoint) per validated frame: GX 1.x passes a pandas DataFrame in
``batch_parameters`` and a checkpoint hands the same batch parameters to every validation
definition it runs, so one checkpoint can only validate one DataFrame. Each frame also has its
own natural evidence columns (``unexpected_index_column_names``), which GX sets per checkpoint.

Why pandas and not GX's SQL datasource: on DuckDB (duckdb-engine) the SQL datasource loses its
results when GX releases the connection (see shared/notes/stack-probe.md section 3), so every
frame is a query run by DuckDB itself and validated as a DataFrame. Row-level facts that need a
join (a quote equals the body at its offsets, a claim's article exists) are computed in that
SQL as boolean columns, and the expectation is that the column is true: the SQL says *what* is
compared, GX records *which rows* broke it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # GX takes ~3 s to import; only the checkpoint run needs it.
    from great_expectations.expectations import Expectation

KINDS: tuple[str, ...] = ("numeric", "date", "entity")
SUITE_PREFIX = "crosscheck"


@dataclass(frozen=True)
class Check:
    """One expectation, with a stable name for the ``validations`` table and the reports."""

    name: str
    description: str
    build: Callable[[], "Expectation"]
    kind: str | None = None  # set on the consistency checks: numeric | date | entity


@dataclass(frozen=True)
class Frame:
    """A DataFrame read from DuckDB and the checks run on it.

    ``index_columns`` become GX's ``unexpected_index_column_names``: every unexpected row in a
    result names these columns, so a failure is self-explaining without a second query.
    """

    name: str
    sql: str
    index_columns: list[str]
    checks: list[Check] = field(default_factory=list)
    consistency: bool = False  # its failures are discrepancies

    @property
    def suite_name(self) -> str:
        return f"{SUITE_PREFIX}-{self.name}"


def _in_set(column: str, values: list[Any], **kw: Any) -> Callable[[], "Expectation"]:
    def build() -> "Expectation":
        import great_expectations.expectations as gxe

        return gxe.ExpectColumnValuesToBeInSet(column=column, value_set=values, **kw)

    return build


def _true(column: str, description: str) -> Callable[[], "Expectation"]:
    """A boolean column computed in SQL must be true (NULL means 'not applicable', skipped)."""
    return _in_set(column, [True], description=description)


def _pair_ordered(high: str, low: str, description: str) -> Callable[[], "Expectation"]:
    def build() -> "Expectation":
        import great_expectations.expectations as gxe

        return gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A=high,
            column_B=low,
            or_equal=True,
            ignore_row_if="either_value_is_missing",  # NULL is an unbounded side
            description=description,
        )

    return build


def _no_conflicts(kind: str) -> Callable[[], "Expectation"]:
    def build() -> "Expectation":
        import great_expectations.expectations as gxe
        from great_expectations.expectations.row_conditions import Column

        return gxe.ExpectColumnValuesToBeInSet(
            column="verdict",
            value_set=["consistent"],
            row_condition=Column("kind") == kind,
            description=f"No contradicting {kind} claim pairs: every aligned pair of {kind} "
            "claims about one subject must be consistent.",
            meta={"kind": kind},
        )

    return build


# Every input accounted for: parsed into an article with text, or skipped with a reason.
# Files on disk that are neither are appended in checkpoint.py (status 'unaccounted').
INPUTS_SQL = """
SELECT 'parsed' AS status, a.article_id, a.path, CAST(NULL AS VARCHAR) AS reason,
       length(coalesce(a.body, '')) > 0 AS accounted_for
FROM articles a
UNION ALL
SELECT 'skipped', CAST(NULL AS VARCHAR), s.path, s.reason,
       coalesce(trim(s.reason), '') <> '' AS accounted_for
FROM skipped s
WHERE s.run_id = $run_id
ORDER BY status, path
"""

SENTENCES_SQL = """
SELECT s.article_id, s.sentence_idx, s.char_start, s.char_end, s.text,
       CASE WHEN a.article_id IS NULL THEN NULL
            WHEN s.char_start < 0 OR s.char_end < s.char_start OR s.char_end > length(a.body) THEN false
            ELSE substring(a.body, s.char_start + 1, s.char_end - s.char_start) = s.text
       END AS text_at_offsets,
       a.article_id IS NOT NULL AS article_known
FROM sentences s LEFT JOIN articles a USING (article_id)
ORDER BY s.article_id, s.sentence_idx
"""

# quote_at_offsets: the contract's promise that body[char_start:char_end] == quote (Python
# slicing is by code point, and so is DuckDB's substring, which counts from 1).
# in_sentence: NULL when the article has no sentences stored at all (nothing to compare).
CLAIMS_SQL = """
SELECT c.claim_id, c.article_id, c.kind, c.subject, c.quote, c.char_start, c.char_end,
       c.value_text, c.low, c.high, c.low_date, c.high_date,
       a.article_id IS NOT NULL AS article_known,
       CASE WHEN a.article_id IS NULL THEN NULL
            WHEN c.char_start < 0 OR c.char_end < c.char_start OR c.char_end > length(a.body) THEN false
            ELSE substring(a.body, c.char_start + 1, c.char_end - c.char_start) = c.quote
       END AS quote_at_offsets,
       CASE WHEN a.article_id IS NULL THEN NULL
            WHEN c.char_start < 0 OR c.char_end < c.char_start THEN NULL
            ELSE substring(a.body, c.char_start + 1, c.char_end - c.char_start)
       END AS body_at_offsets,
       CASE WHEN NOT EXISTS (SELECT 1 FROM sentences x WHERE x.article_id = c.article_id) THEN NULL
            ELSE coalesce(s.char_start <= c.char_start AND c.char_end <= s.char_end, false)
       END AS in_sentence
FROM claims c
LEFT JOIN articles a USING (article_id)
LEFT JOIN sentences s ON s.article_id = c.article_id AND s.sentence_idx = c.sentence_idx
ORDER BY c.article_id, c.char_start, c.claim_id
"""

# The pairs judged in this run. The verdict is the judge's column when the store has it;
# otherwise a pair is a conflict exactly when it is in `discrepancies`. Discrepancies whose pair
# is missing from `alignments` are added as conflicts, so no discrepancy escapes the check.
# {verdict} and {discrepancy_id} are filled in by alignments_sql() from the table's columns.
_ALIGNMENTS_SQL = """
WITH d AS (
    SELECT * FROM discrepancies WHERE coalesce(last_run_id, $run_id) = $run_id
), pairs AS (
    SELECT al.claim_a, al.claim_b, al.kind, al.event_id, al.similarity,
           {verdict} AS verdict, {discrepancy_id} AS discrepancy_id
    FROM alignments al
    LEFT JOIN d ON (d.claim_a = al.claim_a AND d.claim_b = al.claim_b)
                OR (d.claim_a = al.claim_b AND d.claim_b = al.claim_a)
    UNION ALL
    SELECT d.claim_a, d.claim_b, d.kind, d.event_id, d.similarity, 'conflict', d.discrepancy_id
    FROM d
    WHERE NOT EXISTS (SELECT 1 FROM alignments al
                      WHERE (al.claim_a = d.claim_a AND al.claim_b = d.claim_b)
                         OR (al.claim_a = d.claim_b AND al.claim_b = d.claim_a))
)
SELECT {finding_id} AS finding_id, p.discrepancy_id, p.kind, p.verdict, p.event_id, p.similarity,
       coalesce(dd.severity, '') AS severity, coalesce(dd.subject, ca.subject) AS subject,
       coalesce(dd.superseded, false) AS superseded,
       p.claim_a, ca.article_id AS article_a, ca.quote AS quote_a,
       p.claim_b, cb.article_id AS article_b, cb.quote AS quote_b,
       dd.explanation
FROM pairs p
LEFT JOIN discrepancies dd ON dd.discrepancy_id = p.discrepancy_id
LEFT JOIN claims ca ON ca.claim_id = p.claim_a
LEFT JOIN claims cb ON cb.claim_id = p.claim_b
{finding_join}
ORDER BY p.kind, p.verdict, finding_id, p.discrepancy_id, p.claim_a, p.claim_b
"""

DISCREPANCIES_SQL = """
SELECT d.discrepancy_id, d.kind, d.severity, d.subject, d.claim_a, d.claim_b,
       ca.claim_id IS NOT NULL AND cb.claim_id IS NOT NULL AS claims_known,
       d.claim_a <> d.claim_b AS distinct_claims,
       d.explanation
FROM discrepancies d
LEFT JOIN claims ca ON ca.claim_id = d.claim_a
LEFT JOIN claims cb ON cb.claim_id = d.claim_b
WHERE coalesce(d.last_run_id, $run_id) = $run_id
ORDER BY d.discrepancy_id
"""


def alignments_sql(alignment_columns: set[str], findings: bool = False) -> str:
    """The consistency query for whatever shape `alignments` has in this store; with
    ``findings`` (the store groups pairs into findings), each row names its finding, so Data
    Docs show a failed expectation's rows grouped by disputed subject."""
    derived = "CASE WHEN d.discrepancy_id IS NULL THEN 'consistent' ELSE 'conflict' END"
    verdict = f"coalesce(al.verdict, {derived})" if "verdict" in alignment_columns else derived
    did = (
        "coalesce(al.discrepancy_id, d.discrepancy_id)"
        if "discrepancy_id" in alignment_columns
        else "d.discrepancy_id"
    )
    fid = "fd.finding_id" if findings else "CAST(NULL AS VARCHAR)"
    join = "LEFT JOIN finding_discrepancies fd ON fd.discrepancy_id = p.discrepancy_id" if findings else ""
    return _ALIGNMENTS_SQL.format(verdict=verdict, discrepancy_id=did, finding_id=fid, finding_join=join)


def frames(alignment_columns: set[str], findings: bool = False) -> list[Frame]:
    """All frames and their checks, in the order they are validated and reported."""
    return [
        Frame(
            name="inputs",
            sql=INPUTS_SQL,
            index_columns=["status", "path", "article_id", "reason"],
            checks=[
                Check(
                    "every_input_parsed_or_skipped",
                    "Every input is an article with text, or skipped with a one-line reason.",
                    _true("accounted_for", "Every input is parsed, or skipped with a reason."),
                ),
            ],
        ),
        Frame(
            name="sentences",
            sql=SENTENCES_SQL,
            index_columns=["article_id", "sentence_idx", "char_start", "char_end"],
            checks=[
                Check(
                    "sentence_text_at_offsets",
                    "Each sentence equals its article's body at its stored offsets.",
                    _true("text_at_offsets", "Sentence text equals body[char_start:char_end]."),
                ),
                Check(
                    "no_orphan_sentences",
                    "Each sentence belongs to a known article.",
                    _true("article_known", "The sentence's article is in `articles`."),
                ),
            ],
        ),
        Frame(
            name="claims",
            sql=CLAIMS_SQL,
            index_columns=["claim_id", "article_id", "quote", "char_start", "char_end"],
            checks=[
                Check(
                    "no_orphan_claims",
                    "Each claim belongs to a known article.",
                    _true("article_known", "claim.article_id is in `articles`."),
                ),
                Check(
                    "quote_at_offsets",
                    "Each quote equals its article's body at the stored offsets.",
                    _true("quote_at_offsets", "quote == body[char_start:char_end]."),
                ),
                Check(
                    "quote_in_sentence",
                    "Each quote lies within the sentence it is attributed to.",
                    _true("in_sentence", "The quote's offsets lie within its sentence."),
                ),
                Check(
                    "kind_known",
                    "Each claim is numeric, date or entity.",
                    _in_set("kind", list(KINDS), description="kind is numeric, date or entity."),
                ),
                Check(
                    "numeric_low_le_high",
                    "Numeric bounds are ordered: low <= high.",
                    _pair_ordered("high", "low", "Numeric interval: high >= low."),
                ),
                Check(
                    "date_low_le_high",
                    "Date bounds are ordered: low_date <= high_date (ISO text).",
                    _pair_ordered("high_date", "low_date", "Date interval: high >= low."),
                ),
            ],
        ),
        Frame(
            name="discrepancies",
            sql=DISCREPANCIES_SQL,
            index_columns=["discrepancy_id", "claim_a", "claim_b"],
            checks=[
                Check(
                    "discrepancy_claims_known",
                    "Both claims of each discrepancy exist.",
                    _true("claims_known", "claim_a and claim_b are in `claims`."),
                ),
                Check(
                    "discrepancy_distinct_claims",
                    "A discrepancy pairs two different claims.",
                    _true("distinct_claims", "claim_a <> claim_b."),
                ),
                Check(
                    "severity_known",
                    "Severity is high, medium or low.",
                    _in_set(
                        "severity", ["high", "medium", "low"], description="Severity is known."
                    ),
                ),
            ],
        ),
        Frame(
            name="consistency",
            sql=alignments_sql(alignment_columns, findings),
            index_columns=[
                "finding_id",
                "discrepancy_id",
                "severity",
                "subject",
                "article_a",
                "quote_a",
                "article_b",
                "quote_b",
                "claim_a",
                "claim_b",
                "superseded",
            ],
            checks=[
                Check(
                    f"no_contradicting_{kind}_pairs",
                    f"No contradicting {kind} claim pairs.",
                    _no_conflicts(kind),
                    kind=kind,
                )
                for kind in KINDS
            ],
            consistency=True,
        ),
    ]
