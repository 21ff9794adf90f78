-- One tile of the activities layer at zoom 12 and above: every activity as a point (of the year and types asked for,
-- which TileRepository writes in place of the filter comment).
with bounds as (
    select ST_TileEnvelope(:z, :x, :y) as env, ST_Transform(ST_TileEnvelope(:z, :x, :y), 4326) as env4326
)
select ST_AsMVT(t, 'activities', 4096, 'geom') as tile
from (select ST_AsMVTGeom(ST_Transform(a.location, 3857), b.env, 4096, 64, true) as geom,
             a.id, a.name, a.type, a.status, a.fiscal_year::integer as fiscal_year, a.budget_idr, a.disbursed_idr,
             a.physical_progress::float8 as physical_progress, 1 as count, false as cluster
      from activity a cross join bounds b
      where a.location && b.env4326 /*filter*/) t
where t.geom is not null
