-- previous_run.sql: the run that the current run $run_id is compared with (NULL when first).
-- Why: "new / still open / resolved" only mean something against the last run that finished;
-- a crashed or still-running run never wrote a complete set of discrepancies.
SELECT max(run_id) AS run_id
FROM runs
WHERE run_id < $run_id
  AND status = 'completed';
