-- Activities by type and output unit: per regency and fiscal year, and per district over all years, from the
-- activity table summed per village, year, type and unit by the ingestion (activity_rollup, migration V55). The
-- application rolls regencies up to provinces and the nation. figures: count, completed, budget, disbursed,
-- output volume x 100.
-- {{...}}: a condition of an incremental refresh ($1: the regencies that changed); a full one reads true.
select grouping(fiscal_year) = 1 as all_years,
       coalesce(left(village_code, 5), left(village_code, 8)) as region, fiscal_year as year, type, output_unit as unit,
       array_to_string(array[sum(activities), sum(completed), sum(budget_idr), sum(disbursed_idr),
             round(coalesce(sum(output_volume), 0) * 100)]::bigint[], ',', '') as figures
from activity_rollup
-- (the villages of the regencies through region's index, so that the rollup's index finds their rows)
where {{village_code = any (array(select code from region where level = 4 and left(code, 5) = any ($1)))}}
group by grouping sets ((left(village_code, 5), fiscal_year, type, output_unit),
                        (left(village_code, 8), type, output_unit))
