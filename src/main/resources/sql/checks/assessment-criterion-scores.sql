-- criterion scores that are not the score band of their percentage under the assessment's regulation (the highest
-- band whose lower bound the percentage reaches, as ingest/SlumScoring scores)
select c.assessment_id || '/' || c.criterion as id, 'score ' || c.score || ' at ' || c.percentage || ' %, band '
       || coalesce(b.score::text, 'none') as reason
from assessment_score c
left join lateral (select max(sb.score) as score from score_band sb
                   where sb.regulation = c.regulation and c.percentage >= sb.min_pct) b on true
where b.score is distinct from c.score
