-- activity_village_prefix_idx (text_pattern_ops, V30) serves equality on village_code as well as the prefix
-- searches; the plain btree of V1 only cost every insert (ingestion of 300k activities measured ~1 s of it).
drop index if exists activity_village_idx;
