-- Cities, rubrics, assessments, answers, targets, API keys and the append-only audit log.

CREATE TABLE cities (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    country      TEXT NOT NULL,          -- ISO 3166-1 alpha-2
    region       TEXT,
    population   INTEGER,
    tags         TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_cities_country ON cities (country);

-- Every rubric version ever used, with its text, so an old assessment always rescores against its own version.
CREATE TABLE rubrics (
    rubric_id     TEXT NOT NULL,
    version       TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    content       TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    PRIMARY KEY (rubric_id, version)
);

CREATE TABLE assessments (
    id              TEXT PRIMARY KEY,
    city_id         TEXT NOT NULL REFERENCES cities (id),
    rubric_id       TEXT NOT NULL,
    rubric_version  TEXT NOT NULL,
    period          TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'validated')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    submitted_at    TEXT,
    validated_at    TEXT,
    row_version     INTEGER NOT NULL DEFAULT 1,
    FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubrics (rubric_id, version),
    UNIQUE (city_id, rubric_id, period)
);
CREATE INDEX ix_assessments_city ON assessments (city_id, period);

CREATE TABLE answers (
    assessment_id  TEXT NOT NULL REFERENCES assessments (id),
    indicator_id   TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('level', 'notApplicable', 'dontKnow')),
    level          INTEGER CHECK ((kind = 'level') = (level IS NOT NULL)),
    reason         TEXT CHECK (kind <> 'notApplicable' OR length(trim(reason)) > 0),
    note           TEXT,
    evidence       TEXT NOT NULL DEFAULT '[]', -- JSON array of links or references
    answered_by    TEXT NOT NULL,
    answered_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, indicator_id)
);

CREATE TABLE targets (
    city_id        TEXT NOT NULL REFERENCES cities (id),
    rubric_id      TEXT NOT NULL,
    indicator_id   TEXT NOT NULL,
    target_level   INTEGER NOT NULL,
    target_period  TEXT NOT NULL,
    set_by         TEXT NOT NULL,
    set_at         TEXT NOT NULL,
    PRIMARY KEY (city_id, rubric_id, indicator_id)
);

CREATE TABLE api_keys (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'hub', 'city', 'partner')),
    key_hash    TEXT NOT NULL UNIQUE,   -- SHA-256 of the key; the key itself is never stored
    city_ids    TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,          -- API key id, or 'system'
    action       TEXT NOT NULL,
    entity_type  TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    city_id      TEXT,
    before       TEXT,                   -- JSON, null when created
    after        TEXT                    -- JSON, null when removed
);
CREATE INDEX ix_audit_entity ON audit_log (entity_type, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
