-- The scores of every validated assessment, computed once when it is validated (a validated assessment cannot change),
-- so benchmarks read one row per city instead of rescoring every answer.
CREATE TABLE assessment_scores (
    assessment_id  TEXT PRIMARY KEY REFERENCES assessments (id),
    scores         TEXT NOT NULL,   -- JSON: {"overall": n|null, "pillars": {id: n|null}, "practices": {id: n|null}}
    computed_at    TEXT NOT NULL
);
