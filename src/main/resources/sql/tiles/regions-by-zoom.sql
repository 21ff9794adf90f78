-- The candidates of a tile of the regions layer: the regions of one level (provinces at low zoom, regencies from
-- zoom 6) in the tile, found through the spatial indexes, placed at their label points.
candidates as (
    select r.code, r.label_point as place
    from region r cross join bounds b
    where r.level = :level
      and (r.geom && b.env4326 or (r.geom is null and r.label_point && b.env4326))
),
