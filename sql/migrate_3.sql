-- migrate_3.sql: schema v2 -> v3.
-- `acronyms`: the acronyms each article defines in its text ("Kataib Hezbollah (KH)"). Why a
-- table: the other articles of the same event may write only "KH", so the judge needs every
-- article's definitions, not just the claim's own; kept per article, they go and come with the
-- article like its sentences and claims.
CREATE TABLE IF NOT EXISTS acronyms (
    article_id VARCHAR NOT NULL,
    acronym    VARCHAR NOT NULL,   -- normalised key, e.g. 'kh'
    full_name  VARCHAR NOT NULL,   -- normalised key of the name it stands for
    PRIMARY KEY (article_id, acronym)
);

-- `extractions`: per article, the fingerprint of the extraction code and models that read it.
-- Why: claims depend on the extractor as much as on the text, so after an upgrade a stored
-- article must be read again although its content hash is unchanged. A table of its own, not a
-- column of `articles`: DuckDB cannot replay an ALTER TABLE from its write-ahead log, so a
-- crash right after the upgrade would leave the file unreadable. Articles of a store from
-- before v3 have no row here, so they are read again once.
CREATE TABLE IF NOT EXISTS extractions (
    article_id     VARCHAR PRIMARY KEY,
    extracted_with VARCHAR NOT NULL
);
