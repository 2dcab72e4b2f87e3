-- schema.sql: every table crosscheck keeps, created idempotently.
-- Why one file: the store is the contract between stages (each stage reads and writes here),
-- so its shape must be readable in one place. This file is the v1 shape: a new store runs it,
-- then every sql/migrate_N.sql in order (crosscheck/store.py, SCHEMA_VERSION); an old store
-- runs only the migrations it lacks. Change the shape with a new migrate_N.sql, never here.

CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

-- One row per article currently known; content_hash keys incremental work.
CREATE TABLE IF NOT EXISTS articles (
    article_id   VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    path         VARCHAR,
    format       VARCHAR,
    source       VARCHAR,
    title        VARCHAR,
    published    VARCHAR,          -- ISO 8601 as normalised at ingest (UTC when no zone)
    url          VARCHAR,
    body         VARCHAR NOT NULL,
    lead_text    VARCHAR,          -- title and first sentences: what event clustering embeds
    lead_hash    VARCHAR,
    ingested_at  TIMESTAMP DEFAULT current_timestamp
);

-- Files that could not be used, with the one-line reason, per run.
CREATE TABLE IF NOT EXISTS skipped (
    run_id VARCHAR NOT NULL,
    path   VARCHAR NOT NULL,
    reason VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS sentences (
    article_id   VARCHAR NOT NULL,
    sentence_idx INTEGER NOT NULL,
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    PRIMARY KEY (article_id, sentence_idx)
);

-- Claims: one row per extracted claim. Numeric bounds in low/high (NULL = unbounded),
-- date bounds as ISO text in low_date/high_date; value_json is the contract's "value".
CREATE TABLE IF NOT EXISTS claims (
    claim_id     VARCHAR PRIMARY KEY,
    article_id   VARCHAR NOT NULL,
    sentence_idx INTEGER NOT NULL,
    kind         VARCHAR NOT NULL,   -- numeric | date | entity
    quote        VARCHAR NOT NULL,
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    value_text   VARCHAR,
    low          DOUBLE,
    high         DOUBLE,
    low_date     VARCHAR,
    high_date    VARCHAR,
    unit         VARCHAR,
    hedge        VARCHAR,
    entity       VARCHAR,            -- normalised actor key for entity claims
    role         VARCHAR,
    subject      VARCHAR NOT NULL,   -- readable subject ("people killed in the quake")
    counted      VARCHAR,
    predicate    VARCHAR,
    place        VARCHAR,
    grp          VARCHAR,
    scope        VARCHAR,
    attributed   VARCHAR,            -- the source the sentence attributes the claim to, if any
    embed_text   VARCHAR NOT NULL,   -- claim-centred text that is embedded for alignment
    text_hash    VARCHAR NOT NULL,   -- sha256 of embed_text: the embedding cache key
    value_json   VARCHAR NOT NULL
);

-- Embedding cache: keyed by text hash, so the same text is never embedded twice.
CREATE TABLE IF NOT EXISTS embeddings (
    text_hash VARCHAR PRIMARY KEY,
    model     VARCHAR NOT NULL,
    embedding FLOAT[384] NOT NULL
);

-- Event clusters: which article belongs to which event.
CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR PRIMARY KEY,
    event_id   VARCHAR NOT NULL,
    label      VARCHAR
);

-- Candidate pairs scored in SQL, kept for inspection and calibration.
CREATE TABLE IF NOT EXISTS alignments (
    claim_a    VARCHAR NOT NULL,
    claim_b    VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    event_id   VARCHAR,
    similarity DOUBLE NOT NULL,
    verdict    VARCHAR,              -- conflict | consistent, set by the judge
    discrepancy_id VARCHAR,
    PRIMARY KEY (claim_a, claim_b)
);

-- Judged contradictions; id derives from the claim pair so it is stable across runs.
CREATE TABLE IF NOT EXISTS discrepancies (
    discrepancy_id VARCHAR PRIMARY KEY,
    claim_a        VARCHAR NOT NULL,
    claim_b        VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,
    event_id       VARCHAR,
    grp            VARCHAR,
    subject        VARCHAR NOT NULL,
    severity       VARCHAR NOT NULL,
    similarity     DOUBLE NOT NULL,
    explanation    VARCHAR NOT NULL,
    superseded     BOOLEAN NOT NULL DEFAULT false,
    first_run_id   VARCHAR,
    last_run_id    VARCHAR
);

CREATE TABLE IF NOT EXISTS runs (
    run_id        VARCHAR PRIMARY KEY,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    input         VARCHAR,
    articles      INTEGER,
    skipped       INTEGER,
    claims        INTEGER,
    embedded      INTEGER,
    discrepancies INTEGER,
    new_discrepancies      INTEGER,
    resolved_discrepancies INTEGER,
    status        VARCHAR
);

-- Great Expectations results per run, so data-quality history is queryable in SQL.
CREATE TABLE IF NOT EXISTS validations (
    run_id           VARCHAR NOT NULL,
    expectation      VARCHAR NOT NULL,
    column_name      VARCHAR,
    success          BOOLEAN NOT NULL,
    unexpected_count INTEGER,
    result_json      VARCHAR
);
