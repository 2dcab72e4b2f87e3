-- check_sentences.sql: each sentence with whether it equals its article's body at its offsets
-- and whether its article exists (GX frame `sentences`).
-- Incremental: sentences of articles in _unchanged_articles are left out (orphans never are).
SELECT s.article_id, s.sentence_idx, s.char_start, s.char_end, s.text,
       CASE WHEN a.article_id IS NULL THEN NULL
            WHEN s.char_start < 0 OR s.char_end < s.char_start OR s.char_end > length(a.body) THEN false
            ELSE substring(a.body, s.char_start + 1, s.char_end - s.char_start) = s.text
       END AS text_at_offsets,
       a.article_id IS NOT NULL AS article_known
FROM sentences s LEFT JOIN articles a USING (article_id)
WHERE s.article_id NOT IN (SELECT article_id FROM _unchanged_articles)
ORDER BY s.article_id, s.sentence_idx;
