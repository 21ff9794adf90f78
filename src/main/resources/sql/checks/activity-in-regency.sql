-- activities whose location lies outside their regency's boundary, where the regency has one
select a.id, 'outside ' || r.code || ' ' || r.name as reason
from activity a
join region r on r.code = left(a.village_code, 5)
where a.location is not null and r.geom is not null and not ST_Intersects(a.location, r.geom)
