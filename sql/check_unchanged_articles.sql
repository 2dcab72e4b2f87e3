-- check_unchanged_articles.sql: articles the checkpoint need not validate again, into a temp
-- table the frame queries leave out: recorded in checked_articles (all their rows passed)
-- with the same content hash, extraction fingerprint and suite fingerprint ($checked_with)
-- as now. Why: their sentences and claims are the rows that passed, so they cannot fail now.
CREATE OR REPLACE TEMP TABLE _unchanged_articles AS
SELECT a.article_id
FROM articles a
JOIN checked_articles k USING (article_id)
LEFT JOIN extractions x USING (article_id)
WHERE k.content_hash = a.content_hash
  AND k.extracted_with IS NOT DISTINCT FROM x.extracted_with
  AND k.checked_with = $checked_with;
