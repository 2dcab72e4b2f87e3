-- article_similarity.sql: article pairs that may report one event, with how likely they do.
-- Why: the input to event clustering. The lead cosine says "same kind of story"; the overlap
-- of rare names (tf-idf cosine over capitalised names that at least two articles use, from the
-- registered frame _names) says "same place, same people", which is what separates two
-- earthquakes or two elections. Time decides before either: articles published more than
-- $max_days apart, or (when either lacks `published`) about different dominant years (frame
-- _anchors), or dating their event
-- (lead dates, else body days) more than $max_days apart, are never one event.
-- Sub-quadratic: only pairs sharing a name are scored (the event floor is above any cosine, so
-- no other pair can merge), dated articles meet only within $max_days (an equi-join on day
-- windows), names common to more than $max_name_share of many articles (no evidence, huge
-- self-join) are dropped, and only pairs scoring at least $pair_floor are returned (the
-- clustering counts the rest as 0). Pairs dating their event far apart come back as -infinity:
-- the clustering must never merge across them.
-- $w_names, $max_days, $max_name_share, $pair_floor, $lead_sentences, $name_keep_df: crosscheck.config EVENT_*.
WITH lead AS (
    SELECT a.article_id, e.embedding, try_cast(left(a.published, 10) AS DATE) AS pub, y.year
    FROM articles AS a
    JOIN embeddings AS e ON e.text_hash = a.lead_hash
    LEFT JOIN _anchors AS y USING (article_id)
),
n_articles AS (SELECT count(*) AS n FROM lead),
idf AS (
    -- a name every article uses weighs next to nothing, yet not 0: it must still link two
    -- reports of one story in a folder of two (the cosine is scale-free)
    SELECT name, greatest(ln((SELECT n FROM n_articles) / count(*)), 0.001) AS w
    FROM _names
    GROUP BY name
    HAVING count(*) >= 2  -- a name in one article only links nothing and would dilute the rest
       AND count(*) <= greatest($name_keep_df, $max_name_share * (SELECT n FROM n_articles))
),
weighted AS (  -- with the publication day in windows of $max_days + 1 days: a pair within
               -- $max_days falls in one window or two neighbouring ones, so an equi-join finds it
    SELECT nm.article_id, nm.name, nm.tf * idf.w AS w, l.pub, l.year,
           (epoch(l.pub) // 86400 // (CAST($max_days AS INTEGER) + 1))::BIGINT AS bucket
    FROM _names AS nm
    JOIN idf USING (name)
    JOIN lead AS l USING (article_id)
),
norm AS (
    SELECT article_id, sqrt(sum(w * w)) AS len FROM weighted GROUP BY article_id
),
dated_shared AS (  -- both published within $max_days: a hash join on name and window
    SELECT x.article_id AS article_a, y.article_id AS article_b, x.w * y.w AS ww
    FROM (SELECT *, unnest([bucket - 1, bucket, bucket + 1]) AS near FROM weighted WHERE pub IS NOT NULL) AS x
    JOIN weighted AS y ON y.name = x.name AND y.bucket = x.near
    WHERE x.article_id < y.article_id AND abs(y.pub - x.pub) <= $max_days
),
undated_shared AS (  -- either lacks `published`: the dominant years must not differ
    SELECT least(x.article_id, y.article_id) AS article_a, greatest(x.article_id, y.article_id) AS article_b,
           x.w * y.w AS ww
    FROM (SELECT * FROM weighted WHERE pub IS NULL) AS x
    JOIN weighted AS y ON y.name = x.name AND y.article_id <> x.article_id
    WHERE (y.pub IS NOT NULL OR x.article_id < y.article_id)
      AND (x.year IS NULL OR y.year IS NULL OR x.year = y.year)
),
shared AS (  -- only pairs sharing a name: without one no pair reaches the event floor
    SELECT article_a, article_b, sum(ww) AS dot
    FROM (SELECT * FROM dated_shared UNION ALL SELECT * FROM undated_shared)
    GROUP BY ALL
),
scored AS (
    SELECT s.article_a, s.article_b,
           array_cosine_similarity(x.embedding, y.embedding) + $w_names * s.dot / (nx.len * ny.len) AS similarity
    FROM shared AS s
    JOIN lead AS x ON x.article_id = s.article_a
    JOIN lead AS y ON y.article_id = s.article_b
    JOIN norm AS nx ON nx.article_id = s.article_a
    JOIN norm AS ny ON ny.article_id = s.article_b
),
kept AS (SELECT * FROM scored WHERE similarity >= $pair_floor),
claim_spans AS (
    SELECT article_id, sentence_idx < $lead_sentences AS in_lead,
           try_cast(left(low_date, 10) AS DATE) AS first_day, try_cast(left(high_date, 10) AS DATE) AS last_day
    FROM claims
    WHERE kind = 'date' AND low_date IS NOT NULL AND high_date IS NOT NULL
),
lead_dated AS (SELECT DISTINCT article_id FROM claim_spans WHERE in_lead AND last_day - first_day <= 366),
spans AS (  -- when an article says its event happened: the dates of its lead (a day up to a
            -- year, as in "the 2008-09 season") when it gives any, since later paragraphs drift
            -- into background; else the precise days of its body; and its publication day
    SELECT article_id, first_day, last_day FROM claim_spans
    WHERE first_day IS NOT NULL AND last_day IS NOT NULL
      AND CASE WHEN article_id IN (SELECT article_id FROM lead_dated)
               THEN in_lead AND last_day - first_day <= 366 ELSE last_day - first_day <= 1 END
    UNION
    SELECT article_id, pub, pub FROM lead WHERE pub IS NOT NULL
),
far_apart AS (  -- both say when, and no two of their spans come within $max_days
    SELECT k.article_a, k.article_b
    FROM kept AS k
    JOIN spans AS x ON x.article_id = k.article_a
    JOIN spans AS y ON y.article_id = k.article_b
    GROUP BY ALL
    HAVING min(greatest(0, y.first_day - x.last_day, x.first_day - y.last_day)) > $max_days
)
SELECT k.article_a, k.article_b,
       CASE WHEN f.article_a IS NULL THEN k.similarity ELSE -'infinity'::DOUBLE END AS similarity
FROM kept AS k
LEFT JOIN far_apart AS f USING (article_a, article_b)
ORDER BY k.article_a, k.article_b;
