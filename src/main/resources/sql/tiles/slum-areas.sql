-- One tile of the slum-areas layer: outlines from zoom 10, points (centroids) below it, where an area of a few
-- hectares would be smaller than a pixel; with the level of each area's latest assessment.
with bounds as (
    select ST_TileEnvelope(:z, :x, :y) as env,
           -- the buffered envelope, clipped to the world first: beyond the antimeridian it would wrap around
           ST_Transform(ST_Intersection(ST_TileEnvelope(:z, :x, :y, margin => 0.015625),
                                        ST_TileEnvelope(0, 0, 0)), 4326) as env4326
),
tiled as materialized (
      select ST_AsMVTGeom(case when :z < 10 or s.geom is null
                                    then ST_Transform(coalesce(s.centroid, ST_PointOnSurface(s.geom)), 3857)
                               else ST_Transform(s.geom, 3857) end, b.env, 4096, 64, true) as geom,
             s.id, s.name, s.regency_code, s.area_ha::float8 as area_ha, l.level, l.year::integer as level_year
      from slum_area s cross join bounds b
      left join lateral (select a.level, a.year from assessment a where a.slum_area_id = s.id
                         order by a.year desc, a.kind desc limit 1) l on true
      where s.geom && b.env4326 or (s.geom is null and s.centroid && b.env4326)
)
select ST_AsMVT(t, 'slum-areas', 4096, 'geom') as tile from tiled t where t.geom is not null
