-- entity_pairs.sql: who-did-what claims that may speak about the same role, scored in SQL.
-- Why: an actor claim ("X claimed the attack", "the ferry is owned by Y") has no value to mask
-- and no dimension; two claims speak of one role when their role (the verb and its object key)
-- agrees, so blocking by event and role keeps the comparison small, and the cosine of the two
-- claims' subject texts plus agreement of role, place and group ranks the candidates. Each claim
-- keeps only its best counterpart in each other article, and a pair is kept when it is the best
-- both ways. A place stated on one side only costs half a place mismatch.
-- An actor holding a named thing ("owns the Marisol Star") has no object key: it meets the
-- holdings of the same verb in the event ("owns the ferry").
-- Numeric and date claims are matched by the fitted model instead (candidate_pairs.sql).
-- Parameters (crosscheck.config): $min_score, $w_event, $w_place, $w_group.
-- Incremental: only the events in _align_events (alignment_scope.sql) are paired.
INSERT OR REPLACE INTO alignments (claim_a, claim_b, kind, event_id, similarity)
WITH claim_vec AS (
    SELECT c.claim_id, c.article_id, c.kind, ev.event_id, e.embedding,
           c.counted, c.place, c.grp, coalesce(c.scope, '') AS scope, c.unit, c.role, c.predicate, c.entity
    FROM claims AS c
    JOIN events AS ev USING (article_id)
    JOIN embeddings AS e USING (text_hash)
    WHERE c.kind = 'entity' AND ev.event_id IN (SELECT event_id FROM _align_events)
),
scored AS (
    SELECT a.claim_id AS claim_a, b.claim_id AS claim_b, a.kind, a.event_id,
           a.article_id AS article_a, b.article_id AS article_b,
           array_cosine_similarity(a.embedding, b.embedding)
             + $w_event
               * (CASE WHEN a.counted = b.counted OR (a.kind = 'entity' AND a.predicate = b.predicate
                                                        AND (a.role = a.predicate OR b.role = b.predicate))
                       THEN 1 ELSE 0 END)
             - $w_place * (CASE WHEN a.place <> b.place THEN 1
                                WHEN (a.place IS NULL) <> (b.place IS NULL) THEN 0.5 ELSE 0 END)
             - $w_group * (CASE WHEN a.grp <> b.grp THEN 1 ELSE 0 END) AS score
    FROM claim_vec AS a
    JOIN claim_vec AS b
      ON a.event_id = b.event_id
     AND a.kind = b.kind
     AND a.article_id < b.article_id
     AND a.scope = b.scope
    WHERE a.role = b.role
       OR (a.predicate = b.predicate AND (a.role = a.predicate OR b.role = b.predicate))
),
best_for_a AS (
    SELECT * FROM scored
    QUALIFY row_number() OVER (PARTITION BY claim_a, article_b ORDER BY score DESC, claim_b) = 1
),
best_for_b AS (
    SELECT * FROM scored
    QUALIFY row_number() OVER (PARTITION BY claim_b, article_a ORDER BY score DESC, claim_a) = 1
)
SELECT a.claim_a, a.claim_b, a.kind, a.event_id, least(a.score, 1.0) AS similarity
FROM best_for_a AS a
JOIN best_for_b AS b USING (claim_a, claim_b)
WHERE a.score >= $min_score;
