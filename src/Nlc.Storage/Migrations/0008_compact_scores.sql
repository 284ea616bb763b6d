-- A compact copy of each stored score snapshot for the peer-statistics read: the numbers only, in the snapshot's own
-- (rubric) order, as "overall|pillar,pillar,...|practice,practice,..." with an empty field for a missing score. Reading
-- thousands of these is a split and a number parse per value instead of a JSON parse per row. The ids are not repeated:
-- every snapshot of one rubric version lists the same ids in the same order, so a reader takes them from one snapshot.
-- Existing rows are converted here from their JSON, each number kept as the JSON wrote it (so it parses to the same value).
ALTER TABLE assessment_scores ADD COLUMN score_values TEXT;

UPDATE assessment_scores SET score_values =
    (CASE json_type(scores, '$.overall') WHEN 'null' THEN '' ELSE scores -> '$.overall' END)
    || '|' || coalesce((SELECT group_concat(CASE j.type WHEN 'null' THEN '' ELSE assessment_scores.scores -> j.fullkey END, ',' ORDER BY j.id)
                        FROM json_each(assessment_scores.scores, '$.pillars') j), '')
    || '|' || coalesce((SELECT group_concat(CASE j.type WHEN 'null' THEN '' ELSE assessment_scores.scores -> j.fullkey END, ',' ORDER BY j.id)
                        FROM json_each(assessment_scores.scores, '$.practices') j), '');
