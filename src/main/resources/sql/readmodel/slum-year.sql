-- Slum areas per primary village (the first village they span) and year, as they stood at the end of that
-- year (year 0: their latest state). An area counts from its first assessment (the baseline) on; an area never
-- assessed counts in every year, as slum ("unassessed"). Official reduction: area whose level is now tidak
-- kumuh. Weighted reduction: area times the fall of the mean criterion percentage since baseline (0..1).
with bounds as (
    select least(min(first_year), (select min(fiscal_year) from activity))::int as first_year,
           greatest(max(last_year), (select max(fiscal_year) from activity))::int as last_year
    from (select min(year) as first_year, max(year) as last_year from assessment) a),
last_in_year as (
    select distinct on (slum_area_id, year) slum_area_id, year, level, mean_pct
    from assessment
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
    union all
    select s.village_codes[1], g.year, s.area_ha, null, null, null
    from slum_area s, bounds, generate_series(bounds.first_year, bounds.last_year) as g(year)
    where not exists (select 1 from assessment a where a.slum_area_id = s.id)
    union all
    select s.village_codes[1], 0, s.area_ha, null, null, null
    from slum_area s
    where not exists (select 1 from assessment a where a.slum_area_id = s.id))
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
