-- resolved_discrepancies.sql: discrepancies open after an earlier run that run $run_id no longer finds.
-- Why: a discrepancy id derives from its claim pair and upsert_discrepancies.sql stamps
-- last_run_id on every one a run finds, so one that an article's correction (or removal)
-- made go away keeps the last run that saw it. Those seen since the previous completed run
-- but not now are what this run resolved; older ones were reported as resolved already.
WITH prev AS (
    SELECT max(run_id) AS run_id FROM runs WHERE run_id < $run_id AND status = 'completed'
)
SELECT d.discrepancy_id, d.kind, d.subject, d.severity, d.explanation, d.event_id, d.grp,
       d.claim_a, d.claim_b, d.first_run_id, d.last_run_id
FROM discrepancies AS d, prev
WHERE prev.run_id IS NOT NULL
  AND d.last_run_id >= prev.run_id
  AND d.last_run_id < $run_id
ORDER BY d.event_id, d.grp, d.discrepancy_id;
