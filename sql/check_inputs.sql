-- check_inputs.sql: every input accounted for (GX frame `inputs`): parsed into an article with
-- text, or skipped in run $run_id with a reason. Files on disk that are neither are appended in
-- checks/checkpoint.py (status 'unaccounted').
-- Incremental: articles in _unchanged_articles (passed before, unchanged since) are left out.
SELECT 'parsed' AS status, a.article_id, a.path, CAST(NULL AS VARCHAR) AS reason,
       length(coalesce(a.body, '')) > 0 AS accounted_for
FROM articles a
WHERE a.article_id NOT IN (SELECT article_id FROM _unchanged_articles)
UNION ALL
SELECT 'skipped', CAST(NULL AS VARCHAR), s.path, s.reason,
       coalesce(trim(s.reason), '') <> '' AS accounted_for
FROM skipped s
WHERE s.run_id = $run_id
ORDER BY status, path;
