-- article_similarity.sql: cosine similarity of the leads of every pair of articles.
-- Why: the input to event clustering. Articles are few next to claims (one lead each), so the
-- all-pairs join stays small; claims are only ever compared inside an event.
WITH lead AS (
    SELECT a.article_id, e.embedding
    FROM articles AS a
    JOIN embeddings AS e ON e.text_hash = a.lead_hash
)
SELECT x.article_id AS article_a,
       y.article_id AS article_b,
       array_cosine_similarity(x.embedding, y.embedding) AS similarity
FROM lead AS x
JOIN lead AS y ON x.article_id < y.article_id;
