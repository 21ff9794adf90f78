// The data licence, as the portal configures it (portal.licence.*), read once from /site/config.json: the
// footer and the data page show it in the current language instead of a text of their own.

import { type Licence, type SiteConfig, getJson } from './api';
import { h } from './dom';
import { t } from './i18n';

let loaded: Promise<Licence | null> | undefined;

/** The portal's data licence; null when the site configuration cannot be read. */
export function siteLicence(): Promise<Licence | null> {
  loaded ??= getJson<SiteConfig>('/site/config.json').then((result) =>
    result.ok ? result.data.licence : null);
  return loaded;
}

/** A paragraph that states the licence (a link to its text) and the credit to give, filled when it is known. */
export function licenceParagraph(): HTMLParagraphElement {
  const paragraph = h('p', { class: 'licence' });
  void siteLicence().then((licence) => {
    if (!licence) {
      paragraph.replaceChildren(t('licenceUnavailable'));
      return;
    }
    paragraph.replaceChildren(t('licenceData'), h('a', { href: licence.url, rel: 'license' }, licence.title),
      t('licenceCredit', { id: licence.id, attribution: licence.attribution }));
  });
  return paragraph;
}
