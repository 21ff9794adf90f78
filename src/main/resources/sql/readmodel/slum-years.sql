-- The years slum areas count in (see slum-year.sql).
select first_year, last_year from kotaku_slum_years()
