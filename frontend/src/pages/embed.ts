// Embeddable widget /embed/wilayah/{code}: a small card for an iframe on a news site.
import { type RegionProfile, type Summary, getJson } from '../api';
import { h, notice } from '../dom';
import { figureList, headlineFigures } from '../figures';
import { t } from '../i18n';
import type { PageContext } from '../page';
import { stamp } from '../stamp';

const EMBED_FIGURES = ['figSlumReduced', 'figSlumNow', 'figDisbursed', 'figDisbursementRate', 'figCompleted'];

export async function render(main: HTMLElement, context: PageContext): Promise<void> {
  const code = context.params.code ?? '';
  const portalLink = h('a', { href: `/wilayah/${code}`, target: '_blank', rel: 'noopener' }, t('embedOpen'));
  const result = await getJson<RegionProfile>(`/api/v1/regions/${encodeURIComponent(code)}`);
  if (!result.ok) {
    // still say which version of the data the portal has, so even this card is dated
    const summary = await getJson<Summary>('/api/v1/summary');
    context.setTitle(code);
    main.append(h('h1', {}, code), notice(t('regionNotFound', { code }), 'error'), summary.ok ? stamp(summary.data) : '', h('p', {}, portalLink));
    return;
  }
  const profile = result.data;
  context.setTitle(t('embedTitle', { name: profile.region.name }));
  const figures = headlineFigures(profile.summary ?? {}).filter((figure) => EMBED_FIGURES.includes(figure.key));
  main.append(h('article', { class: 'embed-card' },
    h('h1', {}, profile.region.name),
    figureList(figures, { compact: true }),
    stamp(profile, { changeLogHref: '/data#perubahan', target: '_blank' }),
    h('p', {}, portalLink)));
}
