-- report_articles.sql: the report's article list with claim counts.
WITH n AS (SELECT article_id, count(*) AS claims FROM claims GROUP BY article_id)
SELECT a.article_id, a.source, a.title, a.published, a.url, coalesce(n.claims, 0) AS claims
FROM articles AS a
LEFT JOIN n USING (article_id)
ORDER BY a.article_id;
