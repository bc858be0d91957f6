-- +goose Up
-- What caches depend on (package db, "Versions"): a counter per topic
-- ('org.tree', 'report.catalogue', 'report.values'), raised in the same
-- transaction as every write that changes what the topic covers, so that
-- each server can tell with one read whether what it keeps is current.
CREATE TABLE data_versions (
    topic   TEXT    PRIMARY KEY,
    version BIGINT NOT NULL
);

-- The same per unit and period for reports (package report): a write to a
-- report raises the counter of every unit whose roll-up it can change
-- (each unit the report's unit ever sat under, and those of the units it
-- passed into), for the report's period, so that a dashboard computed
-- before is recomputed and the others stay cached.
CREATE TABLE report_versions (
    unit_id BIGINT NOT NULL REFERENCES units (id),
    period  TEXT    NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (unit_id, period)
);

-- +goose Down
DROP TABLE report_versions;
DROP TABLE data_versions;
