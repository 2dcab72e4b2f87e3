-- migrate_2.sql: schema v1 -> v2. Adds `warnings`: per run, the articles that were read but
-- with a problem worth a look (unparseable or future `published`). Why a table: a skip is
-- already kept per run in `skipped`; a warning was only logged and lost with the terminal.
CREATE TABLE IF NOT EXISTS warnings (
    run_id  VARCHAR NOT NULL,
    message VARCHAR NOT NULL
);
