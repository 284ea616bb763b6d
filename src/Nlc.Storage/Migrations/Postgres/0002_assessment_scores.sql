-- PostgreSQL port of Migrations/0002_assessment_scores.sql, plus what several server processes need to cache peer
-- statistics: a counter bumped in the same transaction as any change to the rows those statistics are read from.
CREATE TABLE assessment_scores (
    assessment_id   TEXT PRIMARY KEY REFERENCES assessments (id),
    city_id         TEXT NOT NULL REFERENCES cities (id),
    rubric_id       TEXT NOT NULL,
    rubric_version  TEXT NOT NULL,
    period          TEXT NOT NULL,
    scores          TEXT NOT NULL,
    computed_at     TEXT NOT NULL
);
CREATE INDEX ix_assessment_scores_group ON assessment_scores (rubric_id, period);

-- Read by PostgresDatabase.WriteGenerationAsync: a reader caches what it read until this value changes.
CREATE TABLE write_generation (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    value  BIGINT NOT NULL
);
INSERT INTO write_generation (id, value) VALUES (1, 0);

CREATE FUNCTION bump_write_generation() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN UPDATE write_generation SET value = value + 1 WHERE id = 1; RETURN NULL; END $$;
-- A new city has no scores yet; any change to a city or to stored scores may change a peer group.
CREATE TRIGGER cities_bump_generation AFTER UPDATE OR DELETE ON cities FOR EACH ROW EXECUTE FUNCTION bump_write_generation();
CREATE TRIGGER assessment_scores_bump_generation AFTER INSERT OR UPDATE OR DELETE ON assessment_scores
    FOR EACH ROW EXECUTE FUNCTION bump_write_generation();
