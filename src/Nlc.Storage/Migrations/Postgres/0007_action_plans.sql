-- PostgreSQL port of Migrations/0007_action_plans.sql (INTEGER as BIGINT).
-- Action plans: one per city (created with its first action), versioned as a whole so that every write to any of its
-- actions carries the version it was made from. Actions keep their targets, partners and progress notes as JSON text.
CREATE TABLE action_plans (
    city_id      TEXT PRIMARY KEY REFERENCES cities (id),
    rubric_id    TEXT NOT NULL,
    published    BIGINT  NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    updated_at   TEXT NOT NULL,
    row_version  BIGINT  NOT NULL
);

CREATE TABLE plan_actions (
    id           TEXT PRIMARY KEY,
    city_id      TEXT NOT NULL REFERENCES action_plans (city_id),
    position     BIGINT  NOT NULL,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    targets      TEXT NOT NULL,           -- JSON: [{"practiceId", "indicatorId", "targetLevel"}]
    responsible  TEXT NOT NULL,
    partners     TEXT NOT NULL,           -- JSON array of names
    start_date   TEXT,                    -- yyyy-MM-dd
    due_date     TEXT,
    status       TEXT NOT NULL CHECK (status IN ('planned', 'inProgress', 'done', 'dropped')),
    drop_reason  TEXT CHECK ((status = 'dropped') = (drop_reason IS NOT NULL)),
    notes        TEXT NOT NULL            -- JSON: [{"date", "text"}], oldest first
);
CREATE INDEX ix_plan_actions_city ON plan_actions (city_id, position);

-- Case notes on a practice (Challenge, Approach, Impact, a contact role): written by a city, published after the hub approves.
CREATE TABLE case_notes (
    id             TEXT PRIMARY KEY,
    city_id        TEXT NOT NULL REFERENCES cities (id),
    rubric_id      TEXT NOT NULL,
    practice_id    TEXT NOT NULL,
    title          TEXT NOT NULL,
    challenge      TEXT NOT NULL,
    approach       TEXT NOT NULL,
    impact         TEXT NOT NULL,
    contact_role   TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'returned')),
    return_reason  TEXT,
    updated_at     TEXT NOT NULL,
    published_at   TEXT,
    row_version    BIGINT  NOT NULL
);
CREATE INDEX ix_case_notes_practice ON case_notes (status, practice_id);
CREATE INDEX ix_case_notes_city ON case_notes (city_id);

-- Consent to be contacted by peers, per city per practice (opt-in: no row means no consent), and the languages for an exchange.
CREATE TABLE contact_consents (
    city_id      TEXT PRIMARY KEY REFERENCES cities (id),
    practice_ids TEXT NOT NULL,           -- JSON array of practice ids
    languages    TEXT NOT NULL,           -- JSON array of language tags
    updated_at   TEXT NOT NULL
);
