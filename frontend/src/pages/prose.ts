// Pages of text in both languages (about, accessibility): sections with a heading, paragraphs and an optional list.
import { h } from '../dom';
import type { Lang } from '../i18n';

export type Text = Record<Lang, string>;

export interface ProseSection {
  id: string;
  title: Text;
  paragraphs: Text[];
  list?: Text[];
  /** whether the list is numbered (its order means something) */
  ordered?: boolean;
}

/** The sections in language `l`, each a landmark named by its heading. */
export function proseSections(sections: ProseSection[], l: Lang): HTMLElement[] {
  return sections.map((section) => h('section', { 'aria-labelledby': section.id },
    h('h2', { id: section.id }, section.title[l]),
    ...section.paragraphs.map((paragraph) => h('p', {}, paragraph[l])),
    section.list ? h(section.ordered === false ? 'ul' : 'ol', {}, ...section.list.map((item) => h('li', {}, item[l]))) : null));
}
