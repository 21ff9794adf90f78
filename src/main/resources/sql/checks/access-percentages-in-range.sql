-- access figures with a percentage outside 0-100 (guaranteed by check constraints of access_indicator)
select i.village_code || '/' || i.year as id, concat_ws(', ', 'safe water ' || i.safe_water_pct || ' %',
       'sanitation ' || i.sanitation_pct || ' %', 'waste service ' || i.waste_service_pct || ' %') as reason
from access_indicator i
where i.safe_water_pct not between 0 and 100 or i.sanitation_pct not between 0 and 100
   or i.waste_service_pct not between 0 and 100
