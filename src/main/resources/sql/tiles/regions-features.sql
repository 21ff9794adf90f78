-- The features of a regions tile, after the "bounds" of regions.sql and the "candidates" of regions-by-zoom.sql or
-- regions-listed.sql: each region in the tile with its generalised outline (its place where no boundary is known) and
-- its choropleth metrics, computed once per data version from the read model (RegionMetrics) and bound as arrays
-- (:codes, :planned, ...; a region without figures has no row; baseline -1: no slum areas).
regions as (
    select r.code, r.name, r.type, r.level,
           coalesce(case when :z <= 5 then r.tile_geom_low
                         when :z <= 9 then r.tile_geom_mid
                         else r.tile_geom_high end,
                    ST_Transform(c.place, 3857)) as g
    from candidates c join region r on r.code = c.code cross join bounds b
    where r.geom && b.env4326 or (r.geom is null and c.place && b.env4326)
),
metrics as (
    select * from unnest(:codes::text[], :planned::bigint[], :disbursed::bigint[], :baseline::numeric[],
                         :reduced::numeric[]) as m(code, planned_idr, disbursed_idr, baseline_ha, reduced_ha)
),
-- materialized, so that each outline is clipped once (not again for the "is not null" filter)
tiled as materialized (
      select ST_AsMVTGeom(r.g, b.env, 4096, 64, true) as geom, r.code, r.name, r.type, r.level,
             -- a region the program reported nothing for has has_data false and no metric at all (a null is left
             -- out of the feature), so that a map or GIS user never reads a silent 0; slum figures are absent
             -- where the region has no slum areas
             m.code is not null as has_data,
             m.planned_idr::bigint as planned_idr,
             m.disbursed_idr::bigint as disbursed_idr,
             round(m.disbursed_idr::numeric / nullif(m.planned_idr, 0), 4)::float8 as disbursement_rate,
             nullif(m.baseline_ha, -1)::float8 as slum_baseline_ha,
             case when m.baseline_ha <> -1 then m.reduced_ha end::float8 as slum_reduced_ha,
             round(100 * m.reduced_ha / nullif(nullif(m.baseline_ha, -1), 0), 1)::float8 as slum_reduced_pct
      from regions r cross join bounds b
      left join metrics m on m.code = r.code
)
select ST_AsMVT(t, 'regions', 4096, 'geom') as tile from tiled t where t.geom is not null
