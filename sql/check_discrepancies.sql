-- check_discrepancies.sql: the discrepancies open in run $run_id with whether both claims exist
-- and differ (GX frame `discrepancies`).
-- Incremental: a discrepancy whose verdict an earlier run made and this run kept (_kept_pairs)
-- is its row as validated then; it is left out unless the row breaks a check ($severities:
-- the known severities), so a bad row is reported every run, not only in the run that made it.
WITH rows AS (
SELECT d.discrepancy_id, d.kind, d.severity, d.subject, d.claim_a, d.claim_b,
       ca.claim_id IS NOT NULL AND cb.claim_id IS NOT NULL AS claims_known,
       d.claim_a <> d.claim_b AS distinct_claims,
       d.explanation
FROM discrepancies d
LEFT JOIN claims ca ON ca.claim_id = d.claim_a
LEFT JOIN claims cb ON cb.claim_id = d.claim_b
WHERE coalesce(d.last_run_id, $run_id) = $run_id
)
SELECT * FROM rows
WHERE discrepancy_id NOT IN (SELECT discrepancy_id FROM _kept_pairs WHERE discrepancy_id IS NOT NULL)
   OR NOT coalesce(claims_known AND distinct_claims AND list_contains($severities, severity), false)
ORDER BY discrepancy_id;
