-- report_discrepancies.sql: discrepancies open in run $run_id with both claims' evidence.
-- Why: the report must point every claim back to its article, sentence and offsets, so the
-- sentence text is joined from sentences rather than copied into the discrepancy. The surest
-- come first: a reader who stops early has read the ones most likely to be real. The finding
-- is the disputed subject the pair belongs to (sql/migrate_5.sql).
WITH c AS (
    SELECT cl.claim_id, cl.article_id, cl.kind, cl.subject, cl.quote, cl.char_start, cl.char_end,
           cl.value_json, cl.attributed, s.text AS sentence, ar.published, ar.source
    FROM claims AS cl
    JOIN sentences AS s USING (article_id, sentence_idx)
    JOIN articles AS ar USING (article_id)
)
SELECT d.discrepancy_id, d.kind, d.subject, d.severity, d.similarity, d.confidence, d.explanation, d.grp,
       d.event_id, d.superseded, d.first_run_id, fd.finding_id,
       COLUMNS(a.*) AS "a_\0",
       COLUMNS(b.*) AS "b_\0"
FROM discrepancies AS d
JOIN c AS a ON a.claim_id = d.claim_a
JOIN c AS b ON b.claim_id = d.claim_b
LEFT JOIN finding_discrepancies AS fd USING (discrepancy_id)
WHERE d.last_run_id = $run_id
ORDER BY d.confidence DESC NULLS LAST, d.event_id, d.grp, d.discrepancy_id;
