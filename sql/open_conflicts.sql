-- open_conflicts.sql: the discrepancy row of every currently aligned pair judged a conflict.
-- Why: every run stamps all open discrepancies with its run id (upsert_discrepancies.sql),
-- also those whose verdict an earlier run made and this run kept.
SELECT v.discrepancy_json
FROM verdicts AS v
JOIN alignments AS al USING (claim_a, claim_b)
WHERE v.verdict = 'conflict'
ORDER BY v.claim_a, v.claim_b;
