-- assessments whose stored level is not the level band of their regulation that holds the sum of their criterion
-- scores (the same band lookup as the slum explanation, slum/SlumExplanationRepository)
select a.id, 'level ' || a.level || ', band of total ' || coalesce(s.total, 0) || ' is '
       || coalesce(b.level, 'none') as reason
from assessment a
left join (select c.assessment_id, sum(c.score) as total from assessment_score c group by c.assessment_id) s
    on s.assessment_id = a.id
left join level_band b on b.regulation = a.regulation and coalesce(s.total, 0) between b.min_score and b.max_score
where b.level is distinct from a.level
