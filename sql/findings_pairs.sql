-- findings_pairs.sql: the contradicting pairs open in run $run_id, what findings are grouped from.
-- Why a query of its own: grouping needs only the pair, its event and kind, and how sure and how
-- large it is.
SELECT d.discrepancy_id, d.event_id, d.kind, d.claim_a, d.claim_b, d.severity,
       d.similarity, d.confidence
FROM discrepancies AS d
WHERE d.last_run_id = $run_id
ORDER BY d.event_id, d.discrepancy_id;
