-- criterion percentages outside 0-100 (guaranteed by a check constraint of assessment_score)
select c.assessment_id || '/' || c.criterion as id, c.percentage || ' %' as reason
from assessment_score c
where c.percentage not between 0 and 100
