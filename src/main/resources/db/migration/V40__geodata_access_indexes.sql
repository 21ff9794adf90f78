-- Indexes and generalised geometries for OGC API - Features and vector tiles (issue #6).

-- keyset paging of one region level in code order (collections provinces, regencies, villages)
create index region_level_code_idx on region (level, code);
-- villages of a regency (queryable regency_code of the villages collection)
create index region_village_regency_idx on region (left(code, 5), code) where level = 4;

-- slum areas without a polygon are located by their centroid
create index slum_area_centroid_idx on slum_area using gist (centroid);
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
-- per region instead of reprojecting and simplifying full boundaries on every request. The tolerances are about
-- one tile pixel at zoom 5 (low) and zoom 9 (mid); larger zooms use the full geometry.
alter table region
    add column tile_geom_low geometry generated always as
        (ST_SimplifyPreserveTopology(ST_Transform(geom, 3857), 1200)) stored,
    add column tile_geom_mid geometry generated always as
        (ST_SimplifyPreserveTopology(ST_Transform(geom, 3857), 75)) stored;
create index region_tile_geom_low_idx on region using gist (tile_geom_low);
create index region_tile_geom_mid_idx on region using gist (tile_geom_mid);
