-- prune_verdicts.sql: drop kept verdicts of pairs that are no longer aligned.
-- Why: alignment is rebuilt every run; a pair that went (an article removed or changed) must
-- not keep a verdict, so `verdicts` holds exactly the current pairs and stays the store's size.
DELETE FROM verdicts AS v
WHERE NOT EXISTS (SELECT 1 FROM alignments AS al WHERE al.claim_a = v.claim_a AND al.claim_b = v.claim_b);
