-- check_kept_pairs.sql: aligned pairs the checkpoint need not validate again, into a temp
-- table: those whose verdict an earlier run than $run_id made and this run kept (the
-- judge_key of the pair is unchanged, so the row it would validate is the one validated then).
-- A kept conflict failed the consistency expectation in the run that judged it and fails it
-- still: it is counted in this run's result (check_kept_conflicts.sql), not validated again.
CREATE OR REPLACE TEMP TABLE _kept_pairs AS
SELECT v.claim_a, v.claim_b, al.kind, v.verdict, v.discrepancy_id
FROM verdicts v
JOIN alignments al USING (claim_a, claim_b)
WHERE v.judged_run_id <> $run_id AND al.verdict = v.verdict;
