-- allocations whose funded activities (activity.allocation_id) cost more of the grant (cost_bpm_idr) than the
-- allocation's ceiling, unless the allocation is flagged over_ceiling_ok
select l.id, 'activities cost ' || sum(a.cost_bpm_idr) || ' IDR of the grant, ceiling ' || l.ceiling_idr || ' IDR' as reason
from allocation l
join activity a on a.allocation_id = l.id
where not l.over_ceiling_ok
group by l.id, l.ceiling_idr
having sum(a.cost_bpm_idr) > l.ceiling_idr
