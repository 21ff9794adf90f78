-- Canonical tables of the KOTAKU portal (shared/DESIGN.md section 3, shared/DOMAIN.md section 5).
-- They are written only by ingestion. Constraints make bad data impossible to store: money is whole
-- rupiah in bigint and never negative, percentages lie in 0..100, codes follow Kemendagri's dotted
-- form, enumerations are closed, geometries are EPSG:4326 and inside its bounds.

create extension if not exists postgis;

-- one row per accepted (or attempted) ingestion batch: the public change log and provenance
create table ingest_batch (
    id              bigserial primary key,
    dataset         text        not null check (dataset in ('regions', 'slum-areas', 'assessments',
                                                            'access-indicators', 'allocations', 'activities')),
    source          text        not null check (length(source) between 1 and 100),
    mode            text        not null default 'upsert' check (mode in ('upsert', 'replace')),
    scope           jsonb,
    idempotency_key text check (length(idempotency_key) between 1 and 200),
    checksum        text        not null check (checksum ~ '^[0-9a-f]{64}$'),
    synthetic       boolean     not null default false,
    received_at     timestamptz not null,
    committed_at    timestamptz not null default now(),
    rows_received   integer     not null check (rows_received >= 0),
    rows_inserted   integer     not null check (rows_inserted >= 0),
    rows_updated    integer     not null check (rows_updated >= 0),
    rows_deleted    integer     not null check (rows_deleted >= 0),
    rows_unchanged  integer     not null check (rows_unchanged >= 0),
    data_version    bigint      not null unique check (data_version > 0),
    unique (source, idempotency_key)
);

-- the monotonically growing data version; one value per committed batch
create sequence data_version_seq;

-- records deleted by a batch, so that a mirror can follow the data exactly
create table tombstone (
    dataset      text   not null,
    record_id    text   not null,
    data_version bigint not null,
    batch_id     bigint not null references ingest_batch (id),
    primary key (dataset, record_id, data_version)
);
create index tombstone_version_idx on tombstone (data_version);

-- reference data: the slum regulations, their criteria, and the bands that turn percentages into scores
-- and scores into levels
create table regulation (
    code           text primary key check (code in ('14/2018', '02/2016')),
    title          text     not null,
    criteria_count smallint not null check (criteria_count > 0),
    max_score      smallint not null check (max_score > 0)
);

create table criterion (
    regulation  text     not null references regulation (code),
    code        text     not null check (code ~ '^[1-7][a-e]$'),
    aspect      smallint not null check (aspect between 1 and 7),
    aspect_name text     not null,
    name        text     not null,
    unit        text     not null check (unit in ('unit', 'ha', 'm', 'kk')),
    denominator text     not null check (denominator in ('buildings', 'area_ha', 'road_length_m',
                                                         'drain_length_m', 'households')),
    sort_order  smallint not null,
    primary key (regulation, code)
);

create table score_band (
    regulation text         not null references regulation (code),
    min_pct    numeric(6, 3) not null check (min_pct between 0 and 100),
    max_pct    numeric(6, 3) not null check (max_pct between 0 and 100),
    score      smallint     not null check (score in (0, 1, 3, 5)),
    primary key (regulation, score),
    check (min_pct <= max_pct)
);

create table level_band (
    regulation text     not null references regulation (code),
    level      text     not null check (level in ('tidak_kumuh', 'ringan', 'sedang', 'berat')),
    min_score  smallint not null check (min_score >= 0),
    max_score  smallint not null,
    primary key (regulation, level),
    check (min_score <= max_score)
);

-- administrative regions at four levels, keyed by the dotted Kemendagri code
create table region (
    code            text primary key
        check (code ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$'),
    code_digits     text generated always as (replace(code, '.', '')) stored unique,
    level           smallint not null check (level between 1 and 4),
    type            text     not null check (type in ('provinsi', 'kabupaten', 'kota', 'kecamatan',
                                                      'kelurahan', 'desa', 'desa_adat')),
    name            text     not null check (length(btrim(name)) between 1 and 200),
    parent_code     text references region (code),
    code_version    text     not null check (length(code_version) between 1 and 100),
    area_km2        numeric(12, 3) check (area_km2 >= 0),
    population      bigint check (population >= 0),
    geom            geometry(MultiPolygon, 4326),
    label_point     geometry(Point, 4326),
    batch_id        bigint   not null references ingest_batch (id),
    created_version bigint   not null,
    updated_version bigint   not null,
    check (level = array_length(string_to_array(code, '.'), 1)),
    check ((level = 1) = (parent_code is null)),
    check (parent_code is null or code like parent_code || '.%'),
    check ((level = 1 and type = 'provinsi') or (level = 2 and type in ('kabupaten', 'kota'))
        or (level = 3 and type = 'kecamatan') or (level = 4 and type in ('kelurahan', 'desa', 'desa_adat'))),
    constraint region_geom_in_wgs84 check (geom is null or (ST_XMin(geom) >= -180 and ST_XMax(geom) <= 180
        and ST_YMin(geom) >= -90 and ST_YMax(geom) <= 90)),
    constraint region_label_in_wgs84 check (label_point is null or (ST_X(label_point) between -180 and 180
        and ST_Y(label_point) between -90 and 90))
);
create index region_parent_idx on region (parent_code);
create index region_level_idx on region (level);
create index region_geom_idx on region using gist (geom);
create index region_label_idx on region using gist (label_point);

-- slum decrees (SK kumuh) of a Bupati/Walikota, and the slum areas (kawasan) they designate
create table slum_decree (
    id              text primary key check (length(id) between 1 and 100),
    regency_code    text not null references region (code),
    number          text not null check (length(btrim(number)) between 1 and 200),
    decree_date     date not null check (decree_date >= date '2000-01-01'),
    issuer          text not null check (length(btrim(issuer)) between 1 and 200),
    total_area_ha   numeric(10, 2) check (total_area_ha >= 0),
    batch_id        bigint not null references ingest_batch (id),
    created_version bigint not null,
    updated_version bigint not null
);
create index slum_decree_regency_idx on slum_decree (regency_code);

create table slum_area (
    id              text primary key check (length(id) between 1 and 100),
    decree_id       text references slum_decree (id),
    regency_code    text           not null references region (code),
    name            text           not null check (length(btrim(name)) between 1 and 200),
    area_ha         numeric(10, 2) not null check (area_ha > 0),
    typology        text check (typology in ('di_atas_air', 'tepi_air', 'dataran_rendah', 'perbukitan',
                                             'rawan_bencana')),
    legality        text check (legality in ('legal', 'ilegal')),
    priority        smallint check (priority between 1 and 9),
    handling        text check (handling in ('pemugaran', 'peremajaan', 'pemukiman_kembali')),
    scale           text           not null default 'lingkungan' check (scale in ('lingkungan', 'kawasan')),
    village_codes   text[]         not null check (cardinality(village_codes) between 1 and 100),
    geom            geometry(MultiPolygon, 4326),
    centroid        geometry(Point, 4326),
    batch_id        bigint         not null references ingest_batch (id),
    created_version bigint         not null,
    updated_version bigint         not null,
    constraint slum_area_geom_in_wgs84 check (geom is null or (ST_XMin(geom) >= -180 and ST_XMax(geom) <= 180
        and ST_YMin(geom) >= -90 and ST_YMax(geom) <= 90))
);
create index slum_area_regency_idx on slum_area (regency_code);
create index slum_area_villages_idx on slum_area using gin (village_codes);
create index slum_area_geom_idx on slum_area using gist (geom);

-- a scoring of one slum area in one year; total and level are computed by the portal from the scores
create table assessment (
    id              text primary key check (length(id) between 1 and 100),
    slum_area_id    text           not null references slum_area (id),
    year            smallint       not null check (year between 2010 and 2100),
    kind            text           not null check (kind in ('baseline', 'sk', 'r0', 'final')),
    regulation      text           not null references regulation (code),
    area_ha         numeric(10, 2) not null check (area_ha > 0),
    buildings       integer        not null check (buildings >= 0),
    households      integer        not null check (households >= 0),
    people          integer check (people >= 0),
    road_length_m   numeric(12, 2) check (road_length_m >= 0),
    drain_length_m  numeric(12, 2) check (drain_length_m >= 0),
    total_score     smallint       not null check (total_score between 0 and 95),
    level           text           not null check (level in ('tidak_kumuh', 'ringan', 'sedang', 'berat')),
    mean_pct        numeric(6, 2)  not null check (mean_pct between 0 and 100),
    batch_id        bigint         not null references ingest_batch (id),
    created_version bigint         not null,
    updated_version bigint         not null,
    unique (slum_area_id, year, kind)
);

create table assessment_score (
    assessment_id text          not null references assessment (id) on delete cascade,
    regulation    text          not null,
    criterion     text          not null,
    volume        numeric(14, 2) not null check (volume >= 0),
    percentage    numeric(6, 2) not null check (percentage between 0 and 100),
    score         smallint      not null check (score in (0, 1, 3, 5)),
    primary key (assessment_id, criterion),
    foreign key (regulation, criterion) references criterion (regulation, code)
);

-- the 100-0-100 access figures of a village in a year
create table access_indicator (
    village_code      text     not null references region (code),
    year              smallint not null check (year between 2010 and 2100),
    households        integer check (households >= 0),
    people            integer check (people >= 0),
    safe_water_pct    numeric(5, 2) check (safe_water_pct between 0 and 100),
    sanitation_pct    numeric(5, 2) check (sanitation_pct between 0 and 100),
    waste_service_pct numeric(5, 2) check (waste_service_pct between 0 and 100),
    slum_ha           numeric(10, 2) check (slum_ha >= 0),
    batch_id          bigint   not null references ingest_batch (id),
    created_version   bigint   not null,
    updated_version   bigint   not null,
    primary key (village_code, year)
);

-- a grant or budget line for a village and fiscal year, and its disbursement tranches
create table allocation (
    id              text primary key check (length(id) between 1 and 100),
    village_code    text     not null references region (code),
    fiscal_year     smallint not null check (fiscal_year between 2010 and 2100),
    program         text     not null check (program in ('bpm_reguler', 'pkt', 'kawasan', 'bdi', 'other')),
    source          text     not null check (source in ('apbn', 'loan', 'apbd', 'dak', 'csr', 'swadaya', 'other')),
    ceiling_idr     bigint   not null check (ceiling_idr >= 0),
    over_ceiling_ok boolean  not null default false,
    batch_id        bigint   not null references ingest_batch (id),
    created_version bigint   not null,
    updated_version bigint   not null
);
create index allocation_village_year_idx on allocation (village_code, fiscal_year);

create table disbursement (
    allocation_id text     not null references allocation (id) on delete cascade,
    tranche       smallint not null check (tranche between 1 and 12),
    status        text     not null check (status in ('planned', 'requested', 'disbursed', 'cancelled')),
    disbursed_on  date,
    amount_idr    bigint   not null check (amount_idr >= 0),
    primary key (allocation_id, tranche),
    check ((status = 'disbursed') = (disbursed_on is not null))
);

-- one piece of work in one village: budget and its split by funding source, progress, outputs,
-- beneficiaries and padat karya (cash-for-work) labour
create table activity (
    id                     text primary key check (length(id) between 1 and 100),
    village_code           text     not null references region (code),
    slum_area_id           text references slum_area (id),
    allocation_id          text references allocation (id),
    fiscal_year            smallint not null check (fiscal_year between 2010 and 2100),
    type                   text     not null check (type in ('road', 'drainage', 'water', 'sanitation', 'waste',
                                                             'fire', 'open_space', 'housing', 'capacity',
                                                             'livelihood')),
    name                   text     not null check (length(btrim(name)) between 1 and 300),
    status                 text     not null check (status in ('planned', 'ongoing', 'completed', 'cancelled')),
    physical_progress      numeric(5, 2) not null check (physical_progress between 0 and 100),
    output_volume          numeric(14, 2) check (output_volume >= 0),
    output_unit            text check (output_unit in ('m', 'm2', 'unit', 'kk', 'package', 'person')),
    start_date             date,
    end_date               date,
    budget_idr             bigint   not null check (budget_idr >= 0),
    disbursed_idr          bigint   not null default 0 check (disbursed_idr >= 0),
    cost_bpm_idr           bigint   not null default 0 check (cost_bpm_idr >= 0),
    cost_apbd_idr          bigint   not null default 0 check (cost_apbd_idr >= 0),
    cost_csr_idr           bigint   not null default 0 check (cost_csr_idr >= 0),
    cost_swadaya_idr       bigint   not null default 0 check (cost_swadaya_idr >= 0),
    cost_other_idr         bigint   not null default 0 check (cost_other_idr >= 0),
    beneficiary_households integer check (beneficiary_households >= 0),
    beneficiary_people     integer check (beneficiary_people >= 0),
    beneficiary_women      integer check (beneficiary_women >= 0),
    beneficiary_low_income integer check (beneficiary_low_income >= 0),
    labour_workers         integer check (labour_workers >= 0),
    labour_women           integer check (labour_women >= 0),
    labour_person_days     integer check (labour_person_days >= 0),
    labour_daily_wage_idr  bigint check (labour_daily_wage_idr >= 0),
    labour_wages_idr       bigint check (labour_wages_idr >= 0),
    location               geometry(Point, 4326),
    batch_id               bigint   not null references ingest_batch (id),
    created_version        bigint   not null,
    updated_version        bigint   not null,
    check (end_date is null or start_date is null or end_date >= start_date),
    check (budget_idr = cost_bpm_idr + cost_apbd_idr + cost_csr_idr + cost_swadaya_idr + cost_other_idr),
    check (beneficiary_women is null or beneficiary_people is null or beneficiary_women <= beneficiary_people),
    check (labour_women is null or labour_workers is null or labour_women <= labour_workers),
    check ((output_volume is null) = (output_unit is null)),
    check (status <> 'completed' or physical_progress = 100),
    constraint activity_location_in_wgs84 check (location is null or (ST_X(location) between -180 and 180
        and ST_Y(location) between -90 and 90))
);
create index activity_village_idx on activity (village_code);
create index activity_year_type_idx on activity (fiscal_year, type);
create index activity_location_idx on activity using gist (location);
create index activity_slum_area_idx on activity (slum_area_id) where slum_area_id is not null;
create index activity_updated_version_idx on activity (updated_version);

-- community institutions (BKM/LKM, KSM, Pokja PKP) where the source data names them
create table institution (
    id           text primary key check (length(id) between 1 and 100),
    kind         text   not null check (kind in ('bkm', 'lkm', 'ksm', 'pokja_pkp')),
    name         text   not null check (length(btrim(name)) between 1 and 200),
    region_code  text   not null references region (code),
    batch_id     bigint not null references ingest_batch (id)
);
