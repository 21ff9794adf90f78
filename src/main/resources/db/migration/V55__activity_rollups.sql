-- Activities pre-aggregated for the read model (issue #5): a refresh at national scale spent most of its time
-- aggregating a million activity rows twice (per village and year, and per region, type and unit). These two
-- tables hold the same sums, so a refresh reads about 92,000 village-year rows and groups about 390,000
-- village-year-type rows instead.
-- The ingestion of activities recomputes the rows of the villages a batch touches inside its own transaction
-- (ActivityRollups, after the merge), from the canonical activity rows, so the tables always match the data
-- version they were written with and cannot drift: what a village holds is rebuilt whole, never adjusted.

-- One row per village, fiscal year, activity type and output unit.
create table activity_rollup (
    village_code           text     not null,
    fiscal_year            smallint not null,
    type                   text     not null,
    output_unit            text,
    activities             integer  not null check (activities > 0),
    planned                integer  not null,
    ongoing                integer  not null,
    completed              integer  not null,
    cancelled              integer  not null,
    budget_idr             bigint   not null,
    disbursed_idr          bigint   not null,
    cost_bpm_idr           bigint   not null,
    cost_apbd_idr          bigint   not null,
    cost_csr_idr           bigint   not null,
    cost_swadaya_idr       bigint   not null,
    cost_other_idr         bigint   not null,
    -- null when no activity of the group reported the figure (as sum() over nulls)
    beneficiary_households bigint,
    beneficiary_people     bigint,
    beneficiary_women      bigint,
    beneficiary_low_income bigint,
    labour_workers         bigint,
    labour_women           bigint,
    labour_person_days     bigint,
    labour_wages_idr       bigint,
    output_volume          numeric,
    constraint activity_rollup_key unique nulls not distinct (village_code, fiscal_year, type, output_unit)
);

-- The same summed over types and units: one row per village and fiscal year (the same figure columns).
create table activity_village_year (like activity_rollup including constraints);
alter table activity_village_year drop column type, drop column output_unit, drop column output_volume,
    add primary key (village_code, fiscal_year);

-- The rollup rows of some villages, computed from the activity table (the filter on the villages comes before
-- the grouping, so a small batch reads its villages' activities through the index on village_code).
create function kotaku_activity_rollup(villages text[]) returns setof activity_rollup
    language sql stable
as $$
    select village_code, fiscal_year, type, output_unit, count(*)::integer,
           count(*) filter (where status = 'planned')::integer, count(*) filter (where status = 'ongoing')::integer,
           count(*) filter (where status = 'completed')::integer, count(*) filter (where status = 'cancelled')::integer,
           sum(budget_idr)::bigint, sum(disbursed_idr)::bigint, sum(cost_bpm_idr)::bigint, sum(cost_apbd_idr)::bigint,
           sum(cost_csr_idr)::bigint, sum(cost_swadaya_idr)::bigint, sum(cost_other_idr)::bigint,
           sum(beneficiary_households), sum(beneficiary_people), sum(beneficiary_women), sum(beneficiary_low_income),
           sum(labour_workers), sum(labour_women), sum(labour_person_days), sum(labour_wages_idr)::bigint,
           sum(output_volume)
    from activity
    where village_code = any (villages)
    group by village_code, fiscal_year, type, output_unit
$$;

-- The village-year rows of some villages, summed from their (already recomputed) rollup rows.
create function kotaku_activity_village_year(villages text[]) returns setof activity_village_year
    language sql stable
as $$
    select village_code, fiscal_year, sum(activities)::integer, sum(planned)::integer, sum(ongoing)::integer,
           sum(completed)::integer, sum(cancelled)::integer, sum(budget_idr)::bigint, sum(disbursed_idr)::bigint,
           sum(cost_bpm_idr)::bigint, sum(cost_apbd_idr)::bigint, sum(cost_csr_idr)::bigint,
           sum(cost_swadaya_idr)::bigint, sum(cost_other_idr)::bigint, sum(beneficiary_households)::bigint,
           sum(beneficiary_people)::bigint, sum(beneficiary_women)::bigint, sum(beneficiary_low_income)::bigint,
           sum(labour_workers)::bigint, sum(labour_women)::bigint, sum(labour_person_days)::bigint,
           sum(labour_wages_idr)::bigint
    from activity_rollup
    where village_code = any (villages)
    group by village_code, fiscal_year
$$;

-- What the two tables must hold, computed afresh from every activity (used by tests to check the stored rows).
create view activity_rollup_source as
select * from kotaku_activity_rollup(array(select distinct village_code from activity));

create view activity_village_year_source as
select village_code, fiscal_year, count(*)::integer as activities,
       count(*) filter (where status = 'planned')::integer as planned,
       count(*) filter (where status = 'ongoing')::integer as ongoing,
       count(*) filter (where status = 'completed')::integer as completed,
       count(*) filter (where status = 'cancelled')::integer as cancelled,
       sum(budget_idr)::bigint as budget_idr, sum(disbursed_idr)::bigint as disbursed_idr,
       sum(cost_bpm_idr)::bigint as cost_bpm_idr, sum(cost_apbd_idr)::bigint as cost_apbd_idr,
       sum(cost_csr_idr)::bigint as cost_csr_idr, sum(cost_swadaya_idr)::bigint as cost_swadaya_idr,
       sum(cost_other_idr)::bigint as cost_other_idr, sum(beneficiary_households) as beneficiary_households,
       sum(beneficiary_people) as beneficiary_people, sum(beneficiary_women) as beneficiary_women,
       sum(beneficiary_low_income) as beneficiary_low_income, sum(labour_workers) as labour_workers,
       sum(labour_women) as labour_women, sum(labour_person_days) as labour_person_days,
       sum(labour_wages_idr)::bigint as labour_wages_idr
from activity
group by village_code, fiscal_year;

-- Recomputes both tables for the villages listed in the temporary table touched_village(village_code).
create function kotaku_refresh_activity_rollups() returns void
    language plpgsql
as $$
declare
    villages text[] := array(select distinct village_code from touched_village);
begin
    -- joined with the (analyzed) table, not "= any (villages)": a small batch deletes through the index
    delete from activity_rollup r using (select distinct village_code from touched_village) v
    where r.village_code = v.village_code;
    insert into activity_rollup select * from kotaku_activity_rollup(villages);
    delete from activity_village_year r using (select distinct village_code from touched_village) v
    where r.village_code = v.village_code;
    insert into activity_village_year select * from kotaku_activity_village_year(villages);
end
$$;

create temp table touched_village as select distinct village_code from activity;
select kotaku_refresh_activity_rollups();
drop table touched_village;
analyze activity_rollup;
analyze activity_village_year;
