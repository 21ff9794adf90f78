-- Reference data for explainable slum scores (shared/DOMAIN.md sections 1.2-1.4).
-- Each criterion's percentage is volume / denominator; the score band turns the percentage into 0/1/3/5
-- (cut points 24.995 / 50.995 / 75.995 %, as in the Pekalongan R0 app's implementation of the sheets);
-- the level band turns the total score into a level.

insert into regulation (code, title, criteria_count, max_score) values
    ('14/2018', 'Permen PUPR 14/PRT/M/2018', 16, 80),
    ('02/2016', 'Permen PUPR 02/PRT/M/2016', 19, 95);

insert into criterion (regulation, code, aspect, aspect_name, name, unit, denominator, sort_order)
select r.code, c.code, c.aspect, c.aspect_name, c.name, c.unit, c.denominator, c.sort_order
from regulation r
cross join (values
    ('1a', 1, 'Kondisi bangunan gedung', 'Ketidakteraturan bangunan', 'unit', 'buildings', 1),
    ('1b', 1, 'Kondisi bangunan gedung', 'Tingkat kepadatan bangunan tinggi yang tidak sesuai ketentuan rencana tata ruang', 'ha', 'area_ha', 2),
    ('1c', 1, 'Kondisi bangunan gedung', 'Ketidaksesuaian dengan persyaratan teknis bangunan', 'unit', 'buildings', 3),
    ('2a', 2, 'Jalan lingkungan', 'Jaringan jalan lingkungan tidak melayani seluruh lingkungan perumahan atau permukiman', 'm', 'road_length_m', 4),
    ('2b', 2, 'Jalan lingkungan', 'Kualitas permukaan jalan lingkungan buruk', 'm', 'road_length_m', 5),
    ('3a', 3, 'Penyediaan air minum', 'Ketidaktersediaan akses aman air minum', 'kk', 'households', 6),
    ('3b', 3, 'Penyediaan air minum', 'Tidak terpenuhinya kebutuhan air minum setiap individu', 'kk', 'households', 7),
    ('4a', 4, 'Drainase lingkungan', 'Ketidakmampuan mengalirkan limpasan air hujan', 'ha', 'area_ha', 8),
    ('4b', 4, 'Drainase lingkungan', 'Ketidaktersediaan drainase', 'm', 'drain_length_m', 9),
    ('4c', 4, 'Drainase lingkungan', 'Kualitas konstruksi drainase lingkungan buruk', 'm', 'drain_length_m', 10),
    ('5a', 5, 'Pengelolaan air limbah', 'Sistem pengelolaan air limbah tidak sesuai standar teknis', 'kk', 'households', 13),
    ('5b', 5, 'Pengelolaan air limbah', 'Prasarana dan sarana pengelolaan air limbah tidak sesuai persyaratan teknis', 'kk', 'households', 14),
    ('6a', 6, 'Pengelolaan persampahan', 'Prasarana dan sarana persampahan tidak sesuai persyaratan teknis', 'kk', 'households', 15),
    ('6b', 6, 'Pengelolaan persampahan', 'Sistem pengelolaan persampahan tidak sesuai standar teknis', 'kk', 'households', 16),
    ('7a', 7, 'Proteksi kebakaran', 'Ketidaktersediaan prasarana proteksi kebakaran', 'unit', 'buildings', 18),
    ('7b', 7, 'Proteksi kebakaran', 'Ketidaktersediaan sarana proteksi kebakaran', 'unit', 'buildings', 19)
) as c (code, aspect, aspect_name, name, unit, denominator, sort_order);

-- the three criteria that 02/2016 has and 14/2018 dropped (19 = 16 + 3)
insert into criterion (regulation, code, aspect, aspect_name, name, unit, denominator, sort_order) values
    ('02/2016', '4d', 4, 'Drainase lingkungan', 'Ketidakterhubungan dengan sistem drainase perkotaan', 'm', 'drain_length_m', 11),
    ('02/2016', '4e', 4, 'Drainase lingkungan', 'Tidak dipeliharanya drainase sehingga terjadi akumulasi limbah padat dan cair', 'm', 'drain_length_m', 12),
    ('02/2016', '6c', 6, 'Pengelolaan persampahan', 'Tidak terpeliharanya sarana dan prasarana persampahan sehingga terjadi pencemaran', 'kk', 'households', 17);

insert into score_band (regulation, min_pct, max_pct, score)
select r.code, b.min_pct, b.max_pct, b.score
from regulation r
cross join (values (0.000, 24.994, 0), (24.995, 50.994, 1), (50.995, 75.994, 3), (75.995, 100.000, 5))
    as b (min_pct, max_pct, score);

insert into level_band (regulation, level, min_score, max_score) values
    ('14/2018', 'tidak_kumuh', 0, 15), ('14/2018', 'ringan', 16, 37),
    ('14/2018', 'sedang', 38, 59), ('14/2018', 'berat', 60, 80),
    ('02/2016', 'tidak_kumuh', 0, 18), ('02/2016', 'ringan', 19, 44),
    ('02/2016', 'sedang', 45, 70), ('02/2016', 'berat', 71, 95);
