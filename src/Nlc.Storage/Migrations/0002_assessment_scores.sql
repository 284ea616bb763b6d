-- The scores of every validated assessment, computed once when it is validated (a validated assessment cannot change),
-- so benchmarks read one row per city instead of rescoring every answer. A row exists only while its assessment is
-- validated; the assessment's city, rubric and period are repeated here so a peer group is one indexed range.
CREATE TABLE assessment_scores (
    assessment_id   TEXT PRIMARY KEY REFERENCES assessments (id),
    city_id         TEXT NOT NULL REFERENCES cities (id),
    rubric_id       TEXT NOT NULL,
    rubric_version  TEXT NOT NULL,
    period          TEXT NOT NULL,
    scores          TEXT NOT NULL,   -- JSON: {"overall": n|null, "pillars": {id: n|null}, "practices": {id: n|null}}
    computed_at     TEXT NOT NULL
);
CREATE INDEX ix_assessment_scores_group ON assessment_scores (rubric_id, period);
