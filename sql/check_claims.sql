-- check_claims.sql: each claim with the facts its checks need (GX frame `claims`).
-- quote_at_offsets: the contract's promise that body[char_start:char_end] == quote (Python
-- slicing is by code point, and so is DuckDB's substring, which counts from 1).
-- in_sentence: NULL when the article has no sentences stored at all (nothing to compare).
-- Incremental: claims of articles in _unchanged_articles are left out (orphans never are).
WITH c AS (
    SELECT * FROM claims WHERE article_id NOT IN (SELECT article_id FROM _unchanged_articles)
)
SELECT c.claim_id, c.article_id, c.kind, c.subject, c.quote, c.char_start, c.char_end,
       c.value_text, c.low, c.high, c.low_date, c.high_date,
       a.article_id IS NOT NULL AS article_known,
       CASE WHEN a.article_id IS NULL THEN NULL
            WHEN c.char_start < 0 OR c.char_end < c.char_start OR c.char_end > length(a.body) THEN false
            ELSE substring(a.body, c.char_start + 1, c.char_end - c.char_start) = c.quote
       END AS quote_at_offsets,
       CASE WHEN a.article_id IS NULL THEN NULL
            WHEN c.char_start < 0 OR c.char_end < c.char_start THEN NULL
            ELSE substring(a.body, c.char_start + 1, c.char_end - c.char_start)
       END AS body_at_offsets,
       CASE WHEN NOT EXISTS (SELECT 1 FROM sentences x WHERE x.article_id = c.article_id) THEN NULL
            ELSE coalesce(s.char_start <= c.char_start AND c.char_end <= s.char_end, false)
       END AS in_sentence
FROM c
LEFT JOIN articles a USING (article_id)
LEFT JOIN sentences s ON s.article_id = c.article_id AND s.sentence_idx = c.sentence_idx
ORDER BY c.article_id, c.char_start, c.claim_id;
