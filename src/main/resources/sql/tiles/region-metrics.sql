-- The choropleth metrics of every region of one level that has any, computed once per data version (TileRepository
-- keeps them per version and passes them to regions.sql): summing a province's allocations and disbursements on
-- every tile took most of a second at national scale. %1$d is the code length of the level (2 or 5), %2$s the
-- expression giving a slum area's region code at that level. A region without slum areas has a baseline of -1;
-- hectares are exact decimals, as text.
with money as (
    select left(al.village_code, %1$d) as code, sum(al.ceiling_idr) as planned_idr, sum(d.disbursed) as disbursed_idr
    from allocation al
    left join (select ds.allocation_id, sum(ds.amount_idr) as disbursed from disbursement ds
               where ds.status = 'disbursed' group by 1) d on d.allocation_id = al.id
    group by 1
),
slum as (
    select %2$s as code, sum(s.area_ha) as baseline_ha,
           coalesce(sum(s.area_ha) filter (where l.level = 'tidak_kumuh'), 0) as reduced_ha
    from slum_area s
    left join lateral (select a.level from assessment a where a.slum_area_id = s.id
                       order by a.year desc, a.kind desc limit 1) l on true
    group by 1
)
select coalesce(m.code, s.code) as code, coalesce(m.planned_idr, 0)::bigint as planned_idr,
       coalesce(m.disbursed_idr, 0)::bigint as disbursed_idr, coalesce(s.baseline_ha, -1)::text as baseline_ha,
       coalesce(s.reduced_ha, 0)::text as reduced_ha
from money m full join slum s on s.code = m.code
order by 1
