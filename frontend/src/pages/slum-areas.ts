// The 7+1 indicator scores of a region's slum areas, explained in plain words: each area's latest assessment
// criterion by criterion (`/api/v1/slum-areas/{id}?explain=true`).
import { type SlumArea, type SlumAreaItem, type SlumAreaList, type SlumExplanation, getJson, query } from '../api';
import { h, notice } from '../dom';
import { formatHa, formatPct, isNumber } from '../format';
import { type MessageKey, lang, t } from '../i18n';
import { type SlumLevel, levelOfScore } from '../shape';

const MAX_AREAS = 6;

export const LEVEL_KEYS: Record<SlumLevel | 'unassessed', MessageKey> = {
  berat: 'levelBerat',
  sedang: 'levelSedang',
  ringan: 'levelRingan',
  tidak_kumuh: 'levelTidakKumuh',
  unassessed: 'levelUnassessed',
};

export async function slumAreasSection(code: string, href: string | undefined): Promise<HTMLElement> {
  const section = h('section', { 'aria-labelledby': 'slum-areas' },
    h('h2', { id: 'slum-areas' }, t('slumAreasTitle')),
    h('p', {}, t('slumAreasIntro')));
  const path = href ?? query('/api/v1/slum-areas', { region: code, limit: MAX_AREAS });
  const list = await getJson<SlumAreaList>(path);
  if (!list.ok) {
    section.append(notice(t('slumAreasMissing')));
    return section;
  }
  if (list.data.items.length === 0) {
    section.append(h('p', { class: 'no-data' }, t('noDataYet')));
    return section;
  }
  const explained = await Promise.all(list.data.items.slice(0, MAX_AREAS).map(async (area) => {
    const detail = await getJson<SlumAreaItem>(query(`/api/v1/slum-areas/${encodeURIComponent(area.id)}`, { explain: 'true' }));
    return { area, explanation: detail.ok ? (detail.data.explanation ?? null) : null };
  }));
  section.append(h('ul', { class: 'slum-areas' }, ...explained.map(({ area, explanation }) => areaCard(area, explanation))));
  return section;
}

function areaCard(area: SlumArea, explanation: SlumExplanation | null): HTMLElement {
  const total = explanation?.totalScore ?? area.latestTotalScore;
  const level = isNumber(total) ? levelOfScore(total) : 'unassessed';
  const criteria = explanation?.criteria ?? [];
  return h('li', { class: 'slum-area' },
    h('h3', {}, h('a', { href: `/kawasan/${encodeURIComponent(area.id)}` }, area.name || area.id)),
    h('p', {}, [formatHa(area.areaHa, lang()),
      isNumber(total) ? t('slumAreaScore', { score: total, level: t(LEVEL_KEYS[level]) }) : t('levelUnassessed')].join(' · ')),
    criteria.length > 0
      ? h('ul', { class: 'criteria' }, ...criteria.map((criterion) => h('li', {}, t('criterionScore', {
        name: criterion.name,
        score: isNumber(criterion.score) ? criterion.score : t('noDataYet'),
        pct: formatPct(criterion.percentage, lang()),
      }))))
      : null);
}
