-- pairs_to_judge.sql: every aligned pair with both claims (and their typed frames), their
-- articles' metadata, and the range of estimates each claim's own sentence gives.
-- Why: the judge is a pure function of the two claims; this query hands it all it reads. An
-- article that quotes two sources with different figures for one thing in one sentence
-- ("police put the crowd at 8,000, organisers at 50,000") frames them as differing estimates
-- and asserts neither: such a claim is judged by the range of its sentence's estimates.
-- The pairs of one event, kind and measure carry the subject of the group's earliest claim,
-- so they share one readable subject and hence one group key.
-- Incremental: a pair comes back only when the store has no verdict for it under the same
-- judge_key, the hash of everything the judge reads (both claims' rows as given here, the
-- pair's event and similarity, the acronyms its event's articles define) and of the judge's
-- version ($judge_version). Pairs of unchanged claims keep their stored verdict (verdicts).
WITH c AS (
    SELECT cl.*, fr.* EXCLUDE (claim_id, article_id), ar.published, ar.source
    FROM claims AS cl
    JOIN articles AS ar USING (article_id)
    LEFT JOIN claim_frames AS fr USING (claim_id)
),
estimates AS (
    SELECT article_id, sentence_idx, coalesce(unit, '') AS unit_key,
           min(low) AS est_low, max(high) AS est_high,
           bool_or(high IS NULL) AS open_high, bool_or(low IS NULL) AS open_low
    FROM claims
    WHERE kind = 'numeric' AND attributed IS NOT NULL
    GROUP BY ALL
    HAVING count(DISTINCT attributed) >= 2
),
c_est AS (
    SELECT c.*,
           CASE WHEN e.open_low THEN NULL ELSE e.est_low END AS est_low,
           CASE WHEN e.open_high THEN NULL ELSE e.est_high END AS est_high,
           e.article_id IS NOT NULL AS has_estimates
    FROM c
    LEFT JOIN estimates AS e
      ON e.article_id = c.article_id AND e.sentence_idx = c.sentence_idx
     AND e.unit_key = coalesce(c.unit, '') AND c.kind = 'numeric' AND c.attributed IS NOT NULL
),
claim_group AS (
    -- the aligned claims of one event, kind and measure share the earliest one's subject
    SELECT x.claim_id,
           first_value(x.subject) OVER (
               PARTITION BY ev.event_id, x.kind, coalesce(x.role, x.counted)
               ORDER BY x.article_id, x.char_start) AS group_subject
    FROM claims AS x
    JOIN events AS ev USING (article_id)
    WHERE x.claim_id IN (SELECT claim_a FROM alignments UNION SELECT claim_b FROM alignments)
),
c_grp AS (
    SELECT c_est.* REPLACE (coalesce(g.group_subject, c_est.subject) AS subject)
    FROM c_est
    LEFT JOIN claim_group AS g USING (claim_id)
),
claim_key AS (
    SELECT claim_id, md5(to_json(c_grp)::VARCHAR) AS row_key FROM c_grp
),
event_acronyms AS (
    SELECT ev.event_id, md5(string_agg(ac.article_id || '=' || ac.acronym || '=' || ac.full_name, '|'
                                       ORDER BY ac.article_id, ac.acronym)) AS acronyms_key
    FROM acronyms AS ac
    JOIN events AS ev USING (article_id)
    GROUP BY ev.event_id
),
keyed AS (
    SELECT al.claim_a, al.claim_b,
           md5(concat_ws('|', $judge_version, ka.row_key, kb.row_key, al.event_id, al.similarity::VARCHAR,
                         coalesce(ea.acronyms_key, ''))) AS judge_key
    FROM alignments AS al
    JOIN claim_key AS ka ON ka.claim_id = al.claim_a
    JOIN claim_key AS kb ON kb.claim_id = al.claim_b
    LEFT JOIN event_acronyms AS ea ON ea.event_id = al.event_id
)
SELECT al.similarity, al.event_id, k.judge_key,
       COLUMNS(a.*) AS "a_\0",
       COLUMNS(b.*) AS "b_\0"
FROM alignments AS al
JOIN keyed AS k USING (claim_a, claim_b)
JOIN c_grp AS a ON a.claim_id = al.claim_a
JOIN c_grp AS b ON b.claim_id = al.claim_b
WHERE NOT EXISTS (SELECT 1 FROM verdicts AS v
                  WHERE v.claim_a = al.claim_a AND v.claim_b = al.claim_b AND v.judge_key = k.judge_key)
ORDER BY al.claim_a, al.claim_b;
