-- activities with a physical progress outside 0-100 % (guaranteed by a check constraint of activity)
select a.id, a.physical_progress || ' %' as reason
from activity a
where a.physical_progress not between 0 and 100
