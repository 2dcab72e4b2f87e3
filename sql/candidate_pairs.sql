-- candidate_pairs.sql: the numeric and date claims that speak of the same thing, with the
-- probability that they do.
-- Why: a fitted logistic model (crosscheck/match.py, weights in crosscheck/data/match_weights.json,
-- fitted by scripts/fit_match.py on labelled clusters) turns the features of each candidate pair
-- (pair_features.sql, run first) into a match probability; the weights are data, so a refit
-- changes no code. Each claim keeps only its most probable counterpart in each other article, and
-- a pair is kept when it is the most probable both ways: an article states a figure once per
-- subject, so an agreeing counterpart shields a claim from a look-alike it disagrees with.
-- Parameters: $w_numeric, $w_date (weights in pair_features' f_ column order), $b_numeric,
-- $b_date (intercepts), $min_match (pairs less probable are not kept).
INSERT OR REPLACE INTO alignments (claim_a, claim_b, kind, event_id, similarity)
WITH scored AS (
    SELECT claim_a, claim_b, article_a, article_b, kind, event_id,
           1.0 / (1.0 + exp(-CASE WHEN kind = 'numeric'
                                  THEN list_dot_product(list_value(*COLUMNS('^f_'))::DOUBLE[], $w_numeric) + $b_numeric
                                  ELSE list_dot_product(list_value(*COLUMNS('^f_'))::DOUBLE[], $w_date) + $b_date END)) AS p
    FROM pair_features
),
best_for_a AS (
    SELECT * FROM scored
    QUALIFY row_number() OVER (PARTITION BY claim_a, article_b ORDER BY p DESC, claim_b) = 1
),
best_for_b AS (
    SELECT * FROM scored
    QUALIFY row_number() OVER (PARTITION BY claim_b, article_a ORDER BY p DESC, claim_a) = 1
)
SELECT a.claim_a, a.claim_b, a.kind, a.event_id, a.p AS similarity
FROM best_for_a AS a
JOIN best_for_b AS b USING (claim_a, claim_b)
WHERE a.p >= $min_match;
