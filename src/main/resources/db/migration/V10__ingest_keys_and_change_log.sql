-- API keys of the source systems that push data: only the SHA-256 of a key is stored, never the key
create table ingest_key (
    id          bigserial primary key,
    source      text        not null check (source ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
    key_hash    text        not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
    datasets    text[]      not null check (cardinality(datasets) > 0
                                            and datasets <@ array['regions', 'slum-areas', 'assessments',
                                                                  'access-indicators', 'allocations', 'activities']),
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);

-- SHA-256 of the raw request body, so a retried Idempotency-Key can be told apart from a different upload
alter table ingest_batch add column body_checksum text check (body_checksum ~ '^[0-9a-f]{64}$');

-- how long validation + staging and the merge took, so a stored batch record reads like the first answer
alter table ingest_batch add column validate_ms integer check (validate_ms >= 0),
                         add column merge_ms integer check (merge_ms >= 0);
