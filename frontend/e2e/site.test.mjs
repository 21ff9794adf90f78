// Browser tests of the public site against a running portal (BASE_URL), driven by playwright-core with
// Debian's chromium (flags from shared/stack/FRONTEND.md). Run: BASE_URL=http://127.0.0.1:PORT npm run e2e
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const SHOTS = new URL('../test-results/screenshots/', import.meta.url);
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const PAGES = {
  home: '/',
  map: '/peta',
  region: '/wilayah/64.71',
  village: '/wilayah/64.71.02.1006',
  near: '/sekitar?near=116.8312,-1.2654&radius=2000',
  data: '/data',
  about: '/about',
  embed: '/embed/wilayah/64.71',
  slumArea: '/kawasan/KWS-6471-001',
  accessibility: '/aksesibilitas',
};
// axe's WCAG 2.0-2.2 A/AA rules and its best practices (landmarks, unique names, headings); findings of moderate impact
// or worse fail a test
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const AXE_FAILING = ['moderate', 'serious', 'critical'];

let browser;
const foreignRequests = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
});

async function open(path, { width = 1280, height = 900, scale = 1, lang = 'id', geolocation } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale, acceptDownloads: true,
    ...(geolocation ? { geolocation, permissions: ['geolocation'] } : {}) });
  await context.addInitScript((language) => {
    if (!localStorage.getItem('kotaku-lang')) localStorage.setItem('kotaku-lang', language);
  }, lang);
  const page = await context.newPage();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['blob:', 'data:'].includes(url.protocol)) foreignRequests.push(request.url());
  });
  await page.goto(BASE + path);
  // a cold first page on a busy 2-core machine can take longer than 20 s
  await page.waitForSelector('body[data-page="ready"]', { timeout: 45_000 });
  return page;
}

async function closePage(page) {
  await page.context().close();
}

async function api(path) {
  const response = await fetch(BASE + path);
  assert.equal(response.status, 200, `${path} answers 200`);
  return response.json();
}

function at(object, path) {
  return path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), object);
}

/** The map has drawn (MapLibre's idle after the data were applied), or it said it cannot draw at all. */
async function waitForMap(page) {
  await page.waitForFunction(() => document.body.dataset.mapReady !== undefined || !document.querySelector('#map canvas'), null, { timeout: 45_000 });
}

/** The level of a dotted region code. */
function levelOf(code) {
  return code.split('.').length;
}

/** Waits until the map draws regions below `prefix` (the provinces for ''), then lists them with their colour state. */
async function drawnRegions(page, prefix) {
  await page.waitForFunction((p) => window.__map.queryRenderedFeatures({ layers: ['regions-fill', 'region-points'] })
    .some((f) => String(f.properties.code).startsWith(p) && String(f.properties.code).split('.').length === (p ? p.split('.').length : 1)), prefix, { timeout: 30_000 });
  await waitForMapIdle(page);
  return page.evaluate((p) => window.__map.queryRenderedFeatures({ layers: ['regions-fill', 'region-points'] })
    .filter((f) => String(f.properties.code).startsWith(p))
    .map((f) => ({ code: f.properties.code, layer: f.layer.id, hasData: Boolean(window.__map.getFeatureState({ source: 'regions', sourceLayer: 'regions', id: f.id }).hasData) })), prefix);
}

async function waitForMapIdle(page) {
  await page.evaluate(() => new Promise((resolve) => (window.__map.loaded() ? resolve() : window.__map.once('idle', resolve))));
}

/**
 * Clicks a drawn region: the one with `code`, or (null) the top one at the first drawn point of `layer`; returns the
 * code clicked.
 */
async function clickRegion(page, code, layer) {
  const target = await page.evaluate(([wanted, id]) => {
    const map = window.__map;
    const box = map.getContainer().getBoundingClientRect();
    const inside = (p) => p.x > 10 && p.y > 10 && p.x < box.width - 10 && p.y < box.height - 10;
    for (const feature of map.queryRenderedFeatures({ layers: [id] })) {
      if (wanted && feature.properties.code !== wanted) continue;
      const candidates = feature.geometry.type === 'Point' ? [feature.geometry.coordinates]
        : feature.geometry.coordinates.flat(feature.geometry.type === 'Polygon' ? 1 : 2);
      // a polygon: the points of its ring pulled a little towards its centre, until one hits the region itself
      const ring = candidates;
      const cx = ring.reduce((s, c) => s + c[0], 0) / ring.length;
      const cy = ring.reduce((s, c) => s + c[1], 0) / ring.length;
      for (const t of feature.geometry.type === 'Point' ? [1] : [0, 0.3, 0.6, 0.8]) {
        for (const c of t === 0 ? [[cx, cy]] : ring) {
          const p = map.project(feature.geometry.type === 'Point' ? c : [cx + (c[0] - cx) * t, cy + (c[1] - cy) * t]);
          if (!inside(p)) continue;
          const top = map.queryRenderedFeatures([p.x, p.y], { layers: ['region-points', 'slum-area-points', 'activity-points', 'activity-clusters', 'regions-fill'] })[0];
          if (top && top.layer.id === id && (!wanted || top.properties.code === wanted)) return { x: p.x, y: p.y, code: top.properties.code };
        }
      }
    }
    return null;
  }, [code, layer]);
  assert.ok(target, `a visible spot of ${code ?? layer} to click`);
  await page.locator('#map canvas').click({ position: { x: target.x, y: target.y } });
  return target.code;
}

/** Presses Tab until the focus is on the row of `code` (its drill button or its profile link). */
async function tabToRow(page, code, tag) {
  for (let step = 0; step < 400; step++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => ({ code: document.activeElement?.closest('.twin tr')?.dataset.code, tag: document.activeElement?.tagName.toLowerCase() }));
    if (at.code === code && at.tag === tag) return;
  }
  assert.fail(`Tab never reached the ${tag} of ${code}`);
}

async function renderedYears(page) {
  await waitForMapIdle(page);
  return page.evaluate(() => window.__map.queryRenderedFeatures({ layers: ['activity-points'] }).map((f) => f.properties.fiscal_year));
}

/** Lets late requests (charts, tables) finish before a screenshot; the assertions have their own waits. */
async function settle(page) {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
}

/**
 * What does not fit on the screen: the page scrolls sideways, or an element (outside a table's own scrolling box and
 * the map) reaches past the right edge. Empty when the page reflows (WCAG 1.4.10).
 */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    if (document.documentElement.scrollWidth > width) problems.push(`page ${document.documentElement.scrollWidth} px wide in ${width}`);
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest('.table-scroll, .map, .visually-hidden, .skip-link, [hidden]')) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1) problems.push(`${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(box.right)}`);
    }
    return problems.slice(0, 5);
  });
}

/** Where the focused element is and how it looks: in the viewport, on top at its centre, with a focus outline. */
async function focusState(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    return {
      name: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`,
      inViewport: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
      onTop: top !== null && (top === element || element.contains(top) || top.contains(element)),
      outlined: (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
    };
  });
}

describe('accessibility beyond the automated scan', () => {
  const REFLOW = { ...PAGES };
  for (const [label, options] of [['320 px', { width: 320, height: 800 }], ['200 % zoom', { width: 640, height: 450, scale: 2 }]]) {
    test(`every page type reflows at ${label} without sideways scrolling, screenshots`, async () => {
      const file = label === '320 px' ? '320' : 'zoom200';
      for (const [name, path] of Object.entries(REFLOW)) {
        const page = await open(path, options);
        if (name === 'map') await waitForMap(page);
        await settle(page);
        assert.deepEqual(await overflow(page), [], `${path} at ${label}`);
        assert.ok(await page.locator('h1').first().isVisible(), `${path} shows its heading at ${label}`);
        await page.screenshot({ path: new URL(`${name}-${file}.png`, SHOTS).pathname, fullPage: true });
        await closePage(page);
      }
    });
  }

  for (const [name, where] of Object.entries({ home: PAGES.home, map: PAGES.map, region: PAGES.region, activity: null, slumArea: PAGES.slumArea, accessibility: PAGES.accessibility })) {
    test(`${name}: every element Tab reaches is on screen, not covered, and shows its focus (375 px)`, async () => {
      const path = where ?? `/kegiatan/${encodeURIComponent((await api('/api/v1/activities?region=64.71&limit=1')).items[0].id)}`;
      const page = await open(path, { width: 375, height: 740 });
      if (name === 'map') await waitForMap(page);
      await settle(page);
      const seen = [];
      for (let step = 0; step < 60; step++) {
        await page.keyboard.press('Tab');
        const state = await focusState(page);
        if (state === null || (seen.length > 0 && state.name === seen[0])) break;
        seen.push(state.name);
        assert.ok(state.inViewport, `${path}: ${state.name} is scrolled into view`);
        assert.ok(state.onTop, `${path}: ${state.name} is not hidden under another element`);
        assert.ok(state.outlined, `${path}: ${state.name} shows a focus outline`);
      }
      assert.ok(seen.length >= 8, `${path}: Tab reached ${seen.length} elements`);
      await closePage(page);
    });
  }

  // (the drill-down by keyboard with what the map draws at each level is 'the map drills from Indonesia to a
  // kelurahan by keyboard...'; this one holds the focus: each step's very next Tab is the first region of that level)
  test('at each step of a keyboard drill-down the focus is on the twin\'s summary, which names the level, and the next Tab is its first region', async () => {
    const page = await open('/peta');
    await waitForMap(page);
    const twinButton = () => page.evaluate(() => document.activeElement?.closest('.twin tbody') ? document.activeElement.closest('tr').dataset.code : null);
    let code = null;
    for (let step = 0; step < 80 && code === null; step++) {
      await page.keyboard.press('Tab');
      code = await twinButton();
    }
    assert.ok(code, 'Tab reaches the first region of the table');
    for (const level of [2, 3, 4]) {
      assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /^Masuk ke /);
      await page.keyboard.press('Enter');
      await page.waitForFunction((parent) => {
        const rows = [...document.querySelectorAll('.twin tbody tr')];
        return rows.length > 0 && rows.every((tr) => tr.dataset.code.startsWith(`${parent}.`));
      }, code, { timeout: 15_000 });
      assert.equal(await page.evaluate(() => document.activeElement.className), 'twin-summary', 'focus stays in the table, on its summary');
      assert.match(await page.textContent('.twin-summary'), new RegExp(`^${['', '', 'Kabupaten/kota', 'Kecamatan', 'Kelurahan/desa'][level].replace('/', '\\/')} · `));
      assert.match(page.url(), new RegExp(`[?&]p=${code.replaceAll('.', '\\.')}`), 'the view is in the URL');
      await page.keyboard.press('Tab');
      code = await twinButton();
      assert.ok(code, `the next Tab goes to the first region of level ${level}`);
    }
    assert.equal(code.split('.').length, 4, 'a kelurahan');
    // a kelurahan has nothing below it: its row offers its profile
    assert.match(await page.evaluate(() => document.activeElement.textContent), /^Profil /);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/wilayah/${code.replaceAll('.', '\\.')}$`));
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: new URL('keyboard-kelurahan-1280.png', SHOTS).pathname, fullPage: true });
    await closePage(page);
  });

  test('the accessibility statement says what is checked, the known gaps and how to report, in both languages', async () => {
    for (const [lang, heading, sections] of [
      ['id', 'Pernyataan aksesibilitas', ['Standar dan status', 'Apa yang diperiksa, dan bagaimana', 'Kekurangan yang diketahui', 'Melaporkan hambatan']],
      ['en', 'Accessibility statement', ['Standard and status', 'What is checked, and how', 'Known gaps', 'Reporting a barrier']]]) {
      const page = await open('/', { lang });
      await page.getByRole('contentinfo').getByRole('link', { name: lang === 'id' ? 'Aksesibilitas' : 'Accessibility' }).click();
      await page.waitForURL(/\/aksesibilitas$/);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 10_000 });
      for (const name of sections) assert.ok(await page.getByRole('heading', { level: 2, name }).isVisible(), `${lang}: ${name}`);
      assert.match(await page.textContent('main'), /WCAG 2\.2/);
      await closePage(page);
    }
  });
});

describe('public site', () => {
  test('home shows the same headline numbers as /api/v1/summary', async () => {
    const summary = await api('/api/v1/summary');
    const page = await open('/');
    const figures = await page.$$eval('.figures dd[data-field]', (cells) => cells.map((cell) => ({
      field: cell.dataset.field, value: cell.dataset.value, text: cell.textContent,
    })));
    assert.ok(figures.length >= 10, 'at least 10 headline figures');
    let compared = 0;
    for (const figure of figures) {
      const expected = at(summary, figure.field);
      if (typeof expected === 'number') {
        assert.equal(Number(figure.value), expected, `${figure.field} shows the API's number`);
        compared++;
      } else {
        assert.equal(figure.value, '', `${figure.field} has no value when the API has none`);
        assert.equal(figure.text, 'belum ada data', `${figure.field} says "no data yet", not 0`);
      }
    }
    assert.ok(compared >= 5, `compared ${compared} figures with the API`);
    const stamp = await page.textContent('.data-stamp');
    assert.match(stamp, new RegExp(`Versi data ${summary.dataVersion}\\b`));
    if (summary.dataset === 'demo-synthetic') assert.match(stamp, /sintetis/);
    await closePage(page);
  });

  test('search "Balikpapan" reaches the regency profile by keyboard', async () => {
    const page = await open('/');
    const box = page.getByRole('combobox', { name: 'Cari wilayah' });
    await box.fill('Balikpapan');
    await page.getByRole('option', { name: /^Kota Balikpapan/ }).waitFor({ timeout: 10_000 });
    const names = await page.getByRole('option').allTextContents();
    const index = names.findIndex((name) => name.startsWith('Kota Balikpapan'));
    for (let step = 0; step <= index; step++) await box.press('ArrowDown');
    assert.match(await page.locator('[role=option][aria-selected=true]').textContent(), /^Kota Balikpapan/);
    await box.press('Enter');
    await page.waitForURL(/\/wilayah\/64\.71$/);
    await page.getByRole('heading', { level: 1, name: 'Kota Balikpapan' }).waitFor({ timeout: 10_000 });
    await closePage(page);
  });

  test('the map offers the data behind the view as CSV', async () => {
    const page = await open('/peta?m=disbursed_idr&p=64&y=2021');
    const rows = page.locator('.twin tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.code));
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh data di balik peta ini (CSV)' }).click()]);
    assert.equal(download.suggestedFilename(), 'kotaku-peta-disbursed_idr-64-2021.csv');
    const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.match(lines[0], /^Kode,/);
    assert.deepEqual(lines.slice(1).map((line) => line.split(',')[0]), shown, 'the regions of the view, in its order');
    const progress = await api('/api/v1/progress?level=2&parent=64&year=2021&metric=disbursed_idr');
    const first = progress.items.find((item) => item.code === shown[0]);
    assert.equal(lines[1].split(',').at(-2), first.value == null ? '' : String(first.value), 'raw numbers of the API');
    await closePage(page);
  });

  test('the map drills from Indonesia to a kelurahan by clicking, drawing every level', async () => {
    const page = await open('/peta');
    await waitForMap(page);
    assert.ok((await drawnRegions(page, '')).length >= 30, 'the provinces are drawn');
    await clickRegion(page, '64', 'regions-fill');
    await page.waitForURL(/[?&]p=64(&|$)/, { timeout: 15_000 });
    const regencies = await drawnRegions(page, '64.');
    assert.ok(regencies.some((f) => f.code === '64.71' && f.hasData), `Kota Balikpapan is drawn and coloured: ${JSON.stringify(regencies.slice(0, 3))}`);
    await clickRegion(page, '64.71', 'regions-fill');
    await page.waitForURL(/[?&]p=64\.71(&|$)/, { timeout: 15_000 });
    const districts = await drawnRegions(page, '64.71.');
    assert.ok(districts.length >= 3 && districts.every((f) => f.layer === 'region-points'), `districts drawn as points: ${districts.length}`);
    const district = await clickRegion(page, null, 'region-points');
    assert.match(district, /^64\.71\.\d{2}$/);
    await page.waitForURL(new RegExp(`[?&]p=${district.replaceAll('.', '\\.')}(&|$)`), { timeout: 15_000 });
    const villages = await drawnRegions(page, `${district}.`);
    assert.ok(villages.length >= 1, `the villages of ${district} are drawn`);
    await settle(page);
    await page.screenshot({ path: new URL('map-drill-district-1280.png', SHOTS).pathname, fullPage: true });
    const village = await clickRegion(page, null, 'region-points');
    await page.waitForURL(new RegExp(`/wilayah/${village.replaceAll('.', '\\.')}$`), { timeout: 15_000 });
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 15_000 });
    assert.equal(levelOf(village), 4, 'a kelurahan/desa profile');
    await closePage(page);
  });

  test('the map drills from Indonesia to a kelurahan by keyboard through the table twin, at 375 px', async () => {
    const page = await open('/peta', { width: 375 });
    await waitForMap(page);
    const steps = ['64', '64.71'];
    for (const code of steps) {
      await tabToRow(page, code, 'button');
      await page.keyboard.press('Enter');
      await page.waitForFunction((parent) => { const rows = [...document.querySelectorAll('.twin tbody tr')];
        return rows.length > 0 && rows.every((tr) => tr.dataset.code.startsWith(`${parent}.`)); }, code, { timeout: 20_000 });
      assert.ok((await drawnRegions(page, `${code}.`)).length >= 1, `the map draws the level below ${code}`);
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('twin-summary')), true, 'focus stays in the twin');
    }
    const district = await page.locator('.twin tbody tr').first().getAttribute('data-code');
    await tabToRow(page, district, 'button');
    await page.keyboard.press('Enter');
    await page.waitForFunction((parent) => { const rows = [...document.querySelectorAll('.twin tbody tr')];
      return rows.length > 0 && rows.every((tr) => tr.dataset.code.startsWith(`${parent}.`)); }, district, { timeout: 20_000 });
    const villages = await drawnRegions(page, `${district}.`);
    assert.ok(villages.length >= 1, `the map draws the villages of ${district}`);
    await settle(page);
    await page.screenshot({ path: new URL('map-drill-villages-375.png', SHOTS).pathname, fullPage: true });
    const village = await page.locator('.twin tbody tr').first().getAttribute('data-code');
    await tabToRow(page, village, 'a');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/wilayah/${village.replaceAll('.', '\\.')}$`), { timeout: 15_000 });
    await closePage(page);
  });

  test('activity clusters show their count', async () => {
    const page = await open('/peta?p=64&v=116.85,-1.2,10.5');
    await waitForMap(page);
    await page.waitForFunction(() => window.__map.queryRenderedFeatures({ layers: ['activity-cluster-counts'] }).length > 0, null, { timeout: 30_000 });
    const clusters = await page.evaluate(() => window.__map.queryRenderedFeatures({ layers: ['activity-cluster-counts'] })
      .map((f) => ({ count: f.properties.count, image: `count-${f.properties.count}` })));
    const big = clusters.find((c) => c.count > 1);
    assert.ok(big, `a cluster of several activities: ${JSON.stringify(clusters)}`);
    await page.waitForFunction((id) => window.__map.hasImage(id), big.image, { timeout: 10_000 });
    const circles = await page.evaluate(() => window.__map.queryRenderedFeatures({ layers: ['activity-clusters'] }).length);
    assert.ok(circles >= clusters.length, 'each count sits on its cluster circle');
    await settle(page);
    await page.screenshot({ path: new URL('map-clusters-1280.png', SHOTS).pathname });
    await closePage(page);
  });

  test('an activity popup shows its figures and links to the activity page', async () => {
    const page = await open('/peta?p=64.71&v=116.87,-1.16,15');
    await waitForMap(page);
    await page.waitForFunction(() => window.__map.queryRenderedFeatures({ layers: ['activity-points'] }).length > 0, null, { timeout: 30_000 });
    const target = await page.evaluate(() => {
      const map = window.__map;
      for (const feature of map.queryRenderedFeatures({ layers: ['activity-points'] })) {
        const point = map.project(feature.geometry.coordinates);
        const box = map.getContainer().getBoundingClientRect();
        if (point.x < 40 || point.y < 40 || point.x > box.width - 300 || point.y > box.height - 40) continue;
        const top = map.queryRenderedFeatures([point.x, point.y], { layers: ['region-points', 'slum-area-points', 'activity-points'] })[0];
        if (top?.layer.id === 'activity-points' && top.properties.id === feature.properties.id) return { x: point.x, y: point.y, id: feature.properties.id, name: feature.properties.name };
      }
      return null;
    });
    assert.ok(target, 'an activity point nothing covers');
    await page.locator('#map canvas').click({ position: { x: target.x, y: target.y } });
    const popup = page.locator('.maplibregl-popup .popup');
    await popup.waitFor({ timeout: 10_000 });
    const text = await popup.textContent();
    assert.ok(text.includes(target.name), 'the name');
    for (const label of ['Jenis', 'Status', 'Anggaran', 'Tersalurkan', 'Kemajuan fisik']) assert.ok(text.includes(label), `the popup shows ${label}`);
    assert.equal(await popup.getByRole('link', { name: 'Buka halaman kegiatan' }).getAttribute('href'), `/kegiatan/${encodeURIComponent(target.id)}`);
    await page.screenshot({ path: new URL('map-popup-1280.png', SHOTS).pathname });
    await closePage(page);
  });

  test('choosing a year changes the activity points: the tile requests carry the year', async () => {
    const page = await open('/peta?p=64.71&v=116.87,-1.16,13.5');
    const tileUrls = [];
    page.on('request', (request) => { if (request.url().includes('/activities')) tileUrls.push(request.url()); });
    await waitForMap(page);
    await page.waitForFunction(() => window.__map.queryRenderedFeatures({ layers: ['activity-points'] }).length > 0, null, { timeout: 30_000 });
    const years = await renderedYears(page);
    assert.ok(new Set(years).size > 1, `points of several years before: ${[...new Set(years)]}`);
    await page.getByLabel('Tahun').selectOption('2021');
    await page.waitForURL(/[?&]y=2021/, { timeout: 10_000 });
    await page.waitForFunction(() => { const f = window.__map.queryRenderedFeatures({ layers: ['activity-points'] });
      return f.length > 0 && f.every((p) => p.properties.fiscal_year === 2021); }, null, { timeout: 30_000 });
    const after = await renderedYears(page);
    assert.ok(after.length < years.length, `fewer points of one year: ${after.length} < ${years.length}`);
    assert.ok(tileUrls.some((url) => /\/tiles\/v\d+\/activities\/\d+\/\d+\/\d+\.mvt\?year=2021$/.test(url)), `tiles of the year: ${tileUrls.slice(-3)}`);
    await closePage(page);
  });

  test('a profile downloads what it shows as CSV', async () => {
    const page = await open('/wilayah/64.71');
    await page.locator('#activities ~ .table-scroll tbody tr').first().waitFor({ timeout: 15_000 });
    const shown = await page.locator('#activities ~ .table-scroll tbody tr').count();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh yang tampil (CSV)' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.match(lines[0], /^Tahun,Kelurahan\/desa,Jenis,Kegiatan/);
    assert.equal(lines.length - 1, shown, 'one CSV row per table row');
    await closePage(page);
  });

  test('a profile keeps its activity filters in the URL and offers its embed code', async () => {
    const page = await open('/wilayah/64.71?year=2019&type=drainage');
    const rows = page.locator('#activities ~ .table-scroll tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[2].textContent]));
    assert.ok(cells.length > 0);
    assert.deepEqual([...new Set(cells.map(([year, type]) => `${year} ${type}`))], ['2019 Drainase'], 'only the filtered rows');
    await page.locator('#activities ~ .filters select').nth(1).selectOption('road');
    await page.waitForURL(/\/wilayah\/64\.71\?year=2019&type=road$/);
    await page.getByText('Sematkan kartu wilayah ini di situs Anda').click();
    const code = await page.getByLabel('Kode HTML untuk disalin').inputValue();
    assert.match(code, /^<iframe src="http:\/\/[^"]+\/embed\/wilayah\/64\.71" title="KOTAKU: Kota Balikpapan"/);
    await closePage(page);
  });

  test('near me lists what lies around the visitor, from the browser\'s location', async () => {
    const [activity] = (await api('/api/v1/activities?region=64.71&limit=1')).items;
    const near = (await api(`/api/v1/activities?near=${activity.lon},${activity.lat}&radius=1000&limit=100`)).items;
    const areas = (await api(`/api/v1/slum-areas?near=${activity.lon},${activity.lat}&radius=1000&limit=100`)).items;
    const page = await open('/sekitar', { geolocation: { longitude: activity.lon, latitude: activity.lat } });
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    const rows = page.locator('#near-activities ~ .table-scroll tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    assert.equal(await rows.count(), near.length, 'one row per activity the API finds within 1 km');
    assert.ok(await page.getByRole('rowheader', { name: activity.name }).first().isVisible(), 'the activity at the location');
    const count = (n) => (n >= 100 ? '100\\+' : String(n));
    assert.match(await page.textContent('p.table-status'), new RegExp(`^${count(near.length)} kegiatan dan ${count(areas.length)} kawasan kumuh dalam jarak 1 km`));
    assert.match(page.url(), /\/sekitar\?near=[0-9.]+%2C-[0-9.]+&radius=1000$/);
    // the small map draws the circle, the visitor and every activity found that has a point
    await page.waitForFunction(() => window.__nearMap?.loaded() && window.__nearMap.getLayer('near-activities'), null, { timeout: 20_000 });
    await page.waitForFunction((n) => window.__nearMap.queryRenderedFeatures({ layers: ['near-activities'] }).length >= Math.min(n, 1), near.length, { timeout: 20_000 });
    const drawn = await page.evaluate(() => ['near-circle', 'near-centre', 'near-activities']
      .map((layer) => window.__nearMap.queryRenderedFeatures({ layers: [layer] }).length));
    assert.ok(drawn[0] >= 1 && drawn[1] >= 1, `circle and visitor drawn: ${drawn}`);
    assert.ok(drawn[2] >= 1 && drawn[2] <= near.length, `activities drawn: ${drawn[2]} of ${near.length}`);
    await settle(page);
    await page.screenshot({ path: new URL('near-me-located-1280.png', SHOTS).pathname, fullPage: true });
    await closePage(page);
  });

  test('an activity page shows its figures and draws its point on a small map (1280 and 375 px, axe)', async () => {
    const [listed] = (await api('/api/v1/activities?region=64.71&limit=1')).items;
    const { item: activity } = await api(`/api/v1/activities/${encodeURIComponent(listed.id)}`);
    const rupiah = (value) => `Rp ${value.toLocaleString('id-ID')}`;
    for (const width of [1280, 375]) {
      const page = await open(`/kegiatan/${encodeURIComponent(activity.id)}`, { width });
      await page.getByRole('heading', { level: 1, name: activity.name }).waitFor({ timeout: 10_000 });
      const expected = { fiscalYear: String(activity.fiscalYear), budgetIdr: rupiah(activity.budgetIdr), disbursedIdr: rupiah(activity.disbursedIdr) };
      for (const [field, text] of Object.entries(expected)) {
        const cell = page.locator(`.record-figures dd[data-field="${field}"]`);
        assert.ok(await cell.isVisible(), `${field} is on screen at ${width} px`);
        assert.equal(await cell.getAttribute('data-value'), String(activity[field]), `${field} is the API's value`);
        assert.equal(await cell.textContent(), text, `${field} reads ${text}`);
      }
      assert.match(await page.locator('.record-figures dd[data-field="physicalProgress"]').textContent(), /%$/);
      assert.match(await page.textContent('.data-stamp'), /Versi data \d+/);
      // the small map drew the activity's point (MapLibre's rendered features, not just a canvas)
      await page.waitForSelector('.record-map[data-ready="true"]', { timeout: 30_000 });
      const drawn = await page.evaluate(() => window.__recordMap.queryRenderedFeatures({ layers: ['record-point'] }).length);
      assert.ok(drawn >= 1, `the point is drawn at ${width} px`);
      assert.ok(await page.getByRole('link', { name: 'JSON', exact: true }).isVisible(), 'the record can be downloaded');
      await settle(page);
      await page.screenshot({ path: new URL(`activity-${width}.png`, SHOTS).pathname, fullPage: true });
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      const bad = results.violations.filter((violation) => AXE_FAILING.includes(violation.impact));
      assert.deepEqual(bad.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`), [], `activity page axe at ${width} px`);
      await closePage(page);
    }
  });

  test('an activity page fetched without JavaScript shows its figures and valid JSON-LD', async () => {
    const [activity] = (await api('/api/v1/activities?region=64.71&limit=1')).items;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${BASE}/kegiatan/${encodeURIComponent(activity.id)}`);
    assert.equal(response.status(), 200);
    await page.getByRole('heading', { level: 1, name: activity.name }).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('dd[data-field="budgetIdr"]').textContent(), `Rp ${activity.budgetIdr.toLocaleString('id-ID')}`);
    assert.ok(await page.getByRole('link', { name: 'Lihat di peta / See it on the map' }).isVisible(), 'a link to the map instead of one');
    const jsonLd = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(jsonLd.identifier, activity.id);
    assert.equal(jsonLd.spatialCoverage.geo['@type'], 'GeoCoordinates');
    await page.screenshot({ path: new URL('activity-nojs-1280.png', SHOTS).pathname, fullPage: true });
    await context.close();
  });

  test('a profile links its activities to their pages', async () => {
    const page = await open('/wilayah/64.71');
    const link = page.locator('#activities ~ .table-scroll tbody tr th a').first();
    await link.waitFor({ timeout: 15_000 });
    const name = await link.textContent();
    await link.click();
    await page.waitForURL(/\/kegiatan\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 10_000 });
    await closePage(page);
  });

  test('switching to English translates the page and keeps the choice', async () => {
    const page = await open('/');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Progress of the KOTAKU program' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.goto(`${BASE}/about`);
    await page.getByRole('heading', { level: 1, name: 'About the program and the method' }).waitFor();
    await closePage(page);
  });

  test('an embed shows a region card with version and link back', async () => {
    const page = await open('/embed/wilayah/64.71');
    await page.getByRole('heading', { level: 1, name: 'Kota Balikpapan' }).waitFor({ timeout: 10_000 });
    assert.match(await page.textContent('.data-stamp'), /Versi data \d+/);
    assert.equal(await page.locator('header').count(), 0, 'no site header inside an embed');
    await closePage(page);
  });

  test('the data page lists every dataset of /api/v1/datasets with its fields', async () => {
    const datasets = (await api('/api/v1/datasets')).items;
    assert.ok(datasets.length >= 5, 'at least five published datasets');
    const page = await open('/data');
    const activities = datasets.find((dataset) => dataset.id === 'activities');
    for (const dataset of datasets) {
      await page.getByRole('heading', { level: 3, name: dataset.title.id }).waitFor({ timeout: 10_000 });
    }
    const section = page.locator('section#activities');
    assert.match(await section.locator('.dataset-facts').textContent(),
      new RegExp(activities.recordCount.toLocaleString('id-ID').replace(/\./g, '\\.')), 'the record count of the API');
    await section.getByText(/kolom/).first().click();
    await section.getByRole('rowheader', { name: 'budgetIdr' }).waitFor({ timeout: 5_000 });
    assert.ok(await section.getByRole('rowheader', { name: 'budgetIdr' }).isVisible(), 'the opened field table shows budgetIdr');
    await closePage(page);
  });

  for (const [name, path] of Object.entries(PAGES)) {
    test(`${name}: no moderate, serious or critical axe violations at 1280 and 375 px, screenshots`, async () => {
      for (const width of [1280, 375]) {
        const page = await open(path, { width });
        if (name === 'map') await waitForMap(page);
        await settle(page);
        await page.screenshot({ path: new URL(`${name}-${width}.png`, SHOTS).pathname, fullPage: true });
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        const bad = results.violations.filter((violation) => AXE_FAILING.includes(violation.impact));
        assert.deepEqual(bad.map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`), [], `${path} axe at ${width} px`);
        const stampText = await page.textContent('.data-stamp');
        assert.match(stampText, /Versi data \d+/, `${path} shows the data version`);
        await closePage(page);
      }
    });
  }

  test('a village profile shows its activity budgets by type, as /api/v1/spending gives them', async () => {
    const code = '64.71.02.1006';
    const spending = await api(`/api/v1/spending?groupBy=type&region=${code}`);
    assert.ok(spending.items.length > 0, 'the village has activities by type');
    const page = await open(`/wilayah/${code}`);
    const chart = page.getByRole('figure', { name: 'Anggaran kegiatan menurut jenis' });
    await chart.locator('tbody tr').first().waitFor({ state: 'attached', timeout: 15_000 });
    assert.equal(await chart.locator('.no-data').count(), 0, 'not "no data yet"');
    assert.equal(await chart.locator('tbody tr').count(), spending.items.length, 'one table row per type');
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('link', { name: 'Unduh data di balik grafik ini (CSV)' }).click()]);
    const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
    assert.deepEqual(lines.map((line) => Number(line.split(',').at(-1))), spending.items.map((item) => item.budgetIdr).sort((a, b) => b - a),
      'the budgets of the API, largest first');
    assert.equal(await chart.locator('svg rect').count(), spending.items.length, 'one bar per type');
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL('village-types-1280.png', SHOTS).pathname, fullPage: true });
    await closePage(page);
  });

  test('no request left the portal', () => {
    assert.deepEqual(foreignRequests, []);
  });
});
