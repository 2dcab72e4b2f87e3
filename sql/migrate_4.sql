-- migrate_4.sql: schema v3 -> v4.
-- `claim_frames`: the typed frame of each claim (crosscheck.models.ClaimFrame): what it
-- measures, its dimension and base value, the masked context that is embedded for alignment,
-- and the flags that say which incident and part of it the figure belongs to. Why a table of
-- its own: it is written and deleted with its article's claims, in the same transaction, and an
-- older store's claims have none, so they are read again (the extraction fingerprint changed).
CREATE TABLE IF NOT EXISTS claim_frames (
    claim_id         VARCHAR PRIMARY KEY,
    article_id       VARCHAR NOT NULL,
    measure          VARCHAR,
    measure_class    VARCHAR,
    period           VARCHAR,
    dimension        VARCHAR,
    value_base       DOUBLE,
    context          VARCHAR NOT NULL,
    context_hash     VARCHAR NOT NULL,   -- embedding-cache key of context
    verb             VARCHAR,
    unnamed          BOOLEAN NOT NULL,
    counts_things    BOOLEAN NOT NULL,
    restated         BOOLEAN NOT NULL,
    background       BOOLEAN NOT NULL,
    statement        BOOLEAN NOT NULL,
    part             BOOLEAN NOT NULL,
    hypothetical     BOOLEAN NOT NULL,
    one_day          BOOLEAN NOT NULL,
    additional       BOOLEAN NOT NULL,
    other_incident   BOOLEAN NOT NULL,
    zone_stated      BOOLEAN NOT NULL,
    sentence_day     VARCHAR,
    first_of_measure BOOLEAN NOT NULL,
    measure_count    INTEGER NOT NULL
);

-- `discrepancies.confidence`: how sure the judge is that the two claims speak of one thing and
-- cannot both hold (the match probability of the pair, sql/candidate_pairs.sql). Reports are
-- ordered by it and filtered on it.
ALTER TABLE discrepancies ADD COLUMN IF NOT EXISTS confidence DOUBLE;
