-- One tile of the activities layer below zoom 12: activities aggregated on a grid of 16 x 16 cells per tile (the
-- tiles of zoom z + 4), read from the pre-aggregated activity_tile_cell (see migration V41) at :level, the first of
-- its zooms (9, 12, 15) at or above z + 4: each cluster is an exact union of those cells, at the mean location of
-- its activities, with their count, budget and how many are completed. A tile spans 2^(level - z) cells each way,
-- a cluster 2^(level - z - 4). With a year or types asked for, TileRepository reads activity_tile_cell_year_type
-- instead (the same cells per regency, year and type, migration V57) and writes the filter in place of its comment.
with clusters as (
    select c.cell_x >> (:level - :z - 4) as gx, c.cell_y >> (:level - :z - 4) as gy, sum(c.activities) as activities,
           sum(c.completed) as completed, sum(c.budget_idr) as budget_idr, sum(c.sum_x) as sum_x, sum(c.sum_y) as sum_y
    from activity_tile_cell c
    where c.zoom = :level
      and c.cell_x between :x << (:level - :z) and ((:x + 1) << (:level - :z)) - 1
      and c.cell_y between :y << (:level - :z) and ((:y + 1) << (:level - :z)) - 1 /*filter*/
    group by 1, 2
)
select ST_AsMVT(t, 'activities', 4096, 'geom') as tile
from (select ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(k.sum_x / k.activities, k.sum_y / k.activities), 3857),
                          ST_TileEnvelope(:z, :x, :y), 4096, 64, true) as geom,
             k.activities::integer as count, k.budget_idr::bigint as budget_idr, k.completed::integer as completed,
             true as cluster
      from clusters k) t
where t.geom is not null
