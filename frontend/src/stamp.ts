// The data version, as-of date and (for the demo data) the "synthetic" label, shown on every view.
import type { Envelope } from './api';
import { h } from './dom';
import { formatDate } from './format';
import { lang, t } from './i18n';

export const SYNTHETIC_DATASET = 'demo-synthetic';

export function stamp(envelope: Envelope | null, options: { changeLogHref?: string; target?: string } = {}): HTMLElement {
  const box = h('p', { class: 'data-stamp' });
  if (!envelope || envelope.dataVersion === undefined) {
    box.append(t('loading'));
    return box;
  }
  if (envelope.dataset === SYNTHETIC_DATASET) {
    box.append(h('strong', { class: 'synthetic' }, t('syntheticLabel')), ' · ');
  }
  box.append(
    h('span', { 'data-field': 'dataVersion', 'data-value': envelope.dataVersion }, t('dataVersion', { v: envelope.dataVersion })),
    ' · ',
    h('span', { 'data-field': 'asOf', 'data-value': envelope.asOf ?? '' }, t('asOf', { date: formatDate(envelope.asOf, lang()) })),
    ' · ',
    h('a', { href: options.changeLogHref ?? '/data#perubahan', target: options.target }, t('changeLogLink')),
  );
  return box;
}
