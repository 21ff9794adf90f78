-- Activities by type of one village, or of the villages of one district, in one fiscal year or over all of them
-- (:year = 0): the breakdown the read model does not keep (it holds types down to regencies, and districts over all
-- years only). From the rollup the ingestion keeps per village, year, type and output unit (migration V55); the
-- villages through region's indexes, so that the rollup's key finds their rows. Types in code-point order, as the
-- read model lists them.
select type, sum(activities)::bigint as activities, sum(completed)::bigint as completed,
       sum(budget_idr)::bigint as budget_idr, sum(disbursed_idr)::bigint as disbursed_idr
from activity_rollup
where village_code = any (array(select code from region
                                where level = 4 and (code = :region or parent_code = :region)))
  and (:year = 0 or fiscal_year = :year)
group by type
order by type collate "C"
