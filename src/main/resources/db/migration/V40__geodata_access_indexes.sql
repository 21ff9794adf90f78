-- Indexes and generalised geometries for OGC API - Features and vector tiles (issue #6).

-- keyset paging of one region level in code order (collections provinces, regencies, villages)
create index region_level_code_idx on region (level, code);
-- villages of a regency (queryable regency_code of the villages collection)
create index region_village_regency_idx on region (left(code, 5), code) where level = 4;

-- slum areas without a polygon are located by their centroid
-- slum_area_centroid_idx (gist on centroid) is created by V30
-- the latest assessment of a slum area (tile and item properties)
create index assessment_latest_idx on assessment (slum_area_id, year desc, kind desc);

-- region metrics per province and regency (tile properties): allocations of the villages below a region
create index allocation_province_idx on allocation (left(village_code, 2));
create index allocation_regency_idx on allocation (left(village_code, 5));
create index disbursement_disbursed_idx on disbursement (allocation_id) include (amount_idr) where status = 'disbursed';

-- time filter of the activities collection: the interval an activity covers
create index activity_period_idx on activity (coalesce(start_date, make_date(fiscal_year, 1, 1)),
                                              coalesce(end_date, make_date(fiscal_year, 12, 31)));

-- Region outlines in web mercator, generalised once when written, so that a national tile reads a few kilobytes
-- per region instead of reprojecting and simplifying full boundaries on every request. Parts (islands) smaller
-- than about two tolerances square are dropped: Indonesia's thousands of small islands would otherwise keep most
-- of the vertices. The tolerances are about a quarter of a screen pixel at zoom 5 (low) and zoom 9 (mid), and a
-- few metres (high, zoom 10 and above, which saves reprojecting full outlines per request). Tiles select regions
-- through the index on geom, so these columns need none of their own. A region whose parts are all dropped is null
-- here and drawn at its label point.
-- Outlines beyond web mercator's latitude range (or outside WGS84, which region's check constraint refuses right
-- after) have none, instead of failing the write.
create function kotaku_tile_outline(outline geometry, tolerance float8) returns geometry
    language sql immutable strict parallel safe as
$$
select case when ST_XMin(outline) >= -180 and ST_XMax(outline) <= 180
                 and ST_YMin(outline) >= -85.05 and ST_YMax(outline) <= 85.05
            then (select ST_Multi(ST_SimplifyPreserveTopology(ST_Collect(part.geom), tolerance))
                  from ST_Dump(ST_Transform(outline, 3857)) part
                  where ST_Area(part.geom) >= 4 * tolerance * tolerance) end
$$;

alter table region
    add column tile_geom_low geometry generated always as (kotaku_tile_outline(geom, 1200)) stored,
    add column tile_geom_mid geometry generated always as (kotaku_tile_outline(geom, 75)) stored,
    add column tile_geom_high geometry generated always as (kotaku_tile_outline(geom, 5)) stored;
