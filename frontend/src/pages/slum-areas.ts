// The 7+1 indicator scores of a region's slum areas, explained in plain words.
// The slum-area endpoints are read defensively: members that are absent show "no data yet".
import { type Page, getJson, query } from '../api';
import { h, notice } from '../dom';
import { type Maybe, formatHa, formatPct, isNumber } from '../format';
import { type MessageKey, lang, t } from '../i18n';
import { type SlumLevel, levelOfScore } from '../shape';

interface SlumAreaItem {
  id: string;
  name?: string;
  areaHa?: number | null;
  level?: string | null;
  score?: number | null;
  totalScore?: number | null;
}

interface CriterionExplained {
  id?: string;
  code?: string;
  name?: string;
  aspect?: string;
  pct?: number | null;
  percent?: number | null;
  score?: number | null;
}

interface SlumAreaExplained extends SlumAreaItem {
  explain?: { criteria?: CriterionExplained[]; totalScore?: number | null; level?: string | null; regulation?: string | null };
  criteria?: CriterionExplained[];
}

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
  const list = await getJson<Page<SlumAreaItem>>(path);
  if (!list.ok) {
    section.append(notice(t('slumAreasMissing')));
    return section;
  }
  if (list.data.items.length === 0) {
    section.append(h('p', { class: 'no-data' }, t('noDataYet')));
    return section;
  }
  const explained = await Promise.all(list.data.items.slice(0, MAX_AREAS).map(async (item) => {
    const detail = await getJson<SlumAreaExplained>(query(`/api/v1/slum-areas/${encodeURIComponent(item.id)}`, { explain: 'true' }));
    return detail.ok ? { ...item, ...detail.data } : item;
  }));
  section.append(h('ul', { class: 'slum-areas' }, ...explained.map(areaCard)));
  return section;
}

function areaCard(area: SlumAreaExplained): HTMLElement {
  const total = firstNumber(area.explain?.totalScore, area.totalScore, area.score);
  const level = isNumber(total) ? levelOfScore(total) : 'unassessed';
  const criteria = area.explain?.criteria ?? area.criteria ?? [];
  return h('li', { class: 'slum-area' },
    h('h3', {}, h('a', { href: `/kawasan/${encodeURIComponent(area.id)}` }, area.name ?? area.id)),
    h('p', {}, [isNumber(area.areaHa) ? formatHa(area.areaHa, lang()) : null,
      isNumber(total) ? t('slumAreaScore', { score: total, level: t(LEVEL_KEYS[level]) }) : t('levelUnassessed')].filter(Boolean).join(' · ')),
    criteria.length > 0
      ? h('ul', { class: 'criteria' }, ...criteria.map((criterion) => h('li', {}, t('criterionScore', {
        name: criterion.name ?? criterion.aspect ?? criterion.code ?? criterion.id ?? '?',
        score: isNumber(criterion.score) ? criterion.score : t('noDataYet'),
        pct: formatPct(firstNumber(criterion.pct, criterion.percent), lang()),
      }))))
      : null);
}

function firstNumber(...values: Maybe<number>[]): number | null {
  return values.find(isNumber) ?? null;
}
