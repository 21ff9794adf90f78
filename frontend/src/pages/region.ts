// Region profile /wilayah/{code}: figures, charts, children ranking, slum-area scores, activities.
import { type ChildRegion, type RegionProfile, getJson, query } from '../api';
import { downloadLink, h, notice, tableScroll, uid } from '../dom';
import { failureText, figureList, headlineFigures, trendChart, typeChart, withSpending } from '../figures';
import { formatIdr, formatPct, formatRate } from '../format';
import { lang, t, tDynamic } from '../i18n';
import type { PageContext } from '../page';
import { rank, toCsv } from '../shape';
import { isMetric } from '../url-state';
import { activitiesSection } from './activities';
import { slumAreasSection } from './slum-areas';

export async function render(main: HTMLElement, context: PageContext): Promise<void> {
  const code = context.params.code ?? '';
  context.setTitle(`${t('regionTitle')} ${code}`);
  const path = `/api/v1/regions/${encodeURIComponent(code)}`;
  const result = await getJson<RegionProfile>(path);
  if (!result.ok) {
    main.append(h('h1', { tabindex: '-1' }, `${t('regionTitle')} ${code}`),
      notice(result.missing ? t('regionNotFound', { code }) : failureText(result, path), 'error'));
    return;
  }
  const profile = result.data;
  const region = profile.region;
  if (region.code !== code) {
    context.navigate(`/wilayah/${region.code}`, { replace: true });
    return;
  }
  context.setEnvelope(profile);
  context.setTitle(region.name);
  const summary = profile.summary ?? {};
  const charts = await withSpending(summary, region.code);
  const ranking = rankingSentence(profile);
  main.append(
    breadcrumb(profile),
    h('h1', { tabindex: '-1' }, region.name),
    h('p', { class: 'lead' }, [region.type ? tDynamic('regiontype_', region.type) : tDynamic('levelName', String(region.level)), region.path?.at(-1)?.name, region.code].filter(Boolean).join(' · ')),
    ranking ?? '',
    h('p', { class: 'actions' },
      h('a', { href: `/peta?p=${region.level < 4 ? region.code : (region.path?.at(-1)?.code ?? '')}` }, t('navMap')), ' · ',
      h('a', { href: `/embed/wilayah/${region.code}` }, t('embedLink'))),
    embedSnippet(region.code, region.name),
    h('section', { 'aria-labelledby': 'figures' }, h('h2', { id: 'figures' }, t('regionFigures', { name: region.name })), figureList(headlineFigures(summary))),
    h('section', { class: 'charts' }, trendChart(charts, `kotaku-trend-${code}.csv`), typeChart(charts, `kotaku-jenis-kegiatan-${code}.csv`)),
  );
  if (region.level < 4) main.append(childrenSection(profile.children ?? [], code));
  main.append(await slumAreasSection(code, profile.links?.slumAreas));
  main.append(activitiesSection(code, (charts.series ?? []).map((point) => point.year), {
    initial: new URLSearchParams(context.search),
    changed: (filters) => context.replaceUrl(query(`/wilayah/${region.code}`, filters)),
  }));
}

/** The HTML a news site pastes to show this region's card, with a button that copies it. */
function embedSnippet(code: string, name: string): HTMLElement {
  const id = uid('embed');
  const html = `<iframe src="${location.origin}/embed/wilayah/${code}" title="KOTAKU: ${name.replace(/"/g, '&quot;')}" width="420" height="360" loading="lazy"></iframe>`;
  const field = h('textarea', { id, readonly: true, rows: 3, class: 'embed-code' }, html);
  const copied = h('span', { role: 'status' });
  const copy = h('button', { type: 'button', class: 'secondary' }, t('embedCopy'));
  copy.addEventListener('click', () => {
    field.select();
    const done = () => (copied.textContent = t('embedCopied'));
    if (navigator.clipboard) void navigator.clipboard.writeText(html).then(done, () => document.execCommand('copy') && done());
    else if (document.execCommand('copy')) done();
  });
  return h('details', { class: 'embed-snippet' }, h('summary', {}, t('embedSnippet')),
    h('label', { for: id }, t('embedSnippetLabel')), field, h('p', {}, copy, ' ', copied));
}

function breadcrumb(profile: RegionProfile): HTMLElement {
  const path = profile.region.path ?? [];
  return h('nav', { 'aria-label': 'Breadcrumb', class: 'breadcrumb' },
    h('ol', {}, h('li', {}, h('a', { href: '/' }, t('national'))),
      ...path.map((step) => h('li', {}, h('a', { href: `/wilayah/${step.code}` }, step.name))),
      h('li', {}, h('span', { 'aria-current': 'page' }, profile.region.name))));
}

function rankingSentence(profile: RegionProfile): HTMLElement | null {
  const ranking = profile.ranking;
  if (!ranking) return null;
  const metric = isMetric(ranking.metric) ? t(`metric_${ranking.metric}`) : ranking.metric;
  // a region without a value for the metric is not ranked: say so rather than 'rank null'
  if (ranking.position == null) return h('p', {}, t('rankingNone', { of: ranking.of, metric }));
  return h('p', {}, t('rankingSentence', { position: ranking.position, of: ranking.of, metric }));
}

function childrenSection(children: ChildRegion[], code: string): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'children' }, h('h2', { id: 'children' }, t('childrenRanking')));
  if (children.length === 0) {
    section.append(h('p', { class: 'no-data' }, t('noDataYet')));
    return section;
  }
  const l = lang();
  const ranked = rank(children.map((child) => ({ ...child, value: child.slumReducedPct })));
  const header = [t('rank'), t('name'), t('metric_slum_reduced_pct'), t('figPlanned'), t('figDisbursed'), t('figDisbursementRate'), t('figActivities')];
  const table = h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, t('childrenRanking')),
    h('thead', {}, h('tr', {}, ...header.map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, ...ranked.map((child, index) => h('tr', {},
      h('td', { class: 'num' }, child.hasData === false ? '–' : index + 1),
      h('th', { scope: 'row' }, h('a', { href: `/wilayah/${child.code}` }, child.name)),
      h('td', { class: 'num' }, formatPct(child.hasData === false ? null : child.slumReducedPct, l)),
      h('td', { class: 'num' }, formatIdr(child.hasData === false ? null : child.plannedIdr, l)),
      h('td', { class: 'num' }, formatIdr(child.hasData === false ? null : child.disbursedIdr, l)),
      h('td', { class: 'num' }, formatRate(child.hasData === false ? null : child.disbursementRate, l)),
      h('td', { class: 'num' }, child.hasData === false ? t('noDataYet') : (child.activities ?? t('noDataYet')))))));
  section.append(tableScroll(t('childrenRanking'), table),
    downloadLink(t('downloadData'), `kotaku-wilayah-${code}.csv`, () => toCsv(['code', ...header.slice(1)],
      ranked.map((child) => [child.code, child.name, child.slumReducedPct, child.plannedIdr, child.disbursedIdr, child.disbursementRate, child.activities]))));
  return section;
}
