-- pair_features.sql: every pair of numeric or date claims that may speak of one thing, with the
-- features the match model weighs (crosscheck/match.py; weights in crosscheck/data/match_weights.json).
-- Why: which two figures are "the same quantity" is decided by a fitted combination of evidence,
-- not by a chain of exact-equality vetoes: the embedded context of each figure (its nearby words,
-- value masked) and its subject text, the typed frame (measure, casualty class, flags), the places,
-- groups and doers the extractor read, how far apart the two values and publication times are,
-- and whether each is the other's closest match in its article. Blocking keeps it sub-quadratic:
-- only claims of one kind and one dimension, within one event, from two different articles.
-- Categorical constraints stay hard: another dimension, another class of tally (dead vs
-- injured, destroyed vs damaged), another counting period (over 24 hours vs over three days),
-- a share of another thing, a figure restated in brackets, a date not resolved to days.
-- Incremental: only the events in _align_events (alignment_scope.sql) are paired; the others keep
-- their pairs, as a pair never crosses events.
-- Feature columns start with f_ and their order is the order of the weights (match.FEATURES).
CREATE OR REPLACE TEMP TABLE pair_features AS
WITH c AS (
    SELECT cl.claim_id, cl.article_id, cl.kind, cl.sentence_idx, cl.unit, cl.place, cl.grp, cl.entity,
           f.measure, f.measure_class, f.period, f.dimension, f.value_base, f.background, f.statement, f.part,
           f.hypothetical, f.one_day, f.additional, f.other_incident, f.zone_stated, f.sentence_day,
           f.first_of_measure, f.measure_count, f.verb, f.unnamed, f.counts_things, ev.event_id,
           es.embedding AS subject_vec, ec.embedding AS context_vec,
           try_cast(ar.published AS TIMESTAMPTZ) AS pub,
           try_cast(left(cl.low_date, 16) AS TIMESTAMP) AS lo,
           CASE WHEN length(cl.high_date) > 10 THEN try_cast(left(cl.high_date, 16) AS TIMESTAMP)
                ELSE try_cast(cl.high_date AS DATE) + INTERVAL 1 DAY END AS hi
    FROM claims AS cl
    JOIN claim_frames AS f USING (claim_id)
    JOIN events AS ev ON ev.article_id = cl.article_id
    JOIN articles AS ar ON ar.article_id = cl.article_id
    JOIN embeddings AS es ON es.text_hash = cl.text_hash
    JOIN embeddings AS ec ON ec.text_hash = f.context_hash
    WHERE ev.event_id IN (SELECT event_id FROM _align_events)  -- only events being aligned again
      AND cl.kind IN ('numeric', 'date') AND NOT f.restated
      AND (cl.kind = 'numeric' OR (cl.low_date IS NOT NULL AND cl.high_date IS NOT NULL))
),
pairs AS (
    SELECT a.claim_id AS claim_a, b.claim_id AS claim_b, a.article_id AS article_a, b.article_id AS article_b,
           a.kind, a.event_id,
           array_cosine_similarity(a.context_vec, b.context_vec) AS cos_context,
           array_cosine_similarity(a.subject_vec, b.subject_vec) AS cos_subject,
           coalesce(a.measure = b.measure, false)::DOUBLE AS same_measure,
           coalesce(a.measure_class = b.measure_class, false)::DOUBLE AS casualty_same,
           ((a.measure_class IS NULL) <> (b.measure_class IS NULL))::DOUBLE AS casualty_one,
           (a.place <> b.place)::INT AS place_diff, ((a.place IS NULL) <> (b.place IS NULL))::INT AS place_one,
           (a.grp <> b.grp)::INT AS group_diff, ((a.grp IS NULL) <> (b.grp IS NULL))::INT AS group_one,
           (a.entity <> b.entity)::INT AS doer_diff, ((a.entity IS NULL) <> (b.entity IS NULL))::INT AS doer_one,
           (coalesce(a.unit, '') = coalesce(b.unit, ''))::DOUBLE AS unit_same,
           CASE WHEN a.kind = 'numeric' THEN
                    coalesce(least(5.0, abs(ln((abs(a.value_base) + 1) / (abs(b.value_base) + 1)))), 2.0)
                ELSE least(5.0, ln(1 + greatest(0.0, epoch(b.lo - a.hi), epoch(a.lo - b.hi)) / 86400.0)) END AS value_gap,
           coalesce(ln(1 + abs(epoch(a.pub - b.pub)) / 86400.0), 0.0) AS pub_gap,
           (a.background OR b.background)::DOUBLE AS background,
           (a.statement OR b.statement)::DOUBLE AS statement,
           (a.part OR b.part)::DOUBLE AS part,
           (a.hypothetical OR b.hypothetical)::DOUBLE AS hypothetical,
           (a.one_day OR b.one_day)::DOUBLE AS one_day,
           (a.additional OR b.additional)::DOUBLE AS additional,
           (a.background = b.background AND a.statement = b.statement AND a.part = b.part
            AND a.hypothetical = b.hypothetical AND a.one_day = b.one_day AND a.additional = b.additional)::DOUBLE AS flags_same,
           (a.other_incident <> b.other_incident)::DOUBLE AS other_one,
           (a.other_incident AND b.other_incident)::DOUBLE AS other_both,
           (a.zone_stated <> b.zone_stated)::DOUBLE AS zone_one,
           (a.sentence_day <> b.sentence_day)::INT AS sentence_day_diff,
           (a.first_of_measure AND b.first_of_measure AND a.measure = b.measure)::DOUBLE AS both_first,
           ln(1 + greatest(a.measure_count, b.measure_count)) AS measure_count,
           (a.sentence_idx <= 1 AND b.sentence_idx <= 1)::DOUBLE AS both_lead,
           coalesce(a.verb = b.verb, false)::DOUBLE AS same_verb,
           coalesce((a.counts_things OR b.counts_things) AND a.verb <> b.verb, false)::DOUBLE AS things_other_verb,
           (a.unnamed OR b.unnamed)::DOUBLE AS unnamed
    FROM c AS a
    JOIN c AS b
      ON a.event_id = b.event_id AND a.kind = b.kind AND a.dimension = b.dimension
     AND a.article_id < b.article_id
    WHERE coalesce(a.measure_class = b.measure_class, true)    -- dead vs injured, destroyed vs damaged
      AND coalesce(a.period = b.period, true)                  -- over 24 hours vs over three days
      AND (a.dimension <> 'percent' OR a.measure = b.measure)  -- a share of one thing vs of another
),
ranked AS (  -- is each the other's closest match (by the two cosines) in the other article?
    SELECT *, cos_context + cos_subject AS closeness,
           row_number() OVER (PARTITION BY claim_a, article_b ORDER BY cos_context + cos_subject DESC, claim_b) = 1 AS top_a,
           row_number() OVER (PARTITION BY claim_b, article_a ORDER BY cos_context + cos_subject DESC, claim_a) = 1 AS top_b,
           max(cos_context + cos_subject) OVER (PARTITION BY claim_a, article_b) AS best_a,
           max(cos_context + cos_subject) OVER (PARTITION BY claim_b, article_a) AS best_b
    FROM pairs
)
SELECT claim_a, claim_b, article_a, article_b, kind, event_id,
       cos_context AS f_cos_context,
       cos_subject AS f_cos_subject,
       same_measure AS f_same_measure,
       casualty_same AS f_casualty_same,
       casualty_one AS f_casualty_one,
       coalesce(place_diff, 0)::DOUBLE AS f_place_diff,
       place_one::DOUBLE AS f_place_one,
       coalesce(group_diff, 0)::DOUBLE AS f_group_diff,
       group_one::DOUBLE AS f_group_one,
       coalesce(doer_diff, 0)::DOUBLE AS f_doer_diff,
       doer_one::DOUBLE AS f_doer_one,
       unit_same AS f_unit_same,
       coalesce(value_gap, 2.0) AS f_value_gap,
       pub_gap AS f_pub_gap,
       coalesce(value_gap, 2.0) * (pub_gap < ln(1.5))::DOUBLE AS f_value_gap_same_time,
       coalesce(value_gap, 2.0) * casualty_same AS f_value_gap_casualty,
       coalesce(value_gap, 2.0) * pub_gap AS f_value_gap_x_pub_gap,
       background AS f_background,
       statement AS f_statement,
       part AS f_part,
       hypothetical AS f_hypothetical,
       one_day AS f_one_day,
       additional AS f_additional,
       flags_same AS f_flags_same,
       other_one AS f_other_one,
       other_both AS f_other_both,
       zone_one AS f_zone_one,
       coalesce(sentence_day_diff, 0)::DOUBLE AS f_sentence_day_diff,
       coalesce(both_first, 0.0) AS f_both_first,
       coalesce(measure_count, 0.0) AS f_measure_count,
       cos_context * same_measure AS f_cos_context_same_measure,
       both_lead AS f_both_lead,
       top_a::DOUBLE AS f_top_a,
       top_b::DOUBLE AS f_top_b,
       (top_a AND top_b)::DOUBLE AS f_mutual,
       least(0.0, closeness - greatest(best_a, best_b)) AS f_margin,
       same_verb AS f_same_verb,
       things_other_verb AS f_things_other_verb,
       unnamed AS f_unnamed
FROM ranked;
