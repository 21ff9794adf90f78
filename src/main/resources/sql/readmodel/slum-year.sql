-- Slum areas per primary village (the first village they span) and year, as they stood at the end of that
-- year (year 0: their latest state). An area counts from its first assessment (the baseline) on; an area never
-- assessed counts in every year, as slum ("unassessed"). Official reduction: area whose level is now tidak
-- kumuh. Weighted reduction: area times the fall of the mean criterion percentage since baseline (0..1).
-- {{...}}: a condition of an incremental refresh ($1: the villages that changed); a full one reads true.
with bounds as (select * from kotaku_slum_years()),
changed as (select id from slum_area s where {{s.village_codes[1] = any ($1)}}),
last_in_year as (
    select distinct on (slum_area_id, year) slum_area_id, year, level, mean_pct
    from assessment
    where {{slum_area_id = any (array(select id from changed))}}
    order by slum_area_id, year, array_position(array['baseline', 'sk', 'r0', 'final'], kind) desc),
spans as (
    select slum_area_id, year, level, mean_pct,
           lead(year) over (partition by slum_area_id order by year) as next_year,
           first_value(mean_pct) over (partition by slum_area_id order by year) as base_pct
    from last_in_year),
state as (
    select slum_area_id, g.year, level, mean_pct, base_pct
    from spans, bounds, generate_series(spans.year::int, coalesce(spans.next_year - 1, bounds.last_year)) as g(year)
    union all
    select slum_area_id, 0, level, mean_pct, base_pct from spans where next_year is null),
counted as (
    select s.village_codes[1] as village, st.year, s.area_ha, st.level, st.mean_pct, st.base_pct
    from slum_area s join state st on st.slum_area_id = s.id
    where {{s.id = any (array(select id from changed))}}
    union all
    select s.village_codes[1], g.year, s.area_ha, null, null, null
    from slum_area s, bounds, generate_series(bounds.first_year, bounds.last_year) as g(year)
    where not exists (select 1 from assessment a where a.slum_area_id = s.id)
      and {{s.id = any (array(select id from changed))}}
    union all
    select s.village_codes[1], 0, s.area_ha, null, null, null
    from slum_area s
    where not exists (select 1 from assessment a where a.slum_area_id = s.id)
      and {{s.id = any (array(select id from changed))}})
select village, year,
       array_to_string(array[count(*),
             round(sum(area_ha) * 100),
             round(coalesce(sum(area_ha) filter (where level is distinct from 'tidak_kumuh'), 0) * 100),
             round(coalesce(sum(area_ha * least(1, greatest(0, (base_pct - mean_pct) / nullif(base_pct, 0)))), 0) * 100),
             count(*) filter (where level = 'berat'), count(*) filter (where level = 'sedang'),
             count(*) filter (where level = 'ringan'), count(*) filter (where level = 'tidak_kumuh'),
             count(*) filter (where level is null)]::bigint[], ',', '') as figures
from counted
group by village, year
