-- candidate_pairs.sql: claims that may speak about the same thing, scored by cosine similarity.
-- Why: blocking by event and kind keeps the comparison sub-quadratic in the corpus (claims are
-- only compared with claims of the same kind in the same event, from another article); the
-- similarity floor drops pairs that are plainly about different things before judgement.
-- $min_similarity comes from crosscheck.config.ALIGN_MIN_SIMILARITY.
INSERT OR REPLACE INTO alignments (claim_a, claim_b, kind, event_id, similarity)
WITH claim_vec AS (
    SELECT c.claim_id, c.article_id, c.kind, ev.event_id, e.embedding
    FROM claims AS c
    JOIN events AS ev USING (article_id)
    JOIN embeddings AS e USING (text_hash)
)
SELECT a.claim_id, b.claim_id, a.kind, a.event_id,
       array_cosine_similarity(a.embedding, b.embedding) AS similarity
FROM claim_vec AS a
JOIN claim_vec AS b
  ON a.event_id = b.event_id
 AND a.kind = b.kind
 AND a.article_id < b.article_id
WHERE array_cosine_similarity(a.embedding, b.embedding) >= $min_similarity;
