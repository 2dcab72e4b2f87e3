-- check_validations_table.sql: the `validations` table, for a store made before it existed.
-- Why: GX results are kept per run so data-quality history is plain SQL; schema.sql creates
-- it too, but the checkpoint may be given a bare DuckDB connection.
CREATE TABLE IF NOT EXISTS validations (
    run_id VARCHAR NOT NULL, expectation VARCHAR NOT NULL, column_name VARCHAR,
    success BOOLEAN NOT NULL, unexpected_count INTEGER, result_json VARCHAR
);
