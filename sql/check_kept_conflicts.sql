-- check_kept_conflicts.sql: the open conflicts whose verdict an earlier run made and this run
-- kept (_kept_pairs), by kind, with their discrepancy ids.
-- Why: each failed the consistency expectation, with its rows as evidence, in the run that
-- judged it; this run's result adds them to its failures (count and ids) without validating
-- the same rows again, so a run costs what arrived while its totals stay those of the store.
SELECT k.kind, k.discrepancy_id
FROM _kept_pairs AS k
JOIN discrepancies AS d USING (discrepancy_id)
WHERE k.verdict = 'conflict' AND d.last_run_id = $run_id
ORDER BY k.kind, k.discrepancy_id;
