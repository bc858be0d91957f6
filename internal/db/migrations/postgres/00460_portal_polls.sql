-- +goose Up
-- Polls of the public portal (thăm dò ý kiến): a question with its
-- options, open until it is closed or its closing moment passes. One vote
-- per browser: voter is the random id a signed cookie carries; addr_hash
-- (a keyed hash of the address, never the address) caps the votes one
-- address may cast on a poll.
CREATE TABLE portal_polls (
    id         BIGSERIAL PRIMARY KEY,
    site_id    BIGINT  NOT NULL REFERENCES portal_sites (id),
    question   TEXT    NOT NULL,
    closes_at  TEXT,
    closed_at  TEXT,
    created_by BIGINT  NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX portal_polls_site ON portal_polls (site_id, created_at);

CREATE TABLE portal_poll_options (
    id       BIGSERIAL PRIMARY KEY,
    poll_id  BIGINT  NOT NULL REFERENCES portal_polls (id),
    position INTEGER NOT NULL,
    label    TEXT    NOT NULL,
    votes    BIGINT  NOT NULL DEFAULT 0,
    UNIQUE (poll_id, position)
);

CREATE TABLE portal_poll_votes (
    poll_id    BIGINT  NOT NULL REFERENCES portal_polls (id),
    voter      TEXT    NOT NULL,
    option_id  BIGINT  NOT NULL REFERENCES portal_poll_options (id),
    addr_hash  TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (poll_id, voter)
);
CREATE INDEX portal_poll_votes_addr ON portal_poll_votes (poll_id, addr_hash);

-- +goose Down
DROP TABLE portal_poll_votes;
DROP TABLE portal_poll_options;
DROP TABLE portal_polls;
