-- PostgreSQL port of Migrations/0008_compact_scores.sql. json (not jsonb) keeps each number's text and the keys' order.
ALTER TABLE assessment_scores ADD COLUMN score_values TEXT;

UPDATE assessment_scores s SET score_values =
    coalesce(s.scores::json ->> 'overall', '')
    || '|' || coalesce((SELECT string_agg(coalesce(j.value, ''), ',' ORDER BY j.n)
                        FROM json_each_text(s.scores::json -> 'pillars') WITH ORDINALITY AS j(key, value, n)), '')
    || '|' || coalesce((SELECT string_agg(coalesce(j.value, ''), ',' ORDER BY j.n)
                        FROM json_each_text(s.scores::json -> 'practices') WITH ORDINALITY AS j(key, value, n)), '');
