// Bootstrap: language, shell (header, data stamp, footer), routing between pages. No framework.
import './styles.css';
import { type Envelope, type Summary, getJson } from './api';
import { h } from './dom';
import { licenceParagraph } from './licence';
import { type Lang, isLang, lang, setLang, t } from './i18n';
import type { Cleanup, PageContext, PageRender } from './page';
import { searchBox } from './search';
import { stamp } from './stamp';

interface Route {
  pattern: RegExp;
  load: () => Promise<{ render: PageRender }>;
  embed?: boolean;
}

const routes: Route[] = [
  { pattern: /^\/$/, load: () => import('./pages/home') },
  { pattern: /^\/peta\/?$/, load: () => import('./pages/map') },
  { pattern: /^\/wilayah\/(?<code>[0-9.]+)\/?$/, load: () => import('./pages/region') },
  { pattern: /^\/kegiatan\/(?<id>[^/]+)$/, load: () => import('./pages/activity') },
  { pattern: /^\/kawasan\/(?<id>[^/]+)$/, load: () => import('./pages/slum-area') },
  { pattern: /^\/data\/?$/, load: () => import('./pages/data') },
  { pattern: /^\/sekitar\/?$/, load: () => import('./pages/near') },
  { pattern: /^\/about\/?$/, load: () => import('./pages/about') },
  { pattern: /^\/aksesibilitas\/?$/, load: () => import('./pages/accessibility') },
  { pattern: /^\/embed\/wilayah\/(?<code>[0-9.]+)\/?$/, load: () => import('./pages/embed'), embed: true },
];

const LANG_KEY = 'kotaku-lang';
const app = document.getElementById('app') as HTMLElement;
let cleanup: Cleanup | undefined;
let envelope: Envelope | null = null;
let renderCount = 0;

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  const stored = safeStorage(() => localStorage.getItem(LANG_KEY));
  return isLang(stored) ? stored : 'id';
}

function safeStorage<T>(action: () => T): T | null {
  try {
    return action();
  } catch {
    return null;
  }
}

function switchLanguage(): void {
  const next: Lang = lang() === 'id' ? 'en' : 'id';
  safeStorage(() => localStorage.setItem(LANG_KEY, next));
  const url = new URL(location.href);
  url.searchParams.delete('lang');
  history.replaceState(null, '', url.pathname + url.search + url.hash);
  setLang(next);
  void render();
}

function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  void render({ focus: true });
}

function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element).closest('a');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !routes.some((route) => route.pattern.test(url.pathname))) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

function header(): HTMLElement {
  const nav = h('nav', { 'aria-label': t('mainNav'), class: 'main-nav' },
    h('ul', {}, ...([['/', 'navHome'], ['/peta', 'navMap'], ['/sekitar', 'navNear'], ['/data', 'navData'], ['/about', 'navAbout']] as const).map(([href, key]) => {
      const current = href === '/' ? location.pathname === '/' : location.pathname.startsWith(href);
      return h('li', {}, h('a', { href, 'aria-current': current ? 'page' : null }, t(key)));
    })));
  const switcher = h('button', { type: 'button', class: 'lang-switch', lang: lang() === 'id' ? 'en' : 'id', 'aria-label': t('switchLanguageLabel') }, t('switchLanguage'));
  switcher.addEventListener('click', switchLanguage);
  return h('header', { class: 'site-header' },
    h('a', { href: '#main', class: 'skip-link' }, t('skipToContent')),
    h('div', { class: 'header-row' },
      h('a', { href: '/', class: 'brand' }, h('span', { class: 'brand-name' }, t('siteName')), h('span', { class: 'brand-tagline' }, t('siteTagline'))),
      switcher),
    h('div', { class: 'header-row' }, nav, searchBox((path) => navigate(path))));
}

function footer(): HTMLElement {
  return h('footer', { class: 'site-footer' },
    licenceParagraph(),
    h('p', {}, h('a', { href: '/data' }, t('dataApis')), ' · ', h('a', { href: '/about' }, t('navAbout')), ' · ',
      h('a', { href: '/aksesibilitas' }, t('navAccessibility'))));
}

async function render(options: { focus?: boolean } = {}): Promise<void> {
  const count = ++renderCount;
  if (typeof cleanup === 'function') cleanup();
  cleanup = undefined;
  document.documentElement.lang = lang();
  const route = routes.find((candidate) => candidate.pattern.test(location.pathname));
  const match = route ? location.pathname.match(route.pattern) : null;
  const main = h('main', { id: 'main', tabindex: '-1' });
  // a landmark of its own, so that everything on the page is inside one (axe: region)
  const stampSlot = h('aside', { class: 'stamp-slot', 'aria-label': t('dataStampLabel') }, stamp(envelope));
  document.body.classList.toggle('embed', Boolean(route?.embed));
  if (route?.embed) {
    app.replaceChildren(main);
  } else {
    app.replaceChildren(header(), stampSlot, main, footer());
  }
  const context: PageContext = {
    params: { ...(match?.groups ?? {}) },
    search: location.search,
    navigate,
    replaceUrl: (pathAndQuery) => history.replaceState(null, '', pathAndQuery),
    setEnvelope: (next) => {
      if (next.dataVersion === undefined) return;
      envelope = next;
      stampSlot.replaceChildren(stamp(next));
    },
    setTitle: (title) => {
      document.title = `${title} · ${t('siteName')}`;
    },
  };
  if (!route) {
    context.setTitle(t('notFoundTitle'));
    main.append(h('h1', {}, t('notFoundTitle')), h('p', {}, t('notFoundText')));
    return;
  }
  const page = await route.load();
  if (count !== renderCount) return;
  cleanup = (await page.render(main, context)) || undefined;
  if (options.focus) (main.querySelector('h1') ?? main).focus({ preventScroll: false });
  document.body.dataset.page = 'ready';
}

async function loadStamp(): Promise<void> {
  const result = await getJson<Summary>('/api/v1/summary');
  if (result.ok && envelope === null) {
    envelope = result.data;
    document.querySelector('.stamp-slot')?.replaceChildren(stamp(envelope));
  }
}

setLang(initialLang());
document.addEventListener('click', onLinkClick);
window.addEventListener('popstate', () => void render({ focus: true }));
void render();
void loadStamp();
