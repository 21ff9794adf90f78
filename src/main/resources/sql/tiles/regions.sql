-- A tile of the regions layer is three parts: this envelope, the candidate regions of the tile (regions-by-zoom.sql,
-- or regions-listed.sql for ?level=&parent=), and their features with the choropleth metrics (regions-features.sql).
with bounds as (
    select ST_TileEnvelope(:z, :x, :y) as env,
           -- the buffered envelope, clipped to the world first: beyond the antimeridian it would wrap around
           ST_Transform(ST_Intersection(ST_TileEnvelope(:z, :x, :y, margin => 0.015625),
                                        ST_TileEnvelope(0, 0, 0)), 4326) as env4326
),
