-- stale_extractions.sql: stored articles read by other extraction code than this run's ($1 is
-- the current fingerprint), or by one from before fingerprints were kept. They are parsed
-- again, as if their text had changed.
SELECT ar.article_id
FROM articles AS ar
LEFT JOIN extractions AS ex USING (article_id)
WHERE ex.extracted_with IS DISTINCT FROM $1
ORDER BY ar.article_id
