-- The low-zoom activity tiles follow the map's year and type controls (issue #13: /tiles/activities/...?year=&type=).
-- activity_tile_cell (V41) sums every year and type per village and cell, so it cannot answer a filter; keyed by
-- village, year and type as well it would hold 390,000 zoom-9 rows at national scale instead of 11,300, and a
-- national tile would read tens of thousands. This table has the same cells per regency, fiscal year and type: at
-- national scale (1,092,968 activities) 25,361 zoom-9, 85,516 zoom-12 and 450,548 zoom-15 rows, and the densest
-- uncached filtered tile read about 2,500 of them in under 5 ms. The unfiltered tiles keep reading activity_tile_cell.
-- The ingestion recomputes the rows of the regencies of the villages a batch touches (kotaku_refresh_activity_tile_cells,
-- called by ActivityRows in the batch's transaction), so the table always matches the data version it was written with.
create table activity_tile_cell_year_type (
    zoom         smallint not null check (zoom in (9, 12, 15)),
    regency_code text     not null,
    fiscal_year  smallint not null,
    type         text     not null,
    cell_x       integer  not null check (cell_x between 0 and (1 << zoom) - 1),
    cell_y       integer  not null check (cell_y between 0 and (1 << zoom) - 1),
    activities   integer  not null check (activities > 0),
    completed    integer  not null check (completed between 0 and activities),
    budget_idr   bigint   not null check (budget_idr >= 0),
    -- sums of the activities' web mercator coordinates: a cluster sits at the mean of its activities
    sum_x        float8   not null,
    sum_y        float8   not null,
    primary key (regency_code, zoom, fiscal_year, type, cell_x, cell_y)
);
-- a tile of one year (and maybe some types) is a square range of cells of that year
create index activity_tile_cell_year_idx on activity_tile_cell_year_type (zoom, fiscal_year, cell_x, cell_y)
    include (type, activities, completed, budget_idr, sum_x, sum_y);
-- a tile of some types over every year
create index activity_tile_cell_type_idx on activity_tile_cell_year_type (zoom, type, cell_x, cell_y)
    include (fiscal_year, activities, completed, budget_idr, sum_x, sum_y);

-- The zoom-15 cells of the located activities of some regencies per fiscal year and type, with the cell arithmetic of
-- V51 (written inline for the same reason); the villages are looked up first, so that the activities are read through
-- the index on activity.village_code.
create function kotaku_activity_tile_cells_year_type(regencies text[]) returns table (
    regency_code text, fiscal_year smallint, type text, cell_x integer, cell_y integer, activities integer,
    completed integer, budget_idr bigint, sum_x float8, sum_y float8)
    language sql stable
as $$
    select left(a.village_code, 5), a.fiscal_year, a.type, l.cell_x, l.cell_y, count(*)::integer,
           count(*) filter (where a.status = 'completed')::integer, sum(a.budget_idr)::bigint, sum(l.x), sum(l.y)
    from activity a
    cross join lateral (select x, y,
            least(greatest(floor((x + 20037508.342789244) / (40075016.685578488 / 32768)), 0), 32767)::integer as cell_x,
            least(greatest(floor((20037508.342789244 - y) / (40075016.685578488 / 32768)), 0), 32767)::integer as cell_y
        from (select ST_X(p) as x, ST_Y(p) as y from (select ST_Transform(a.location, 3857) as p) t) m) l
    where a.location is not null
      and a.village_code = any (array(select v.code from region v where v.level = 4 and left(v.code, 5) = any (regencies)))
    group by 1, 2, 3, 4, 5
$$;

-- used by tests to check the stored cells
create view activity_tile_cell_year_type_source as
select * from kotaku_activity_tile_cells_year_type(array(select distinct left(village_code, 5) from activity));

-- Recomputes the cells of the villages listed in the temporary table touched_village(village_code) (V41), and the
-- cells by year and type of their regencies.
create or replace function kotaku_refresh_activity_tile_cells() returns void
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
    perform kotaku_refresh_activity_tile_cells_year_type(array(select distinct left(village_code, 5) from touched_village));
end
$$;

create function kotaku_refresh_activity_tile_cells_year_type(regencies text[]) returns void
    language plpgsql
as $$
begin
    delete from activity_tile_cell_year_type c where c.regency_code = any (regencies);
    insert into activity_tile_cell_year_type
    select 15, s.* from kotaku_activity_tile_cells_year_type(regencies) s;
    insert into activity_tile_cell_year_type
    select l.zoom, c.regency_code, c.fiscal_year, c.type, c.cell_x >> (15 - l.zoom), c.cell_y >> (15 - l.zoom),
           sum(c.activities), sum(c.completed), sum(c.budget_idr), sum(c.sum_x), sum(c.sum_y)
    from activity_tile_cell_year_type c cross join (values (12), (9)) l(zoom)
    where c.zoom = 15 and c.regency_code = any (regencies)
    group by 1, 2, 3, 4, 5, 6;
end
$$;

select kotaku_refresh_activity_tile_cells_year_type(array(select distinct left(village_code, 5) from activity));
