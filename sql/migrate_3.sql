-- migrate_3.sql: schema v2 -> v3. Adds `acronyms`: the acronyms each article defines in its
-- text ("Kataib Hezbollah (KH)"). Why a table: the other articles of the same event may write
-- only "KH", so the judge needs every article's definitions, not just the claim's own; kept
-- per article, they go and come with the article like its sentences and claims.
CREATE TABLE IF NOT EXISTS acronyms (
    article_id VARCHAR NOT NULL,
    acronym    VARCHAR NOT NULL,   -- normalised key, e.g. 'kh'
    full_name  VARCHAR NOT NULL,   -- normalised key of the name it stands for
    PRIMARY KEY (article_id, acronym)
);
