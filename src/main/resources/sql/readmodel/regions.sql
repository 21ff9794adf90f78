-- Every region with its place and extent, for the directory, the name search and the map. A region without a label
-- point is placed at the centre of the label points of the villages below it, and a region without a boundary spans
-- those points (a village: its own label point), so that the map can draw and fit every level (districts usually
-- have neither). Boxes of boundaries come from the geometry's bounding box.
with village_points as (
    select ST_X(v.label_point) as x, ST_Y(v.label_point) as y, d.code as district, d.parent_code as regency,
           g.parent_code as province
    from region v join region d on d.code = v.parent_code join region g on g.code = d.parent_code
    where v.level = 4 and v.label_point is not null
),
below as (
    select a.code, avg(x) as x, avg(y) as y, min(x) as west, min(y) as south, max(x) as east, max(y) as north
    from village_points cross join lateral (values (district), (regency), (province)) a(code)
    group by a.code
),
boxed as (
    select r.code, r.name, r.level, r.type, r.parent_code, r.label_point, Box2D(r.geom) as box from region r
)
select r.code, r.name, r.level, r.type, r.parent_code,
       coalesce(ST_X(r.label_point), b.x) as lon, coalesce(ST_Y(r.label_point), b.y) as lat,
       coalesce(ST_XMin(r.box), b.west, ST_X(r.label_point)) as west,
       coalesce(ST_YMin(r.box), b.south, ST_Y(r.label_point)) as south,
       coalesce(ST_XMax(r.box), b.east, ST_X(r.label_point)) as east,
       coalesce(ST_YMax(r.box), b.north, ST_Y(r.label_point)) as north
from boxed r left join below b on b.code = r.code
order by r.code
