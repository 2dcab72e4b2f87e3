-- migrate_5.sql: schema v4 -> v5, findings. A finding is one disputed subject of one event: every pair of
-- contradicting claims about it (each discrepancy belongs to exactly one finding) and every
-- claim that speaks to it, agreeing ones included.
-- Why tables: the Great Expectations checkpoint runs before the reports are written and groups
-- its failed rows by finding, so the grouping is computed once per run, after judging, and
-- both the checkpoint and the reports read it here. Both tables hold the latest run's findings
-- only (rewritten by each run); ids derive from the event and the disputed claims, so a finding
-- keeps its id from run to run while its claims stand.
CREATE TABLE IF NOT EXISTS findings (
    finding_id VARCHAR PRIMARY KEY,
    run_id     VARCHAR NOT NULL,
    event_id   VARCHAR,
    kind       VARCHAR NOT NULL,
    subject    VARCHAR NOT NULL,
    severity   VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    summary    VARCHAR NOT NULL,
    rank       INTEGER NOT NULL,      -- report order: confidence, then severity
    claim_ids  VARCHAR[] NOT NULL     -- every claim on the subject, in publication order
);

CREATE TABLE IF NOT EXISTS finding_discrepancies (
    discrepancy_id VARCHAR PRIMARY KEY,
    finding_id     VARCHAR NOT NULL
);
