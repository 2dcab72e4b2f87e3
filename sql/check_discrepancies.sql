-- check_discrepancies.sql: the discrepancies open in run $run_id with whether both claims exist
-- and differ (GX frame `discrepancies`). All open ones, every run: they are few, and an open
-- discrepancy is exactly what a reader looks at.
SELECT d.discrepancy_id, d.kind, d.severity, d.subject, d.claim_a, d.claim_b,
       ca.claim_id IS NOT NULL AND cb.claim_id IS NOT NULL AS claims_known,
       d.claim_a <> d.claim_b AS distinct_claims,
       d.explanation
FROM discrepancies d
LEFT JOIN claims ca ON ca.claim_id = d.claim_a
LEFT JOIN claims cb ON cb.claim_id = d.claim_b
WHERE coalesce(d.last_run_id, $run_id) = $run_id
ORDER BY d.discrepancy_id;
