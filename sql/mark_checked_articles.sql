-- mark_checked_articles.sql: record the articles validated in this run without a failing row
-- (the failing ones are registered as _failing_articles), under their content, extraction and
-- suite ($checked_with); forget articles no longer stored.
-- Why: the next run's checkpoint leaves them out (check_unchanged_articles.sql); a failing
-- article is never recorded, so its failure is validated and reported again every run.
INSERT OR REPLACE INTO checked_articles (article_id, content_hash, extracted_with, checked_with)
SELECT a.article_id, a.content_hash, x.extracted_with, $checked_with
FROM articles a
LEFT JOIN extractions x USING (article_id)
WHERE a.article_id NOT IN (SELECT article_id FROM _unchanged_articles)
  AND a.article_id NOT IN (SELECT article_id FROM _failing_articles);
