-- assessments whose stored total score is not the sum of their criterion scores
select a.id, 'total ' || a.total_score || ', criterion scores add up to ' || coalesce(s.total, 0) as reason
from assessment a
left join (select c.assessment_id, sum(c.score) as total from assessment_score c group by c.assessment_id) s
    on s.assessment_id = a.id
where a.total_score <> coalesce(s.total, 0)
