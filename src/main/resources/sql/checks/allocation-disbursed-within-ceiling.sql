-- allocations whose disbursed tranches (disbursement rows with status disbursed) add up to more than the
-- ceiling, unless the allocation is flagged over_ceiling_ok
select l.id, 'disbursed ' || t.disbursed_idr || ' IDR, ceiling ' || l.ceiling_idr || ' IDR' as reason
from allocation l
join (select d.allocation_id, sum(d.amount_idr) as disbursed_idr
      from disbursement d where d.status = 'disbursed' group by d.allocation_id) t on t.allocation_id = l.id
where not l.over_ceiling_ok and t.disbursed_idr > l.ceiling_idr
