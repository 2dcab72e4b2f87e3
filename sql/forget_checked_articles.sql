-- forget_checked_articles.sql: drop checked_articles rows of articles no longer stored.
-- Why: an article removed and later added back with the same text must be validated again.
DELETE FROM checked_articles
WHERE article_id NOT IN (SELECT article_id FROM articles);
