// The site's first-view budget (issue 13: "first view usable within 2 s on a local run"), measured in Debian's
// chromium against a running portal (BASE_URL). Called by bench/site.sh, which starts the portal; see bench/README.md.
//
// Every visit is a new visitor: a fresh browser context (empty HTTP cache, no service worker), 1280 x 900. A page is
// usable when the site has rendered it (body[data-page="ready"]: figures, lists and links on screen) and, where it has
// a map, when MapLibre has drawn the data (body[data-map-ready], .record-map[data-ready]). Times are from the start
// of the navigation. The first visit of each page type right after the portal started is reported apart (cold);
// then WARMUP visits per page, then RUNS measured visits per page in turn. Writes the result as JSON on stdout.
import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const RUNS = Number(process.env.RUNS ?? 7);
const WARMUP = Number(process.env.WARMUP ?? 3);
const BUDGET_MS = 2000;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const TIMEOUT_MS = 45_000;

async function json(path) {
  const response = await fetch(BASE + path);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

/** The page types of the site, with a record of each kind taken from the API. */
async function pages() {
  const [activity] = (await json('/api/v1/activities?region=64.71&limit=1')).items;
  const [slumArea] = (await json('/api/v1/slum-areas?region=64.71&limit=1')).items;
  return [
    { name: 'home', path: '/' },
    { name: 'map', path: '/peta', map: 'body' },
    { name: 'map of a regency', path: '/peta?p=64.71', map: 'body' },
    { name: 'regency profile', path: '/wilayah/64.71' },
    { name: 'village profile', path: `/wilayah/${activity.villageCode}` },
    { name: 'activity page', path: `/kegiatan/${encodeURIComponent(activity.id)}`, map: 'record' },
    { name: 'slum area page', path: `/kawasan/${encodeURIComponent(slumArea.id)}`, map: 'record' },
    { name: 'data', path: '/data' },
  ];
}

async function visit(browser, page) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const tab = await context.newPage();
    const started = Date.now();
    await tab.goto(BASE + page.path, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await tab.waitForSelector('body[data-page="ready"]', { timeout: TIMEOUT_MS });
    const ready = Date.now() - started;
    if (page.map === 'body') {
      await tab.waitForFunction(() => document.body.dataset.mapReady !== undefined, null, { timeout: TIMEOUT_MS });
    } else if (page.map === 'record') {
      await tab.waitForSelector('.record-map[data-ready="true"]', { timeout: TIMEOUT_MS });
    }
    return { ready, usable: Date.now() - started };
  } finally {
    await context.close();
  }
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1], all: values };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const list = await pages();
  const cold = {};
  for (const page of list) cold[page.name] = await visit(browser, page);
  for (let i = 0; i < WARMUP; i++) for (const page of list) await visit(browser, page);
  const measured = Object.fromEntries(list.map((page) => [page.name, []]));
  for (let i = 0; i < RUNS; i++) for (const page of list) measured[page.name].push(await visit(browser, page));
  const results = list.map((page) => {
    const usable = summary(measured[page.name].map((v) => v.usable));
    return { page: page.name, path: page.path, coldReadyMs: cold[page.name].ready, coldUsableMs: cold[page.name].usable,
      readyMs: summary(measured[page.name].map((v) => v.ready)), usableMs: usable, withinBudget: usable.max < BUDGET_MS };
  });
  process.stdout.write(`${JSON.stringify({ base: BASE, runs: RUNS, warmup: WARMUP, budgetMs: BUDGET_MS, pages: results,
    withinBudget: results.every((r) => r.withinBudget) }, null, 2)}\n`);
} finally {
  await browser.close();
}
