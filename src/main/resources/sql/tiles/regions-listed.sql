-- The candidates of a tile of the regions layer for ?level=&parent= (issue #13): the regions of one level below a
-- parent at every zoom, listed by the read model with their places (:places, :lon, :lat: the label point, or the
-- centre of the villages' label points where a region has none, as districts usually do), so that every level of a
-- drill-down has something to draw: outlines where a boundary is known, otherwise points. A tile reads at most the
-- few hundred listed regions by primary key.
candidates as (
    select p.code, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326) as place
    from unnest(:places::text[], :lon::float8[], :lat::float8[]) as p(code, lon, lat)
),
