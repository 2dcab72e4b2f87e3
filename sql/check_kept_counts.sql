-- check_kept_counts.sql: per frame, the rows an incremental checkpoint did not validate again
-- because an earlier run did and they cannot have changed (see check_unchanged_articles.sql,
-- check_kept_pairs.sql). Why: a result then says how many rows it covers in all, not only
-- how many this run looked at.
SELECT (SELECT count(*) FROM _unchanged_articles) AS inputs,
       (SELECT count(*) FROM sentences WHERE article_id IN (SELECT article_id FROM _unchanged_articles)) AS sentences,
       (SELECT count(*) FROM claims WHERE article_id IN (SELECT article_id FROM _unchanged_articles)) AS claims,
       0 AS discrepancies,
       (SELECT count(*) FROM _kept_pairs) AS consistency;
