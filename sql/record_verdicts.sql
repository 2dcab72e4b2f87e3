-- record_verdicts.sql: write the judge's verdict on each aligned pair back to alignments.
-- Why: the checkpoint validates alignments (a 'conflict' verdict is a failed expectation), and
-- keeping consistent verdicts too lets calibration see what was judged and why.
UPDATE alignments AS al
SET verdict = v.verdict, discrepancy_id = v.discrepancy_id
FROM _verdicts AS v
WHERE al.claim_a = v.claim_a AND al.claim_b = v.claim_b;
