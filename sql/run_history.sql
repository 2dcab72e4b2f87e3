-- run_history.sql: every run with its counts, newest first, for `crosscheck history`.
-- Why: a scheduled deployment runs unattended; this is how someone sees, without the
-- Prefect UI, when it ran, how long it took, how much it had to embed and what changed.
SELECT run_id, status, input, started_at,
       date_diff('millisecond', started_at, finished_at) / 1000.0 AS seconds,
       articles, skipped, claims, embedded, discrepancies,
       new_discrepancies, resolved_discrepancies
FROM runs
ORDER BY run_id DESC
LIMIT $limit;
