-- One tile of the activities layer below zoom 12: activities aggregated on a grid of 16 x 16 cells per tile
-- (cells aligned across tiles, so a cluster belongs to exactly one tile), each cluster at the centroid of its
-- activities with their count, budget and how many are completed.
with bounds as (
    select ST_TileEnvelope(:z, :x, :y) as env, ST_Transform(ST_TileEnvelope(:z, :x, :y), 4326) as env4326,
           (ST_XMax(ST_TileEnvelope(:z, :x, :y)) - ST_XMin(ST_TileEnvelope(:z, :x, :y))) / 16 as cell
),
points as (
    select ST_Transform(a.location, 3857) as p, a.budget_idr, a.status
    from activity a cross join bounds b
    where a.location && b.env4326
)
select ST_AsMVT(t, 'activities', 4096, 'geom') as tile
from (select ST_AsMVTGeom(ST_Centroid(ST_Collect(p.p)), b.env, 4096, 64, true) as geom,
             count(*)::integer as count, sum(p.budget_idr)::bigint as budget_idr,
             count(*) filter (where p.status = 'completed')::integer as completed, true as cluster
      from points p cross join bounds b
      group by ST_SnapToGrid(p.p, b.cell), b.env) t
where t.geom is not null
