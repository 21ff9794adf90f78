-- The villages whose figures changed after data version :since up to :until (the change log, migration V56),
-- whether the log reaches back that far (covered), and whether everything changed (regions did).
select (select data_version from read_model_change_horizon) <= :since as covered,
       coalesce(bool_or(village_code = '*'), false) as everything,
       array_agg(distinct village_code) filter (where village_code <> '*') as villages
from read_model_change
where data_version > :since and data_version <= :until
