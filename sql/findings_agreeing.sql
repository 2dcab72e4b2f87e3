-- findings_agreeing.sql: aligned pairs the judge found consistent in which at least one claim is
-- disputed in run $run_id. Why: a finding lists every claim on its subject, and the claims that
-- agree with a disputed one are what tells a reader which figure most reports give. The caller
-- keeps those the match model is as sure of as of a reported pair (crosscheck/reports/findings.py).
WITH disputed AS (
    SELECT claim_a AS claim_id FROM discrepancies WHERE last_run_id = $run_id
    UNION
    SELECT claim_b FROM discrepancies WHERE last_run_id = $run_id
)
SELECT al.claim_a, al.claim_b, al.kind, al.similarity
FROM alignments AS al
WHERE al.verdict = 'consistent'
  AND (al.claim_a IN (SELECT claim_id FROM disputed) OR al.claim_b IN (SELECT claim_id FROM disputed))
ORDER BY al.claim_a, al.claim_b;
