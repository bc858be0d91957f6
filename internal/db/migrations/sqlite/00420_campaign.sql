-- +goose Up
-- Campaigns and funds (package campaign): a campaign (cuộc vận động)
-- or fund run by a unit for a period with a target, the units taking
-- part, and the money and in-kind contributions each unit reports per
-- period, with the households helped where the campaign counts them.
-- Contributions roll up the hierarchy as report values do.
CREATE TABLE campaigns (
    id                INTEGER PRIMARY KEY,
    unit_id           INTEGER NOT NULL REFERENCES units (id),
    kind              TEXT    NOT NULL CHECK (kind IN ('poor', 'new_rural', 'ocop', 'local')),
    name              TEXT    NOT NULL,
    name_fold         TEXT    NOT NULL,
    starts_on         TEXT    NOT NULL,
    ends_on           TEXT,
    target            INTEGER NOT NULL DEFAULT 0,
    counts_households INTEGER NOT NULL DEFAULT 0,
    description       TEXT    NOT NULL DEFAULT '',
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT    NOT NULL
);
CREATE INDEX campaigns_unit ON campaigns (unit_id, starts_on);

CREATE TABLE campaign_units (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    PRIMARY KEY (campaign_id, unit_id)
);

-- One row per campaign, unit and period; money and in-kind value in đồng.
CREATE TABLE campaign_contributions (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id),
    unit_id      INTEGER NOT NULL REFERENCES units (id),
    period       TEXT    NOT NULL,
    period_start TEXT    NOT NULL,
    period_end   TEXT    NOT NULL,
    money        INTEGER NOT NULL DEFAULT 0,
    in_kind      INTEGER NOT NULL DEFAULT 0,
    households   INTEGER NOT NULL DEFAULT 0,
    note         TEXT    NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT    NOT NULL,
    UNIQUE (campaign_id, unit_id, period)
);
-- Covers a roll-up: the unit's rows of one campaign with their period
-- and figures, read without visiting the table.
CREATE INDEX campaign_contributions_rollup ON campaign_contributions
    (unit_id, campaign_id, period_end, period_start, money, in_kind, households);

-- +goose Down
DROP TABLE campaign_contributions;
DROP TABLE campaign_units;
DROP TABLE campaigns;
