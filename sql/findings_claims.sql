-- findings_claims.sql: every claim of the events with a discrepancy open in run $run_id, with its
-- sentence and its article's outlet, headline and publication time.
-- Why: grouping compares claims by their structured subject (as the judge does) and a finding's
-- summary and table name outlet, time, attribution and the sentence of each value.
WITH ev AS (
    SELECT DISTINCT event_id FROM discrepancies WHERE last_run_id = $run_id
)
SELECT cl.*, e.event_id, s.text AS sentence, ar.source, ar.title, ar.published
FROM claims AS cl
JOIN events AS e USING (article_id)
JOIN ev USING (event_id)
JOIN sentences AS s USING (article_id, sentence_idx)
JOIN articles AS ar USING (article_id)
ORDER BY cl.claim_id;
