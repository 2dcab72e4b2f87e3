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

from crosscheck.sqlfiles import read_sql

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
    per_article: bool = False  # rows belong to one article each (kept when the article is unchanged)

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


# The frame queries live in sql/check_*.sql, one a file (each says what it computes and why).
# Each leaves out the rows an earlier run validated that cannot have changed since: articles
# in the temp table _unchanged_articles and pairs in _kept_pairs (checks/checkpoint.py fills
# them, or leaves them empty for a full validation).


def alignments_sql(alignment_columns: set[str]) -> str:
    """The consistency query for whatever shape `alignments` has in this store."""
    derived = "CASE WHEN d.discrepancy_id IS NULL THEN 'consistent' ELSE 'conflict' END"
    verdict = f"coalesce(al.verdict, {derived})" if "verdict" in alignment_columns else derived
    did = (
        "coalesce(al.discrepancy_id, d.discrepancy_id)"
        if "discrepancy_id" in alignment_columns
        else "d.discrepancy_id"
    )
    return read_sql("check_consistency").format(verdict=verdict, discrepancy_id=did)


def frames(alignment_columns: set[str]) -> list[Frame]:
    """All frames and their checks, in the order they are validated and reported."""
    return [
        Frame(
            name="inputs",
            sql=read_sql("check_inputs"),
            per_article=True,
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
            sql=read_sql("check_sentences"),
            per_article=True,
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
            sql=read_sql("check_claims"),
            per_article=True,
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
            sql=read_sql("check_discrepancies"),
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
            sql=alignments_sql(alignment_columns),
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
