-- alignment_scope.sql: the events whose candidate pairs must be computed again, into a temp
-- table candidate_pairs.sql reads: those whose members key (their articles with content hash
-- and extraction fingerprint, and $align_version: the alignment settings, query and model)
-- differs from the one their stored pairs were computed from, or that are new.
-- Why: a pair joins two claims of one event, so the pairs of an untouched event are still exact.
CREATE OR REPLACE TEMP TABLE _align_events AS
WITH current_keys AS (
    SELECT ev.event_id,
           md5($align_version || '|' || string_agg(ev.article_id || ':' || ar.content_hash || ':'
                                                   || coalesce(ex.extracted_with, ''), '|' ORDER BY ev.article_id))
               AS members_key
    FROM events AS ev
    JOIN articles AS ar USING (article_id)
    LEFT JOIN extractions AS ex USING (article_id)
    GROUP BY ev.event_id
)
SELECT c.event_id, c.members_key
FROM current_keys AS c
LEFT JOIN aligned_events AS a USING (event_id)
WHERE a.members_key IS DISTINCT FROM c.members_key;
