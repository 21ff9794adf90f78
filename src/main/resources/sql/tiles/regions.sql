-- One tile of the regions layer: the regions of one level (provinces at low zoom, regencies from zoom 6) with
-- generalised outlines (label points where no boundary is known) and their choropleth metrics, computed from the
-- canonical tables for the regions in the tile only. %1$d is the code length of the level (2 or 5), %2$s the
-- expression giving a slum area's region code at that level; both are constants of TileRepository.
with bounds as (
    select ST_TileEnvelope(:z, :x, :y) as env,
           -- the buffered envelope, clipped to the world first: beyond the antimeridian it would wrap around
           ST_Transform(ST_Intersection(ST_TileEnvelope(:z, :x, :y, margin => 0.015625),
                                        ST_TileEnvelope(0, 0, 0)), 4326) as env4326
),
regions as (
    select r.code, r.name, r.type, r.level,
           coalesce(case when :z <= 5 then r.tile_geom_low
                         when :z <= 9 then r.tile_geom_mid
                         else r.tile_geom_high end,
                    ST_Transform(r.label_point, 3857)) as g
    from region r cross join bounds b
    where r.level = :level
      and (r.geom && b.env4326 or (r.geom is null and r.label_point && b.env4326))
),
money as (
    select left(al.village_code, %1$d) as code, sum(al.ceiling_idr) as planned_idr, sum(d.disbursed) as disbursed_idr
    from allocation al
    left join lateral (select sum(ds.amount_idr) as disbursed from disbursement ds
                       where ds.allocation_id = al.id and ds.status = 'disbursed') d on true
    where left(al.village_code, %1$d) in (select code from regions)
    group by 1
),
slum as (
    select %2$s as code, sum(s.area_ha) as baseline_ha,
           coalesce(sum(s.area_ha) filter (where l.level = 'tidak_kumuh'), 0) as reduced_ha
    from slum_area s
    left join lateral (select a.level from assessment a where a.slum_area_id = s.id
                       order by a.year desc, a.kind desc limit 1) l on true
    where %2$s in (select code from regions)
    group by 1
),
-- materialized, so that each outline is clipped once (not again for the "is not null" filter)
tiled as materialized (
      select ST_AsMVTGeom(r.g, b.env, 4096, 64, true) as geom, r.code, r.name, r.type, r.level,
             coalesce(m.planned_idr, 0)::bigint as planned_idr,
             coalesce(m.disbursed_idr, 0)::bigint as disbursed_idr,
             round(coalesce(m.disbursed_idr, 0) / nullif(m.planned_idr, 0), 4)::float8 as disbursement_rate,
             coalesce(s.baseline_ha, 0)::float8 as slum_baseline_ha,
             coalesce(s.reduced_ha, 0)::float8 as slum_reduced_ha,
             round(100 * s.reduced_ha / nullif(s.baseline_ha, 0), 1)::float8 as slum_reduced_pct
      from regions r cross join bounds b
      left join money m on m.code = r.code
      left join slum s on s.code = r.code
)
select ST_AsMVT(t, 'regions', 4096, 'geom') as tile from tiled t where t.geom is not null
