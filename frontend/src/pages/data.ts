// Data page: API, OGC and tile addresses, licence, the data dictionary (every dataset of /api/v1/datasets), the
// reconciliation checks (/api/v1/checks) and the change log.
import { type Batch, type Changes, type Check, type CheckList, type Dataset, type DatasetDownload, type DatasetList, getJson, query } from '../api';
import { h, notice, tableScroll } from '../dom';
import { formatDate, formatNumber } from '../format';
import { licenceParagraph } from '../licence';
import { type Lang, lang, t } from '../i18n';
import type { PageContext } from '../page';

const LINKS: [string, string, Record<Lang, string>][] = [
  ['/api/v1/summary', 'JSON', { id: 'Angka utama nasional (atau ?region=, ?year=)', en: 'National headline figures (or ?region=, ?year=)' }],
  ['/api/v1/regions?q=balikpapan', 'JSON', { id: 'Pencarian wilayah', en: 'Region search' }],
  ['/api/v1/regions/64.71', 'JSON', { id: 'Profil satu wilayah', en: 'Profile of one region' }],
  ['/api/v1/progress?level=1&metric=slum_reduced_pct', 'JSON', { id: 'Satu nilai per wilayah (untuk peta dan peringkat)', en: 'One value per region (for maps and rankings)' }],
  ['/api/v1/spending?groupBy=type', 'JSON', { id: 'Anggaran menurut tahun, sumber, jenis, program, wilayah', en: 'Spending by year, source, type, program, region' }],
  ['/api/v1/activities?region=64.71&format=csv', 'CSV', { id: 'Kegiatan (juga GeoJSON dengan format=geojson)', en: 'Activities (also GeoJSON with format=geojson)' }],
  ['/api/v1/datasets', 'JSON', { id: 'Kamus data: setiap dataset, kolomnya, jumlah baris dan unduhan', en: 'Data dictionary: every dataset, its fields, record count and downloads' }],
  ['/catalog.jsonld', 'DCAT-AP (JSON-LD)', { id: 'Katalog untuk dipanen Satu Data / CKAN', en: 'Catalog for harvesting by Satu Data / CKAN' }],
  ['/datapackage.json', 'Frictionless Data Package', { id: 'Semua berkas CSV dengan skema tabelnya', en: 'Every CSV file with its table schema' }],
  ['/downloads', 'JSON', { id: 'Berkas unduhan per versi data (CSV.gz, GeoJSON.gz, perubahan NDJSON.gz)', en: 'Bulk files per data version (CSV.gz, GeoJSON.gz, changes as NDJSON.gz)' }],
  ['/api/v1/checks', 'JSON', { id: 'Pemeriksaan rekonsiliasi per versi data, dengan id baris yang gagal', en: 'Reconciliation checks per data version, with the ids of failing records' }],
  ['/api/v1/changes', 'JSON', { id: 'Umpan perubahan, termasuk penghapusan', en: 'Change feed, deletions included' }],
  ['/ogc', 'OGC API - Features', { id: 'Untuk QGIS, GDAL, ArcGIS', en: 'For QGIS, GDAL, ArcGIS' }],
  ['/tiles/regions.json', 'TileJSON', { id: 'Tile vektor batas wilayah', en: 'Vector tiles of region boundaries' }],
  ['/tiles/slum-areas.json', 'TileJSON', { id: 'Tile vektor kawasan kumuh', en: 'Vector tiles of slum areas' }],
  ['/tiles/activities.json', 'TileJSON', { id: 'Tile vektor titik kegiatan', en: 'Vector tiles of activity points' }],
  ['/v3/api-docs', 'OpenAPI', { id: 'Deskripsi API yang dapat dibaca mesin', en: 'Machine-readable API description' }],
];

/** The path of one of the portal's own absolute URLs, so that links work on any host the site is opened from. */
function local(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

function fieldTable(dataset: Dataset, l: Lang): HTMLElement {
  return tableScroll(`${t('dataDictionary')}: ${dataset.title[l]}`, h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, `${t('dataDictionary')}: ${dataset.title[l]}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('field')), h('th', { scope: 'col' }, t('fieldType')),
      h('th', { scope: 'col' }, t('meaning')))),
    h('tbody', {}, ...dataset.fields.map((field) => h('tr', {},
      h('th', { scope: 'row' }, h('code', {}, field.name)),
      h('td', {}, [field.type, field.unit, field.required ? null : t('fieldOptional')].filter(Boolean).join(', ')),
      h('td', {}, field.description[l], field.values.length === 0 ? null
        : h('span', { class: 'values' }, ' ', field.values.map((value) => `${value.code} (${value.label[l]})`).join(', '))))))));
}

/** "CSV, gzip (12 KB)", or for a delta "changes since version 6, NDJSON (3 KB)". */
function downloadLabel(file: DatasetDownload, l: Lang): string {
  const size = `${formatNumber(Math.max(1, Math.round(file.byteSize / 1024)), l)} KB`;
  if (file.since !== null) return t('downloadDelta', { since: file.since, size });
  return file.compression ? t('downloadWhole', { format: file.format.toUpperCase(), size }) : t('downloadGeoPackage', { size });
}

function datasetSection(dataset: Dataset, l: Lang): HTMLElement {
  const links: [string, string][] = [[local(dataset.api), 'API'], ...dataset.ogc.map((url): [string, string] => [local(url), 'OGC API - Features']),
    ...dataset.downloads.map((file): [string, string] => [local(file.url), downloadLabel(file, l)])];
  return h('section', { id: dataset.id, 'aria-labelledby': `ds-${dataset.id}`, class: 'dataset' },
    h('h3', { id: `ds-${dataset.id}` }, dataset.title[l]),
    h('p', {}, dataset.description[l]),
    h('p', { class: 'dataset-facts' }, t('datasetFacts', { n: formatNumber(dataset.recordCount, l), date: formatDate(dataset.modified, l) })),
    h('ul', { class: 'link-list' }, ...links.map(([href, label]) => h('li', {}, h('a', { href }, label), ' ', h('code', {}, href)))),
    h('details', {}, h('summary', {}, t('datasetFields', { n: dataset.fields.length })), fieldTable(dataset, l)));
}

function checkItem(check: Check, l: Lang): HTMLElement {
  const href = `/api/v1/checks/${encodeURIComponent(check.id)}`;
  const status = check.status === 'pass' ? t('checkPass') : t('checkFail', { n: formatNumber(check.count, l) });
  // not class 'check': that is the map's checkbox row (a flex box), which would lay the item out on one line
  return h('li', { class: `check-${check.status}` },
    h('strong', {}, check.title[l]), ` (${check.dataset}): `, h('a', { href }, status),
    h('br', {}), h('span', { class: 'check-description' }, check.description[l]));
}

async function renderChecks(section: HTMLElement, l: Lang): Promise<void> {
  const result = await getJson<CheckList>('/api/v1/checks');
  if (!result.ok) {
    section.append(notice(t('checksMissing')));
    return;
  }
  section.append(h('ul', { class: 'checks' }, ...result.data.items.map((check) => checkItem(check, l))));
}

async function renderCatalog(section: HTMLElement, l: Lang, context: PageContext): Promise<void> {
  const result = await getJson<DatasetList>('/api/v1/datasets');
  if (!result.ok) {
    section.append(notice(t('datasetsMissing')));
    return;
  }
  // the data stamp: the change feed's answer names no dataset, so the "synthetic" label comes from this one
  context.setEnvelope(result.data);
  section.append(...result.data.items.map((dataset) => datasetSection(dataset, l)));
}

export async function render(main: HTMLElement, context: PageContext): Promise<void> {
  const l = lang();
  context.setTitle(t('dataTitle'));
  const changes = h('section', { 'aria-labelledby': 'perubahan' }, h('h2', { id: 'perubahan' }, t('changeLog')));
  const checks = h('section', { 'aria-labelledby': 'checks' }, h('h2', { id: 'checks' }, t('checksTitle')),
    h('p', {}, t('checksIntro')));
  const catalog = h('section', { 'aria-labelledby': 'dictionary' }, h('h2', { id: 'dictionary' }, t('dataDictionary')),
    h('p', {}, t('datasetsIntro')));
  main.append(
    h('h1', { tabindex: '-1' }, t('dataTitle')),
    h('p', { class: 'lead' }, t('dataIntro')),
    h('section', { 'aria-labelledby': 'apis' }, h('h2', { id: 'apis' }, t('dataApis')),
      h('ul', { class: 'link-list' }, ...LINKS.map(([href, kind, text]) => h('li', {}, h('a', { href }, h('code', {}, href)), ` (${kind}): ${text[l]}`)))),
    h('section', { 'aria-labelledby': 'licence' }, h('h2', { id: 'licence' }, t('dataLicence')), licenceParagraph()),
    catalog,
    checks,
    changes,
  );
  await Promise.all([renderCatalog(catalog, l, context), renderChecks(checks, l)]);
  const result = await getJson<Changes>(query('/api/v1/changes', { limit: 20 }));
  if (!result.ok) {
    changes.append(notice(t('changesMissing')));
    return;
  }
  const batches = result.data.items ?? [];
  if (batches.length === 0) {
    changes.append(h('p', {}, t('changesNone')));
    return;
  }
  changes.append(h('ul', { class: 'changes' }, ...batches.map((batch) => h('li', {}, changeLine(batch, l)))));
}

/** "Versi data 7 · 4 Desember 2026 · activities · +120 · ~3 · −1": what one batch changed. */
function changeLine(batch: Batch, l: Lang): string {
  return [t('dataVersion', { v: batch.dataVersion }), formatDate(batch.committedAt, l), batch.dataset,
    `+${formatNumber(batch.rowsInserted, l)}`, `~${formatNumber(batch.rowsUpdated, l)}`, `−${formatNumber(batch.rowsDeleted, l)}`].join(' · ');
}
