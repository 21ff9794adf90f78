-- Every region with its label point, for the directory, the name search and the map.
select code, name, level, type, parent_code, ST_X(label_point) as lon, ST_Y(label_point) as lat
from region
order by code
