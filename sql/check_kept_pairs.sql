-- check_kept_pairs.sql: aligned pairs the checkpoint need not validate again, into a temp
-- table: a consistent verdict that an earlier run than $run_id made and this run kept (the
-- judge_key of both claims is unchanged, so the row it would validate is the one that passed).
CREATE OR REPLACE TEMP TABLE _kept_pairs AS
SELECT v.claim_a, v.claim_b
FROM verdicts v
JOIN alignments al USING (claim_a, claim_b)
WHERE v.verdict = 'consistent' AND v.judged_run_id <> $run_id AND al.verdict = 'consistent';
