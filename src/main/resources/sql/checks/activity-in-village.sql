-- activities whose location lies outside their village's boundary, where the village has one
select a.id, 'outside ' || v.code || ' ' || v.name as reason
from activity a
join region v on v.code = a.village_code
where a.location is not null and v.geom is not null and not ST_Intersects(a.location, v.geom)
