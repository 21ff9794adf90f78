-- Which villages each data version changed, so that a read-model refresh re-reads only those villages and the
-- regions above them instead of the whole nation (issue #5: a full rebuild allocates a new 100 MB snapshot, and
-- the collector copying it slowed every public request while refreshes ran back to back).
-- Statement-level triggers on every table the snapshot reads fill the log inside the writing transaction, so no
-- writer (upsert, replace scope, delete, cascade) can forget it. Changing regions invalidates everything ('*').

create table read_model_change (
    data_version bigint not null,
    -- the village whose figures changed (the primary village of a slum area), or '*' for everything
    village_code text   not null,
    primary key (data_version, village_code)
);

-- The log is complete for every data version above this one; a snapshot older than it is rebuilt whole.
create table read_model_change_horizon (
    single       boolean primary key default true check (single),
    data_version bigint  not null
);
insert into read_model_change_horizon (data_version) select coalesce(max(data_version), 0) from ingest_batch;

-- The data version the current transaction writes: the batch's (set by the ingestion when it opens the batch),
-- otherwise the next one, which is the first a refresh can see it with.
create function kotaku_change_version() returns bigint
    language sql stable
as $$
    select coalesce(nullif(current_setting('kotaku.data_version', true), '')::bigint,
                    (select coalesce(max(data_version), 0) + 1 from ingest_batch))
$$;

-- Opens the change log of a batch: the triggers then write with its version; versions more than `keep` below it
-- leave the log (their snapshots rebuild whole).
create function kotaku_begin_changes(version bigint, keep integer) returns void
    language sql
as $$
    select set_config('kotaku.data_version', version::text, true);
    delete from read_model_change where data_version <= version - keep;
    update read_model_change_horizon set data_version = greatest(data_version, version - keep);
$$;

-- The trigger: argument 0 selects the changed village codes from the transition table named %1$s.
create function kotaku_log_changes() returns trigger
    language plpgsql
as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        execute format('insert into read_model_change select distinct kotaku_change_version(), c from (%s) v(c)
                        where c is not null on conflict do nothing', format(tg_argv[0], 'new_rows'));
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        execute format('insert into read_model_change select distinct kotaku_change_version(), c from (%s) v(c)
                        where c is not null on conflict do nothing', format(tg_argv[0], 'old_rows'));
    end if;
    return null;
end
$$;

-- One trigger per table and operation (a trigger with transition tables takes one kind of event).
create procedure kotaku_log_changes_of(tab regclass, villages text)
    language plpgsql
as $$
begin
    execute format('create trigger read_model_insert after insert on %s referencing new table as new_rows
                    for each statement execute function kotaku_log_changes(%L)', tab, villages);
    execute format('create trigger read_model_update after update on %s referencing old table as old_rows
                    new table as new_rows for each statement execute function kotaku_log_changes(%L)', tab, villages);
    execute format('create trigger read_model_delete after delete on %s referencing old table as old_rows
                    for each statement execute function kotaku_log_changes(%L)', tab, villages);
end
$$;

-- activities reach the read model through their per-village rollups (V55), rebuilt whole for every village a
-- batch touches
call kotaku_log_changes_of('activity_village_year', 'select village_code from %s');
call kotaku_log_changes_of('allocation', 'select village_code from %s');
call kotaku_log_changes_of('disbursement',
    'select a.village_code from %s d join allocation a on a.id = d.allocation_id');
call kotaku_log_changes_of('access_indicator', 'select village_code from %s');
call kotaku_log_changes_of('slum_area', 'select village_codes[1] from %s');
call kotaku_log_changes_of('assessment',
    'select s.village_codes[1] from %s a join slum_area s on s.id = a.slum_area_id');
call kotaku_log_changes_of('region', 'select ''*'' from %s');

drop procedure kotaku_log_changes_of(regclass, text);

-- A slum area counts in its first village (slum-year.sql): an incremental refresh finds the areas of the villages
-- that changed through this index.
create index slum_area_primary_village_idx on slum_area ((village_codes[1]));

-- What a slum area counts in: from the first to the last year of any assessment or activity (each bound an index
-- probe: every refresh asks).
create index assessment_year_idx on assessment (year);

create function kotaku_slum_years(out first_year integer, out last_year integer)
    language sql stable
as $$
    select least((select min(year) from assessment), (select min(fiscal_year) from activity))::int,
           greatest((select max(year) from assessment), (select max(fiscal_year) from activity))::int
$$;
