-- the records created, changed and deleted after data version :since, in version order, one page after the
-- cursor (:after_version, :after_dataset, :after_id); a record changed twice appears once, at its last version
select dataset, record_id, change, version
from (
    select 'regions' dataset, code record_id, updated_version version, created_version > :since created
    from region where updated_version > :since
    union all
    select 'slum-areas', id, updated_version, created_version > :since from slum_area where updated_version > :since
    union all
    select 'assessments', id, updated_version, created_version > :since from assessment where updated_version > :since
    union all
    select 'access-indicators', village_code || '/' || year, updated_version, created_version > :since
    from access_indicator where updated_version > :since
    union all
    select 'allocations', id, updated_version, created_version > :since from allocation where updated_version > :since
    union all
    select 'activities', id, updated_version, created_version > :since from activity where updated_version > :since
    union all
    select dataset, record_id, data_version, null from tombstone where data_version > :since
) c
cross join lateral (select case when c.created is null then 'deleted' when c.created then 'created'
                                else 'changed' end change) k
where (version, dataset, record_id) > (:after_version, :after_dataset, :after_id)
order by version, dataset, record_id
limit :limit
