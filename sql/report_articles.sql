-- report_articles.sql: the report's article list with claim counts, and the filing day the
-- text itself gives (its dateline) beside `published`: when the two lie more than a day apart
-- the report says so (`published_disagrees`), since relative dates then resolve against the
-- dateline (crosscheck.nlp.extract.published_datetime).
WITH n AS (SELECT article_id, count(*) AS claims FROM claims GROUP BY article_id)
SELECT a.article_id, a.source, a.title, a.published, a.url, coalesce(n.claims, 0) AS claims,
       d.dateline, d.published_from_text,
       coalesce(abs(try_cast(d.published_from_text AS DATE) - try_cast(left(a.published, 10) AS DATE)) > 1, false)
           AS published_disagrees
FROM articles AS a
LEFT JOIN n USING (article_id)
LEFT JOIN article_datelines AS d USING (article_id)
ORDER BY a.article_id;
