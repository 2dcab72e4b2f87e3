-- open_before_run.sql: ids of the discrepancies that were open when run $run_id started.
-- Why: "new" means new since the previous run, not "never seen": a contradiction that was
-- resolved (an article corrected or removed) and comes back is new again. Taken before the
-- run's judge stamps last_run_id, into a temporary table the report step reads.
CREATE OR REPLACE TEMP TABLE open_before_run AS
WITH prev AS (
    SELECT max(run_id) AS run_id FROM runs WHERE run_id < $run_id AND status = 'completed'
)
SELECT d.discrepancy_id
FROM discrepancies AS d, prev
WHERE prev.run_id IS NOT NULL
  AND d.last_run_id >= prev.run_id
  AND d.last_run_id < $run_id;
