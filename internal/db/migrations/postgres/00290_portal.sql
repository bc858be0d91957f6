-- +goose Up
-- The public portal (package portal): one news site per unit, its
-- articles with every version kept, images in the sizes pages need,
-- reader feedback held for moderation, and the stamp that tells every
-- server when its cached pages are stale.
-- Timestamps are TEXT in fixed-width RFC 3339 UTC; days TEXT
-- 'YYYY-MM-DD'. Folded columns hold vntext.Fold keys.

-- A unit's site: its path segment (slug), optionally the host name a
-- reverse proxy serves it under, its names and contact points (what
-- Nghị định 42/2022 asks a portal to show, with an English page).
CREATE TABLE portal_sites (
    id         BIGSERIAL PRIMARY KEY,
    unit_id    BIGINT  NOT NULL UNIQUE REFERENCES units (id),
    slug       TEXT    NOT NULL UNIQUE,
    host       TEXT    UNIQUE,
    name       TEXT    NOT NULL,
    name_en    TEXT    NOT NULL DEFAULT '',
    tagline    TEXT    NOT NULL DEFAULT '',
    address    TEXT    NOT NULL DEFAULT '',
    phone      TEXT    NOT NULL DEFAULT '',
    email      TEXT    NOT NULL DEFAULT '',
    editor     TEXT    NOT NULL DEFAULT '',
    about      TEXT    NOT NULL DEFAULT '',
    about_en   TEXT    NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);

-- An article. status is the editorial state; a published article is
-- shown from publish_at on (a later publish_at is a scheduled one). body
-- is sanitized HTML. record_kind/record_id name the record it is about.
CREATE TABLE portal_articles (
    id           BIGSERIAL PRIMARY KEY,
    site_id      BIGINT  NOT NULL REFERENCES portal_sites (id),
    slug         TEXT    NOT NULL,
    category     TEXT    NOT NULL CHECK (category IN ('news', 'model', 'qa')),
    status       TEXT    NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'unpublished')),
    headline     TEXT    NOT NULL,
    lead         TEXT    NOT NULL DEFAULT '',
    body         TEXT    NOT NULL DEFAULT '',
    tags         TEXT    NOT NULL DEFAULT '',
    search_fold  TEXT    NOT NULL DEFAULT '',
    image_id     BIGINT,
    record_kind  TEXT    NOT NULL DEFAULT '',
    record_id    BIGINT,
    publish_at   TEXT,
    author_id    BIGINT  NOT NULL,
    views        INTEGER NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    UNIQUE (site_id, slug)
);
CREATE INDEX portal_articles_public ON portal_articles (site_id, status, publish_at);
CREATE INDEX portal_articles_feed ON portal_articles (status, publish_at);
CREATE INDEX portal_articles_record ON portal_articles (record_kind, record_id);

-- Every version of an article, with the action that made it.
CREATE TABLE portal_article_versions (
    id         BIGSERIAL PRIMARY KEY,
    article_id BIGINT  NOT NULL REFERENCES portal_articles (id),
    version    INTEGER NOT NULL,
    action     TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    category   TEXT    NOT NULL,
    headline   TEXT    NOT NULL,
    lead       TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    tags       TEXT    NOT NULL,
    publish_at TEXT,
    note       TEXT    NOT NULL DEFAULT '',
    changed_by BIGINT  NOT NULL,
    created_at TEXT    NOT NULL,
    UNIQUE (article_id, version)
);

-- An article's tags, by their URL form.
CREATE TABLE portal_article_tags (
    article_id BIGINT  NOT NULL REFERENCES portal_articles (id),
    slug       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    PRIMARY KEY (article_id, slug)
);
CREATE INDEX portal_article_tags_slug ON portal_article_tags (slug);

-- An image, stored re-encoded (no EXIF) at each width in widths under
-- key_base-<width>.jpg. A row is 'pending' until its files are stored.
CREATE TABLE portal_images (
    id         BIGSERIAL PRIMARY KEY,
    site_id    BIGINT  NOT NULL REFERENCES portal_sites (id),
    article_id BIGINT  REFERENCES portal_articles (id),
    state      TEXT    NOT NULL CHECK (state IN ('pending', 'ready')),
    key_base   TEXT    NOT NULL UNIQUE,
    widths     TEXT    NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    alt        TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL
);
CREATE INDEX portal_images_article ON portal_images (article_id, state);

-- Reader feedback (and questions for "Hỏi – đáp"), held until a
-- moderator approves or rejects it. addr_hash is a keyed hash of the
-- sender's address, for the hourly limit; flags the words it was flagged for.
CREATE TABLE portal_feedback (
    id           BIGSERIAL PRIMARY KEY,
    site_id      BIGINT  NOT NULL REFERENCES portal_sites (id),
    article_id   BIGINT  REFERENCES portal_articles (id),
    name         TEXT    NOT NULL,
    email        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    addr_hash    TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    flags        TEXT    NOT NULL DEFAULT '',
    reply        TEXT    NOT NULL DEFAULT '',
    moderated_by BIGINT,
    moderated_at TEXT,
    created_at   TEXT    NOT NULL
);
CREATE INDEX portal_feedback_queue ON portal_feedback (site_id, status, created_at);
CREATE INDEX portal_feedback_addr ON portal_feedback (addr_hash, created_at);

-- What changes a site's public pages bumps its stamp (and site 0's, the
-- national front page's): every server compares the stamp with the one
-- its cached pages were made at.
CREATE TABLE portal_stamps (
    site_id    BIGINT  PRIMARY KEY,
    stamp      BIGINT  NOT NULL,
    changed_at TEXT    NOT NULL
);

-- Keys the servers share: the key that hashes senders' addresses.
CREATE TABLE portal_keys (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- +goose Down
DROP TABLE portal_keys;
DROP TABLE portal_stamps;
DROP TABLE portal_feedback;
DROP TABLE portal_images;
DROP TABLE portal_article_tags;
DROP TABLE portal_article_versions;
DROP TABLE portal_articles;
DROP TABLE portal_sites;
