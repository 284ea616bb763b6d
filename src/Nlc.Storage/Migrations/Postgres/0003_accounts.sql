-- PostgreSQL port of Migrations/0003_accounts.sql. Emails are unique and compared ignoring case (the nocase collation of 0001).
CREATE TABLE accounts (
    id               TEXT PRIMARY KEY,
    email            TEXT COLLATE nocase NOT NULL UNIQUE,
    display_name     TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('admin', 'hub', 'city', 'partner')),
    city_ids         TEXT NOT NULL DEFAULT '[]',
    password_hash    TEXT,
    failed_sign_ins  BIGINT NOT NULL DEFAULT 0,
    locked_until     TEXT,
    disabled_at      TEXT,
    security_stamp   TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE invitations (
    id          TEXT PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
CREATE INDEX ix_invitations_account ON invitations (account_id);

CREATE TABLE data_protection_keys (
    name        TEXT PRIMARY KEY,
    xml         TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
