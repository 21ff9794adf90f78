-- The data version, when it was committed, and whether the data are synthetic (the demo dataset).
select coalesce(max(data_version), 0) as version, max(committed_at) as as_of,
       coalesce(bool_or(synthetic), false) as synthetic
from ingest_batch
