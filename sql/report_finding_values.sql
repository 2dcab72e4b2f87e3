-- report_finding_values.sql: every claim of every finding of run $run_id, with its sentence and
-- its article's outlet, headline and publication time, in the finding's order.
-- Why: a finding's table shows each value with who published it, when, whom the article
-- attributes it to and the sentence that says it.
WITH v AS (
    SELECT f.finding_id, unnest(f.claim_ids) AS claim_id, generate_subscripts(f.claim_ids, 1) AS pos
    FROM findings AS f
    WHERE f.run_id = $run_id
)
SELECT v.finding_id, v.pos, cl.claim_id, cl.article_id, cl.kind, cl.subject, cl.quote, cl.char_start,
       cl.char_end, cl.value_json, cl.attributed, s.text AS sentence, ar.source, ar.title, ar.published
FROM v
JOIN claims AS cl USING (claim_id)
JOIN sentences AS s USING (article_id, sentence_idx)
JOIN articles AS ar USING (article_id)
ORDER BY v.finding_id, v.pos;
