-- migrate_7.sql: incremental judging and checking.
-- `verdicts`: the judge's verdict on each aligned pair, with the key of what it read.
-- Why: a scheduled run must cost what arrived, not the size of the store. A verdict depends
-- only on the two claims' rows (with their articles' metadata), the pair's event, similarity
-- and event acronyms, and the judge's version; judge_key hashes all of them
-- (sql/pairs_to_judge.sql), so a pair whose key is unchanged keeps its verdict and a judge
-- upgrade re-judges everything. discrepancy_json is the discrepancy row a conflict writes
-- (without its run ids), so open discrepancies are re-stamped without judging again. Keyed by
-- the pair: one current verdict each; pairs no longer aligned are pruned every run.
CREATE TABLE IF NOT EXISTS verdicts (
    claim_a          VARCHAR NOT NULL,
    claim_b          VARCHAR NOT NULL,
    judge_key        VARCHAR NOT NULL,
    verdict          VARCHAR NOT NULL,   -- conflict | consistent
    discrepancy_id   VARCHAR,
    discrepancy_json VARCHAR,
    judged_run_id    VARCHAR NOT NULL,   -- the run that judged it: what that run's checks validate
    PRIMARY KEY (claim_a, claim_b)
);

-- `checked_articles`: articles whose sentences and claims passed every structural check, with
-- the content, extraction and suite they passed under. Why: those rows cannot fail again until
-- one of the three changes, so the checkpoint validates only the others (new, changed, or
-- failing); a failing article is never recorded here, so its failure is reported every run.
CREATE TABLE IF NOT EXISTS checked_articles (
    article_id   VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    extracted_with VARCHAR,
    checked_with VARCHAR NOT NULL
);

-- `aligned_events`: per event, the key of what its candidate pairs were computed from (its
-- articles with their content and extraction, and the alignment settings and query). Why:
-- pairs are only ever formed inside one event, so an event whose key is unchanged keeps its
-- pairs and a run re-aligns only the events that new or changed articles touched.
CREATE TABLE IF NOT EXISTS aligned_events (
    event_id    VARCHAR PRIMARY KEY,
    members_key VARCHAR NOT NULL
);
