-- Pre-aggregated activities for the low-zoom activities tiles (issue #6 follow-up): counting a million activity
-- rows per national tile took seconds. One row per village and cell of a fixed grid, the zoom-15 tile grid in web
-- mercator (32768 x 32768 cells, about 1.2 km at the equator), and the same summed up to the zoom-12 and zoom-9
-- grids for the lowest zooms (a national tile then reads a few thousand rows, not a million). The clusters of a
-- tile below zoom 12 are 16 x 16 cells per tile, i.e. the tiles of zoom z + 4, so every cluster is an exact union
-- of the cells of the first level at or above z + 4 and a tile's clusters hold exactly the activities located in
-- it. Only located activities count (as in the point tiles).
-- The ingestion of activities recomputes the rows of the villages a batch touches inside its own transaction
-- (ActivityRows), so the table always matches the data version it was written with.
create table activity_tile_cell (
    zoom         smallint not null check (zoom in (9, 12, 15)),
    village_code text    not null,
    cell_x       integer not null check (cell_x between 0 and (1 << zoom) - 1),
    cell_y       integer not null check (cell_y between 0 and (1 << zoom) - 1),
    activities   integer not null check (activities > 0),
    completed    integer not null check (completed between 0 and activities),
    budget_idr   bigint  not null check (budget_idr >= 0),
    -- sums of the activities' web mercator coordinates: a cluster sits at the mean of its activities
    sum_x        float8  not null,
    sum_y        float8  not null,
    primary key (village_code, zoom, cell_x, cell_y)
);
-- a tile is a square range of cells
create index activity_tile_cell_xy_idx on activity_tile_cell (zoom, cell_x, cell_y)
    include (activities, completed, budget_idr, sum_x, sum_y);

-- The cell of a web mercator point: x and y of its zoom-15 tile (clamped, as web mercator ends near 85 degrees).
create function kotaku_tile_cell(p geometry) returns integer[]
    language sql immutable strict parallel safe
as $$
    select array[least(greatest(floor((ST_X(p) + 20037508.342789244) / (40075016.685578488 / 32768)), 0), 32767)::integer,
                 least(greatest(floor((20037508.342789244 - ST_Y(p)) / (40075016.685578488 / 32768)), 0), 32767)::integer]
$$;

-- The zoom-15 cells of some villages, computed from the activity table (a filter on the villages before grouping
-- reaches the index on activity.village_code; through a grouped view it would not, and a batch would regroup every
-- activity), and the same for every village (used by tests to check the stored cells).
create function kotaku_activity_tile_cells(villages text[]) returns table (
    village_code text, cell_x integer, cell_y integer, activities integer, completed integer, budget_idr bigint,
    sum_x float8, sum_y float8)
    language sql stable
as $$
    select a.village_code, l.c[1], l.c[2], count(*)::integer, count(*) filter (where a.status = 'completed')::integer,
           sum(a.budget_idr)::bigint, sum(ST_X(l.p)), sum(ST_Y(l.p))
    from activity a
    cross join lateral (select p, kotaku_tile_cell(p) as c from (select ST_Transform(a.location, 3857) as p) t) l
    where a.location is not null and a.village_code = any (villages)
    group by a.village_code, l.c[1], l.c[2]
$$;

create view activity_tile_cell_source as
select * from kotaku_activity_tile_cells(array(select distinct village_code from activity));

-- Recomputes every level of the cells of the villages listed in the temporary table touched_village(village_code).
create function kotaku_refresh_activity_tile_cells() returns void
    language plpgsql
as $$
begin
    delete from activity_tile_cell c using (select distinct village_code from touched_village) v
    where c.village_code = v.village_code;
    insert into activity_tile_cell
    select 15, s.* from kotaku_activity_tile_cells(array(select distinct village_code from touched_village)) s;
    insert into activity_tile_cell
    select l.zoom, c.village_code, c.cell_x >> (15 - l.zoom), c.cell_y >> (15 - l.zoom), sum(c.activities),
           sum(c.completed), sum(c.budget_idr), sum(c.sum_x), sum(c.sum_y)
    from activity_tile_cell c cross join (values (12), (9)) l(zoom)
    where c.zoom = 15 and c.village_code in (select village_code from touched_village)
    group by 1, 2, 3, 4;
end
$$;

create temp table touched_village as select distinct village_code from activity;
select kotaku_refresh_activity_tile_cells();
drop table touched_village;
