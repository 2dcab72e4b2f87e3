-- article_similarity.sql: how likely two articles report the same event.
-- Why: the input to event clustering. The lead cosine says "same kind of story"; the overlap
-- of rare names (idf-weighted cosine over the capitalised names that at least two articles
-- use, from the registered frame _names) says "same place, same people", which is what separates two
-- earthquakes or two elections. Articles are few next to claims (one lead each), so the
-- all-pairs join stays small; claims are only ever compared inside an event.
-- $w_names comes from crosscheck.config.EVENT_W_NAMES.
WITH lead AS (
    SELECT a.article_id, e.embedding
    FROM articles AS a
    JOIN embeddings AS e ON e.text_hash = a.lead_hash
),
n_articles AS (SELECT count(DISTINCT article_id) AS n FROM _names),
idf AS (
    SELECT name, ln((SELECT n FROM n_articles) / count(*)) AS w
    FROM _names
    GROUP BY name
    HAVING count(*) >= 2  -- a name in one article only links nothing and would dilute the rest
),
weighted AS (
    SELECT nm.article_id, nm.name, idf.w
    FROM _names AS nm
    JOIN idf USING (name)
),
norm AS (
    SELECT article_id, sqrt(sum(w * w)) AS len FROM weighted GROUP BY article_id
),
shared AS (
    SELECT x.article_id AS article_a, y.article_id AS article_b, sum(x.w * x.w) AS dot
    FROM weighted AS x
    JOIN weighted AS y ON x.name = y.name AND x.article_id < y.article_id
    GROUP BY ALL
)
SELECT x.article_id AS article_a,
       y.article_id AS article_b,
       array_cosine_similarity(x.embedding, y.embedding)
         + $w_names * coalesce(s.dot / nullif(nx.len * ny.len, 0), 0) AS similarity
FROM lead AS x
JOIN lead AS y ON x.article_id < y.article_id
LEFT JOIN shared AS s ON s.article_a = x.article_id AND s.article_b = y.article_id
LEFT JOIN norm AS nx ON nx.article_id = x.article_id
LEFT JOIN norm AS ny ON ny.article_id = y.article_id;
