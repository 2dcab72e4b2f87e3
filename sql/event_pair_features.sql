-- event_pair_features.sql: article pairs that may report one event, with what an editor would
-- compare: how alike their leads read, which places, people and names they share, whether the
-- same thing happened (trigger), how far apart they were filed and how far apart they date
-- their event. Why: the input to event clustering; crosscheck/events.py turns the features into
-- a probability with weights fitted on labelled corpora (crosscheck/event_model.json).
-- Sub-quadratic: only pairs sharing a name or a place (regex names from the registered frame
-- _names, places/people/organisations from article_terms) are scored, a key used by more than
-- $max_name_share of many articles is dropped (no evidence, huge self-join), and dated articles
-- meet only when filed within $window_days (an equi-join on day windows); undated ones only
-- when their dominant years (frame _anchors) do not differ.
-- Filing day: the dateline's day when the text gives one (see extract.published_datetime), else
-- `published`. Event days: the dates of the lead (a day up to a year) when it gives any, else
-- the precise days of the body; never the filing day, nor the day something was said.
-- $max_name_share, $name_keep_df, $window_days, $lead_sentences, $reporting_verbs: crosscheck.config EVENT_*.
WITH lead AS (
    SELECT a.article_id, e.embedding, y.year,
           coalesce(try_cast(d.published_from_text AS DATE), try_cast(left(a.published, 10) AS DATE)) AS pub
    FROM articles AS a
    JOIN embeddings AS e ON e.text_hash = a.lead_hash
    LEFT JOIN article_datelines AS d USING (article_id)
    LEFT JOIN _anchors AS y USING (article_id)
),
n_articles AS (SELECT count(*) AS n FROM lead),
keys AS (  -- every comparable term, kind-tagged so that a place and a name never meet
    SELECT article_id, 'name' AS kind, name AS term, tf FROM _names
    UNION ALL
    SELECT article_id, CASE WHEN kind = 'org' THEN 'person' ELSE kind END, term, 1.0 + ln(tf)
    FROM article_terms WHERE kind IN ('place', 'person', 'org')
),
counted AS (SELECT kind, term, count(DISTINCT article_id) AS df FROM keys GROUP BY kind, term),
idf AS (
    -- a key every article uses weighs next to nothing, yet not 0: it must still link two
    -- reports of one story in a folder of two (the cosine is scale-free). A key too common to
    -- tell events apart is dropped. A key only one article has links nothing, but a place or
    -- person it alone names still counts in its length: a quake in another town of the same
    -- province shares the province and differs in the town.
    SELECT kind, term, df, greatest(ln((SELECT n FROM n_articles) / df), 0.001) AS w
    FROM counted
    WHERE df <= greatest($name_keep_df, $max_name_share * (SELECT n FROM n_articles))
      AND df >= 1
),
weighted AS (  -- with the filing day in windows of $window_days + 1 days: a pair within
               -- $window_days falls in one window or two neighbouring ones
    SELECT k.article_id, k.kind, k.term, any_value(idf.df) AS df, max(k.tf) * any_value(idf.w) AS w,
           any_value(l.pub) AS pub,
           any_value(l.year) AS year,
           any_value((epoch(l.pub) // 86400 // (CAST($window_days AS INTEGER) + 1))::BIGINT) AS bucket
    FROM keys AS k
    JOIN idf USING (kind, term)
    JOIN lead AS l USING (article_id)
    GROUP BY k.article_id, k.kind, k.term
),
norm AS (SELECT article_id, kind, sqrt(sum(w * w)) AS len FROM weighted GROUP BY article_id, kind),
dated_shared AS (
    SELECT x.article_id AS article_a, y.article_id AS article_b, x.kind, x.w * y.w AS ww
    FROM (SELECT *, unnest([bucket - 1, bucket, bucket + 1]) AS near FROM weighted WHERE pub IS NOT NULL AND df >= 2) AS x
    JOIN weighted AS y ON y.kind = x.kind AND y.term = x.term AND y.bucket = x.near
    WHERE x.article_id < y.article_id AND abs(y.pub - x.pub) <= $window_days
),
undated_shared AS (
    SELECT least(x.article_id, y.article_id) AS article_a, greatest(x.article_id, y.article_id) AS article_b,
           x.kind, x.w * y.w AS ww
    FROM (SELECT * FROM weighted WHERE pub IS NULL AND df >= 2) AS x
    JOIN weighted AS y ON y.kind = x.kind AND y.term = x.term AND y.article_id <> x.article_id
    WHERE (y.pub IS NOT NULL OR x.article_id < y.article_id)
      AND (x.year IS NULL OR y.year IS NULL OR x.year = y.year)
),
shared AS (
    SELECT article_a, article_b, kind, sum(ww) AS dot
    FROM (SELECT * FROM dated_shared UNION ALL SELECT * FROM undated_shared)
    GROUP BY ALL
),
cosines AS (  -- per pair, the tf-idf cosine of each kind of key
    SELECT s.article_a, s.article_b,
           sum(CASE WHEN s.kind = 'name' THEN s.dot / (na.len * nb.len) ELSE 0 END) AS names,
           sum(CASE WHEN s.kind = 'place' THEN s.dot / (na.len * nb.len) ELSE 0 END) AS places,
           sum(CASE WHEN s.kind = 'person' THEN s.dot / (na.len * nb.len) ELSE 0 END) AS people
    FROM shared AS s
    JOIN norm AS na ON na.article_id = s.article_a AND na.kind = s.kind
    JOIN norm AS nb ON nb.article_id = s.article_b AND nb.kind = s.kind
    GROUP BY s.article_a, s.article_b
),
triggers AS (SELECT article_id, term FROM article_terms WHERE kind = 'trigger'),
claim_spans AS (  -- a date claim inside the dateline is the filing day, not the event's, and
                  -- the day something was said ("the ministry said on Saturday") is the report's
    SELECT c.article_id, c.sentence_idx < $lead_sentences AS in_lead,
           try_cast(left(c.low_date, 10) AS DATE) AS first_day, try_cast(left(c.high_date, 10) AS DATE) AS last_day
    FROM claims AS c
    LEFT JOIN article_datelines AS d ON d.article_id = c.article_id
         AND c.char_start < d.char_end AND c.char_end > d.char_start
    WHERE c.kind = 'date' AND c.low_date IS NOT NULL AND c.high_date IS NOT NULL AND d.article_id IS NULL
      AND NOT list_contains($reporting_verbs, coalesce(c.predicate, ''))
),
lead_dated AS (SELECT DISTINCT article_id FROM claim_spans WHERE in_lead AND last_day - first_day <= 366),
spans AS (
    SELECT article_id, first_day, last_day, in_lead FROM claim_spans
    WHERE first_day IS NOT NULL AND last_day IS NOT NULL
      AND CASE WHEN article_id IN (SELECT article_id FROM lead_dated)
               THEN in_lead AND last_day - first_day <= 366 ELSE last_day - first_day <= 1 END
),
date_gaps AS (  -- how close the two come in dating their event (0 when any spans overlap)
    SELECT c.article_a, c.article_b,
           min(greatest(0, y.first_day - x.last_day, x.first_day - y.last_day)) AS gap,
           -- the same over the single days both leads name: "in January", "the 2008 season" or a
           -- day deep in the body (often another, recalled event) is too loose to veto with
           min(greatest(0, y.first_day - x.last_day, x.first_day - y.last_day))
               FILTER (WHERE x.in_lead AND y.in_lead
                         AND x.last_day - x.first_day <= 1 AND y.last_day - y.first_day <= 1) AS exact_gap
    FROM cosines AS c
    JOIN spans AS x ON x.article_id = c.article_a
    JOIN spans AS y ON y.article_id = c.article_b
    GROUP BY ALL
)
SELECT c.article_a, c.article_b,
       array_cosine_similarity(x.embedding, y.embedding) AS lead_cosine,
       c.names, c.places, c.people,
       EXISTS (SELECT 1 FROM triggers AS tx JOIN triggers AS ty ON ty.term = tx.term
               WHERE tx.article_id = c.article_a AND ty.article_id = c.article_b) AS same_trigger,
       EXISTS (SELECT 1 FROM triggers WHERE article_id = c.article_a)
           AND EXISTS (SELECT 1 FROM triggers WHERE article_id = c.article_b) AS both_triggered,
       abs(y.pub - x.pub) AS filed_days_apart,
       g.gap AS event_days_apart,
       g.exact_gap AS event_days_apart_exact,
       x.year IS NOT NULL AND y.year IS NOT NULL AND x.year <> y.year AS years_differ
FROM cosines AS c
JOIN lead AS x ON x.article_id = c.article_a
JOIN lead AS y ON y.article_id = c.article_b
LEFT JOIN date_gaps AS g USING (article_a, article_b)
ORDER BY c.article_a, c.article_b;
