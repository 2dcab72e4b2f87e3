-- apply_verdicts.sql: write each aligned pair's kept verdict back to alignments where it is
-- not there yet (pairs aligned this run have none).
-- Why: the checkpoint and calibration read the verdict in alignments, whether this run judged
-- the pair or an earlier one did. Only differing rows are written: an UPDATE of a table with a
-- primary key rewrites each row it touches, which on every pair cost more than judging.
UPDATE alignments AS al
SET verdict = v.verdict, discrepancy_id = v.discrepancy_id
FROM verdicts AS v
WHERE al.claim_a = v.claim_a AND al.claim_b = v.claim_b
  AND (al.verdict IS DISTINCT FROM v.verdict OR al.discrepancy_id IS DISTINCT FROM v.discrepancy_id);
