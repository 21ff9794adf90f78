-- Indexes for the public searches of /api/v1/activities and /api/v1/slum-areas (issue #8).
-- Budget: bbox + year + type, 100 rows, p95 under 30 ms with 1,000,000 activities (shared/DESIGN.md section 6).
-- Both extensions are trusted, so the database owner (the app role) may create them.

create extension if not exists btree_gist;
create extension if not exists pg_trgm;

-- bbox + fiscal year + type in one GiST index: the typical map search touches only matching rows
create index activity_year_type_location_idx on activity using gist (fiscal_year, type, location);

-- region filter at any level: a prefix match on the dotted village code ('64.71.%'); the database collation
-- is not "C", so the prefix search needs the pattern operator class
create index activity_village_prefix_idx on activity (village_code text_pattern_ops);

-- q: case-insensitive substring search in activity names
create index activity_name_trgm_idx on activity using gin (name gin_trgm_ops);

-- keyset paging sorted by budget (the journalists' "largest first")
create index activity_budget_id_idx on activity (budget_idr, id);

-- slum areas: latest assessment per area, and name search
create index assessment_slum_year_idx on assessment (slum_area_id, year desc);
create index slum_area_name_trgm_idx on slum_area using gin (name gin_trgm_ops);
create index slum_area_centroid_idx on slum_area using gist (centroid);
