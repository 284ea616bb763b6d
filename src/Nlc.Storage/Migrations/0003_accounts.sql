-- People who sign in to the web pages. An account is created by an invitation (without a password) and gets its
-- password when the invited person opens the link. The security stamp changes whenever existing sign-ins must end
-- (a new password, a reset, a disable), so a cookie carrying an older stamp is refused.
CREATE TABLE accounts (
    id               TEXT PRIMARY KEY,
    email            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name     TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('admin', 'hub', 'city', 'partner')),
    city_ids         TEXT NOT NULL DEFAULT '[]',
    password_hash    TEXT,                       -- ASP.NET Core PasswordHasher output; NULL until set from an invitation
    failed_sign_ins  INTEGER NOT NULL DEFAULT 0,
    locked_until     TEXT,
    disabled_at      TEXT,
    security_stamp   TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

-- One-time links to set an account's password. Only the SHA-256 of the token is kept; a link expires and is used once.
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

-- The ASP.NET Core data-protection key ring (the keys that protect sign-in cookies), so a restart keeps people signed in.
CREATE TABLE data_protection_keys (
    name        TEXT PRIMARY KEY,
    xml         TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
