// Home: national headline figures, the trend over fiscal years, spending by source and by type.
import { type Summary, getJson } from '../api';
import { h, notice } from '../dom';
import { failureText, figureList, headlineFigures, sourceChart, trendChart, typeChart, withSpending } from '../figures';
import { t } from '../i18n';
import type { PageContext } from '../page';

export async function render(main: HTMLElement, context: PageContext): Promise<void> {
  context.setTitle(t('homeTitle'));
  main.append(h('h1', { tabindex: '-1' }, t('homeTitle')), h('p', { class: 'lead' }, t('homeIntro')));
  const result = await getJson<Summary>('/api/v1/summary');
  if (!result.ok) {
    main.append(notice(failureText(result, '/api/v1/summary'), 'error'));
    return;
  }
  const summary = result.data;
  context.setEnvelope(summary);
  main.append(
    h('section', { 'aria-labelledby': 'headline' },
      h('h2', { id: 'headline' }, t('headlineFigures')),
      figureList(headlineFigures(summary))),
    homeMap(context),
  );
  const charts = await withSpending(summary, null);
  main.append(h('section', { class: 'charts' },
    trendChart(charts, 'kotaku-trend-nasional.csv'),
    sourceChart(charts, 'kotaku-sumber-dana-nasional.csv'),
    typeChart(charts, 'kotaku-jenis-kegiatan-nasional.csv')));
}

/** The small map, loaded after the figures (MapLibre is a chunk of its own), and a link into /peta. */
function homeMap(context: PageContext): HTMLElement {
  const box = h('div', { class: 'map home-map-canvas' });
  const link = h('a', { href: '/peta', class: 'home-map-link' }, t('homeMapLink'));
  void import('../map/mini-map').then(({ miniMap }) => miniMap(box, (path) => context.navigate(path)))
    .then((drawn) => {
      box.hidden = !drawn;
    });
  return h('section', { 'aria-labelledby': 'home-map', class: 'home-map' },
    box,
    h('div', {}, h('h2', { id: 'home-map' }, t('homeMapTitle')), h('p', {}, t('homeMapCaption')), h('p', {}, link)));
}
