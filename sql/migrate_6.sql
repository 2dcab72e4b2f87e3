-- migrate_6.sql: schema v5 -> v6 (events).
-- `article_terms`: per article, what the event stage compares: places, people, organisations
-- (from the parse's named entities) and the trigger (what the lead says happened), each with
-- its key, the words as the article wrote them (event labels quote them), a weight (how often
-- the article names it) and whether the lead names it. Why a table: they are read once at
-- extraction, where the parse is, and compared in SQL for every article pair that shares one.
CREATE TABLE IF NOT EXISTS article_terms (
    article_id VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,   -- place | person | org | trigger
    term       VARCHAR NOT NULL,   -- normalised key
    surface    VARCHAR NOT NULL,   -- as the article first wrote it
    tf         DOUBLE NOT NULL,    -- how often the article names it
    in_lead    BOOLEAN NOT NULL,
    PRIMARY KEY (article_id, kind, term)
);

-- `article_datelines`: the filing day the text itself gives (its dateline or page stamp), kept
-- beside `published` so that a report can say when the two disagree; relative dates resolve
-- against the dateline then (crosscheck.nlp.extract.published_datetime says why). A table of
-- its own, not columns of `articles`: DuckDB cannot replay an ALTER TABLE from its write-ahead log.
CREATE TABLE IF NOT EXISTS article_datelines (
    article_id          VARCHAR PRIMARY KEY,
    dateline            VARCHAR NOT NULL,   -- the words read
    published_from_text VARCHAR NOT NULL,   -- ISO day they name
    char_start          INTEGER NOT NULL,   -- where they stand in the body: a date claim there
    char_end            INTEGER NOT NULL    -- is the filing day, not the event's day
);
