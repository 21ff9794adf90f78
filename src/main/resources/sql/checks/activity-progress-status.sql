-- activities whose physical progress contradicts their status: completed is 100 % (also a check constraint of
-- activity), planned is 0 %; ongoing and cancelled may be anything
select a.id, a.status || ' at ' || a.physical_progress || ' %' as reason
from activity a
where (a.status = 'completed' and a.physical_progress <> 100) or (a.status = 'planned' and a.physical_progress <> 0)
