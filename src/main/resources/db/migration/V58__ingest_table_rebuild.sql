-- The bulk path of ingestion (issue #17): a batch that inserts or changes a large share of its table writes the
-- table's new contents into a copy without indexes beside the live one, builds the indexes once afterwards (sorted
-- builds instead of a million index insertions each), and swaps the copy in at the end of its transaction. Public
-- reads go on reading the live table until then; the swap holds the table's exclusive lock only for the rename.
-- Everything happens inside the batch's transaction: a failure anywhere (the index builds included) rolls it all
-- back. Only one batch merges at a time (the merge lock), so one copy per table name is enough.
create schema kotaku_rebuild;
comment on schema kotaku_rebuild is
    'Copies of canonical tables that an ingestion batch is rebuilding inside its transaction; empty outside one.';

-- schema-qualified, quoted name of a table (regclass::text leaves the schema out when the search path finds it)
create function kotaku_qualified(relation regclass) returns text
    language sql stable
as $$
    select format('%I.%I', n.nspname, c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.oid = relation
$$;

-- Whether the bulk path may rebuild this table: nothing the copy would lose (row triggers, row security, foreign
-- keys that point at it) is attached to it.
create function kotaku_rebuild_eligible(live regclass) returns boolean
    language sql stable
as $$
    select not exists (select 1 from pg_trigger t where t.tgrelid = live and not t.tgisinternal)
       and not exists (select 1 from pg_constraint c where c.confrelid = live)
       and not exists (select 1 from pg_class c where c.oid = live and c.relrowsecurity)
$$;

-- Creates the copy (columns, defaults, check constraints; no indexes), fills it with the live rows and remembers the
-- definitions of the views that read the live table (rebuild_view, dropped at commit), written as the search path
-- of the batch resolves them before it turns to the copy. Returns the copy.
create function kotaku_rebuild_begin(live regclass) returns regclass
    language plpgsql
as $$
declare
    shadow regclass;
begin
    execute format('create table kotaku_rebuild.%I (like %s including defaults including constraints'
        || ' including storage including comments)', (select relname from pg_class where oid = live),
        kotaku_qualified(live));
    shadow := format('kotaku_rebuild.%I', (select relname from pg_class where oid = live))::regclass;
    execute format('insert into %s select * from %s', kotaku_qualified(shadow), kotaku_qualified(live));
    create temp table rebuild_view on commit drop as
    select distinct kotaku_qualified(r.ev_class) as name, pg_get_viewdef(r.ev_class) as definition, r.ev_class as oid
    from pg_depend d join pg_rewrite r on r.oid = d.objid
    where d.classid = 'pg_rewrite'::regclass and d.refobjid = live and r.ev_class <> live;
    return shadow;
end
$$;

-- Builds on the copy every index and key of the live table, in the order they were made, with the same names
-- (they live in the copy's schema until the swap). Returns how many.
create function kotaku_rebuild_indexes(live regclass, shadow regclass) returns integer
    language plpgsql
as $$
declare
    statement text;
    built integer := 0;
begin
    -- a sorted build of a million rows (the trigram GIN above all) is faster with room to sort in
    perform set_config('maintenance_work_mem', '256MB', true);
    for statement in
        select replace(pg_get_indexdef(i.indexrelid), ' ON ' || kotaku_qualified(live) || ' USING ',
                       ' ON ' || kotaku_qualified(shadow) || ' USING ')
        from pg_index i
        where i.indrelid = live and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
        order by i.indexrelid
    loop
        execute statement;
        built := built + 1;
    end loop;
    for statement in
        select format('alter table %s add constraint %I %s', kotaku_qualified(shadow), c.conname,
                      pg_get_constraintdef(c.oid))
        from pg_constraint c where c.conrelid = live and c.contype in ('p', 'u', 'x', 'f')
        order by c.oid
    loop
        execute statement;
        built := built + 1;
    end loop;
    return built;
end
$$;

-- Swaps the copy in: waits for the live table's exclusive lock in short tries (a reader queues behind a try for at
-- most 100 ms; between tries reads go on), points the remembered views at the copy, drops the live table and moves
-- the copy into its schema under its name. Gives up with lock_not_available after `patience`.
create function kotaku_rebuild_swap(live regclass, shadow regclass, patience interval) returns void
    language plpgsql
as $$
declare
    deadline timestamptz := clock_timestamp() + patience;
    previous text := current_setting('lock_timeout');
    schema text := (select n.nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = live);
    dependent record;
begin
    loop
        begin
            perform set_config('lock_timeout', '100ms', true);
            execute format('lock table %s in access exclusive mode', kotaku_qualified(live));
            exit;
        exception when lock_not_available then
            if clock_timestamp() > deadline then
                raise;
            end if;
            perform pg_sleep(0.2);
        end;
    end loop;
    perform set_config('lock_timeout', previous, true);
    for dependent in select * from rebuild_view order by oid loop
        -- the remembered text names the table without its schema: the batch's search path finds the copy first
        execute format('create or replace view %s as %s', dependent.name, dependent.definition);
    end loop;
    execute format('drop table %s', kotaku_qualified(live));
    execute format('alter table %s set schema %I', kotaku_qualified(shadow), schema);
end
$$;
