-- Partner sync: a change sequence on assessments, and webhooks with their outbox and delivery log.

-- Every write to an assessment takes the next number of one sequence, inside its write transaction. Writes are
-- serialised (one writer), so numbers commit in order: a partner that resumes after the last number it saw misses
-- nothing, whatever the clocks say. ever_validated remembers that partners once saw it, so its withdrawal is listed.
ALTER TABLE assessments ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assessments ADD COLUMN ever_validated INTEGER NOT NULL DEFAULT 0;
UPDATE assessments SET ever_validated = 1 WHERE status = 'validated' OR validated_at IS NOT NULL;
UPDATE assessments SET change_seq = (
    SELECT count(*) FROM assessments AS earlier
    WHERE earlier.updated_at < assessments.updated_at OR (earlier.updated_at = assessments.updated_at AND earlier.id <= assessments.id));
CREATE UNIQUE INDEX ux_assessments_change_seq ON assessments (change_seq);

-- An endpoint a partner's platform receives events at, registered by an admin for one API key: deliveries carry only
-- what that key may read. The secret signs deliveries (Standard Webhooks) and is shown once, when registered.
CREATE TABLE webhook_endpoints (
    id              TEXT PRIMARY KEY,
    key_id          TEXT NOT NULL REFERENCES api_keys (id),
    url             TEXT NOT NULL,
    events          TEXT NOT NULL,          -- JSON array of event types
    secret          TEXT NOT NULL,          -- "whsec_" and base64
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    failing_since   TEXT,                   -- the first failed attempt since the last success
    disabled_at     TEXT,
    disabled_reason TEXT
);

-- The outbox: one row per event and endpoint, written in the transaction of the change that caused it, and the
-- delivery's state. The body is fixed when written, so every retry carries the same id and body.
CREATE TABLE webhook_deliveries (
    id               TEXT PRIMARY KEY,      -- "msg_…", the webhook-id header
    endpoint_id      TEXT NOT NULL REFERENCES webhook_endpoints (id),
    event            TEXT NOT NULL,
    resource_id      TEXT NOT NULL,
    resource_version INTEGER NOT NULL,
    body             TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    delivered_at     TEXT,
    abandoned_at     TEXT                   -- the endpoint was disabled before it was delivered
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (delivered_at, abandoned_at, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at);

-- The delivery log: every attempt, its answer or error.
CREATE TABLE webhook_attempts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id  TEXT NOT NULL REFERENCES webhook_deliveries (id),
    endpoint_id  TEXT NOT NULL REFERENCES webhook_endpoints (id),
    attempt      INTEGER NOT NULL,
    at           TEXT NOT NULL,
    status_code  INTEGER,
    error        TEXT,
    succeeded    INTEGER NOT NULL
);
CREATE INDEX ix_webhook_attempts_endpoint ON webhook_attempts (endpoint_id, id);
