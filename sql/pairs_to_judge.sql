-- pairs_to_judge.sql: every aligned pair with both claims and their articles' metadata.
-- Why: the judge is a pure function of the two claims; this query hands it all it reads.
WITH c AS (
    SELECT cl.*, ar.published, ar.source
    FROM claims AS cl
    JOIN articles AS ar USING (article_id)
)
SELECT al.similarity, al.event_id,
       COLUMNS(a.*) AS "a_\0",
       COLUMNS(b.*) AS "b_\0"
FROM alignments AS al
JOIN c AS a ON a.claim_id = al.claim_a
JOIN c AS b ON b.claim_id = al.claim_b
ORDER BY al.claim_a, al.claim_b;
