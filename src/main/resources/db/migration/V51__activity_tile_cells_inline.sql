-- The zoom-15 cells of some villages (V41), with the cell arithmetic written inline (issue #4, ingestion throughput).
-- Through kotaku_tile_cell(ST_Transform(...)) the planner cannot inline the cell function (its argument is costly
-- and used twice), so every activity paid a SQL function call per grid coordinate: recomputing the cells of the whole
-- national fixture (1,092,968 activities, every village touched by a first load) took 8.6 s of backend CPU, this
-- takes 2.8 s. The result is identical, row for row and bit for bit (checked against V41's function on that fixture).
create or replace function kotaku_activity_tile_cells(villages text[]) returns table (
    village_code text, cell_x integer, cell_y integer, activities integer, completed integer, budget_idr bigint,
    sum_x float8, sum_y float8)
    language sql stable
as $$
    select a.village_code, l.cell_x, l.cell_y, count(*)::integer, count(*) filter (where a.status = 'completed')::integer,
           sum(a.budget_idr)::bigint, sum(l.x), sum(l.y)
    from activity a
    cross join lateral (select x, y,
            least(greatest(floor((x + 20037508.342789244) / (40075016.685578488 / 32768)), 0), 32767)::integer as cell_x,
            least(greatest(floor((20037508.342789244 - y) / (40075016.685578488 / 32768)), 0), 32767)::integer as cell_y
        from (select ST_X(p) as x, ST_Y(p) as y from (select ST_Transform(a.location, 3857) as p) t) m) l
    where a.location is not null and a.village_code = any (villages)
    group by a.village_code, l.cell_x, l.cell_y
$$;
