// Data page: API, OGC and tile addresses, licence, data dictionary and the change log.
import { type Page, getJson, query } from '../api';
import { h, notice } from '../dom';
import { formatDate } from '../format';
import { licenceParagraph } from '../licence';
import { type Lang, lang, t } from '../i18n';
import type { PageContext } from '../page';

interface Change {
  dataVersion?: number;
  version?: number;
  asOf?: string;
  at?: string;
  loadedAt?: string;
  dataset?: string;
  inserted?: number;
  updated?: number;
  deleted?: number;
  summary?: string;
}

const LINKS: [string, string, Record<Lang, string>][] = [
  ['/api/v1/summary', 'JSON', { id: 'Angka utama nasional (atau ?region=, ?year=)', en: 'National headline figures (or ?region=, ?year=)' }],
  ['/api/v1/regions?q=balikpapan', 'JSON', { id: 'Pencarian wilayah', en: 'Region search' }],
  ['/api/v1/regions/64.71', 'JSON', { id: 'Profil satu wilayah', en: 'Profile of one region' }],
  ['/api/v1/progress?level=1&metric=slum_reduced_pct', 'JSON', { id: 'Satu nilai per wilayah (untuk peta dan peringkat)', en: 'One value per region (for maps and rankings)' }],
  ['/api/v1/spending?groupBy=type', 'JSON', { id: 'Anggaran menurut tahun, sumber, jenis, program, wilayah', en: 'Spending by year, source, type, program, region' }],
  ['/api/v1/activities?region=64.71&format=csv', 'CSV', { id: 'Kegiatan (juga GeoJSON dengan format=geojson)', en: 'Activities (also GeoJSON with format=geojson)' }],
  ['/api/v1/changes', 'JSON', { id: 'Umpan perubahan, termasuk penghapusan', en: 'Change feed, deletions included' }],
  ['/ogc', 'OGC API - Features', { id: 'Untuk QGIS, GDAL, ArcGIS', en: 'For QGIS, GDAL, ArcGIS' }],
  ['/tiles/regions.json', 'TileJSON', { id: 'Tile vektor batas wilayah', en: 'Vector tiles of region boundaries' }],
  ['/tiles/slum-areas.json', 'TileJSON', { id: 'Tile vektor kawasan kumuh', en: 'Vector tiles of slum areas' }],
  ['/tiles/activities.json', 'TileJSON', { id: 'Tile vektor titik kegiatan', en: 'Vector tiles of activity points' }],
  ['/v3/api-docs', 'OpenAPI', { id: 'Deskripsi API yang dapat dibaca mesin', en: 'Machine-readable API description' }],
];

const DICTIONARY: [string, Record<Lang, string>][] = [
  ['dataset', { id: '"demo-synthetic" untuk data contoh sintetis, "kotaku" untuk data program', en: '"demo-synthetic" for the synthetic demo data, "kotaku" for program data' }],
  ['dataVersion', { id: 'Nomor versi data; naik setiap kali data dimuat', en: 'Data version number; goes up with every load' }],
  ['asOf', { id: 'Waktu data versi ini dimuat (ISO 8601)', en: 'When this version of the data was loaded (ISO 8601)' }],
  ['code', { id: 'Kode wilayah Kemendagri bertitik, mis. 64.71', en: 'Dotted Kemendagri region code, e.g. 64.71' }],
  ['level', { id: '1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 kelurahan/desa', en: '1 province, 2 regency/city, 3 district, 4 village' }],
  ['hasData', { id: 'false jika belum ada laporan; angkanya null, bukan 0', en: 'false when nothing was reported yet; figures are null, never 0' }],
  ['baselineHa / currentHa', { id: 'Luas kumuh (hektare) pada data awal dan sekarang', en: 'Slum area (hectares) at baseline and now' }],
  ['officialReducedHa', { id: 'Luas kawasan yang penilaian terakhirnya tidak kumuh (indikator kinerja program)', en: 'Area of slum areas whose latest assessment is no longer slum (the program KPI)' }],
  ['weightedReducedHa', { id: 'Luas × penurunan rata-rata persentase kriteria; tidak pernah dijumlahkan dengan angka resmi', en: 'Area × fall of the mean criterion percentage; never added to the official figure' }],
  ['plannedIdr / disbursedIdr', { id: 'Rupiah (bilangan bulat) yang direncanakan dan yang sudah disalurkan', en: 'Rupiah (integers) planned and disbursed' }],
  ['disbursementRate', { id: 'Tersalurkan ÷ direncanakan, antara 0 dan 1', en: 'Disbursed ÷ planned, between 0 and 1' }],
  ['physicalProgress', { id: 'Kemajuan fisik kegiatan, 0–100 %', en: 'Physical progress of an activity, 0–100 %' }],
  ['status', { id: 'planned, ongoing, completed, cancelled', en: 'planned, ongoing, completed, cancelled' }],
];

export async function render(main: HTMLElement, context: PageContext): Promise<void> {
  const l = lang();
  context.setTitle(t('dataTitle'));
  const changes = h('section', { 'aria-labelledby': 'perubahan' }, h('h2', { id: 'perubahan' }, t('changeLog')));
  main.append(
    h('h1', { tabindex: '-1' }, t('dataTitle')),
    h('p', { class: 'lead' }, t('dataIntro')),
    h('section', { 'aria-labelledby': 'apis' }, h('h2', { id: 'apis' }, t('dataApis')),
      h('ul', { class: 'link-list' }, ...LINKS.map(([href, kind, text]) => h('li', {}, h('a', { href }, h('code', {}, href)), ` (${kind}): ${text[l]}`)))),
    h('section', { 'aria-labelledby': 'licence' }, h('h2', { id: 'licence' }, t('dataLicence')), licenceParagraph()),
    h('section', { 'aria-labelledby': 'dictionary' }, h('h2', { id: 'dictionary' }, t('dataDictionary')),
      h('div', { class: 'table-scroll' }, h('table', { class: 'data-table' },
        h('caption', { class: 'visually-hidden' }, t('dataDictionary')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('field')), h('th', { scope: 'col' }, t('meaning')))),
        h('tbody', {}, ...DICTIONARY.map(([field, meaning]) => h('tr', {}, h('th', { scope: 'row' }, h('code', {}, field)), h('td', {}, meaning[l]))))))),
    changes,
  );
  const result = await getJson<Page<Change>>(query('/api/v1/changes', { limit: 20 }));
  if (!result.ok) {
    changes.append(notice(t('changesMissing')));
    return;
  }
  context.setEnvelope(result.data);
  if (result.data.items.length === 0) {
    changes.append(h('p', {}, t('changesNone')));
    return;
  }
  changes.append(h('ul', { class: 'changes' }, ...result.data.items.map((change) => h('li', {},
    [t('dataVersion', { v: change.dataVersion ?? change.version ?? '?' }), formatDate(change.asOf ?? change.at ?? change.loadedAt, l),
      change.dataset, change.summary,
      change.inserted != null ? `+${change.inserted}` : null, change.updated != null ? `~${change.updated}` : null,
      change.deleted != null ? `−${change.deleted}` : null].filter((part) => part !== null && part !== undefined && part !== '').join(' · ')))));
}
