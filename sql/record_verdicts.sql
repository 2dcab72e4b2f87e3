-- record_verdicts.sql: keep this run's new verdicts (registered as _verdicts) in `verdicts`.
-- Why: the next run re-judges only pairs whose judge_key changed; every other pair's verdict
-- and discrepancy row come from here (apply_verdicts.sql, open_conflicts.sql).
INSERT OR REPLACE INTO verdicts
    (claim_a, claim_b, judge_key, verdict, discrepancy_id, discrepancy_json, judged_run_id)
SELECT claim_a, claim_b, judge_key, verdict, discrepancy_id, discrepancy_json, judged_run_id
FROM _verdicts;
