-- Cheaper writes of activities (issue #4, ingestion throughput). Measured on the national fixture, backend CPU time
-- of inserting 200,000 activities into the emptied table: 11.9 s with every index and foreign key, 8.7 s without the
-- composite GiST index below, 6.1 s without the foreign keys as well.

-- The composite GiST index (fiscal_year, type, location) of V30 cost about a quarter of every activity insert, and
-- the planner does not choose it for the searches it was made for: a bbox + year + type search
-- (/api/v1/activities, bench scenario activity_search) combines activity_location_idx and activity_year_type_idx
-- in a bitmap AND (about 10 ms over a 0.5 degree box of a program city with the national fixture), with or without it.
drop index if exists activity_year_type_location_idx;

-- Activities are written only by ingestion (IngestService), which checks every reference in the staged batch
-- (village, slum area and allocation exist: ActivityRows.databaseChecks, a 422 naming the row) while it holds the
-- ingestion lock, a transaction-scoped advisory lock that every batch of every dataset takes first. No other batch can
-- delete a referenced record before this one commits, and a batch that deletes villages, slum areas or allocations
-- is refused (409) when activities still refer to them (the deleteGuards of RegionRows, SlumAreaRows and
-- AllocationRows, over the tombstones the batch wrote). ingest_batch rows are never deleted, and every activity
-- carries the id of the batch that wrote it, inserted earlier in the same transaction. The per-row foreign key
-- triggers added nothing but their cost (about 30 % of an insert).
alter table activity
    drop constraint if exists activity_village_code_fkey,
    drop constraint if exists activity_slum_area_id_fkey,
    drop constraint if exists activity_allocation_id_fkey,
    drop constraint if exists activity_batch_id_fkey;
