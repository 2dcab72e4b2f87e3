-- apply_verdicts.sql: write every aligned pair's kept verdict back to alignments.
-- Why: alignments is rebuilt every run (verdict NULL); the checkpoint and calibration read
-- the verdict there, whether this run judged the pair or an earlier one did.
UPDATE alignments AS al
SET verdict = v.verdict, discrepancy_id = v.discrepancy_id
FROM verdicts AS v
WHERE al.claim_a = v.claim_a AND al.claim_b = v.claim_b;
