// A tiny element builder. Text goes in through textContent only: no innerHTML anywhere with data.
import { t } from './i18n';

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    } else if (name === 'class') {
      element.className = String(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element: Element): void {
  element.replaceChildren();
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: (SVGElement | null)[]): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  for (const child of children) if (child) element.appendChild(child);
  return element;
}

let idCounter = 0;
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A link that downloads text generated in the browser (a Blob URL, allowed by the site's CSP). */
export function downloadLink(label: string, filename: string, content: () => string, type = 'text/csv;charset=utf-8'): HTMLAnchorElement {
  const link = h('a', { href: '#', download: filename, class: 'download' }, label);
  link.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([content()], { type }));
    link.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return link;
}

/**
 * A table in a box that scrolls sideways when the table is wider than the screen (at 320 px, at 200 % zoom): a named,
 * focusable region, so that keyboard users can scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function tableScroll(label: string, table: HTMLTableElement): HTMLDivElement {
  // named apart from the section around it ("Table: Activities" in "Activities"): landmarks need unique names
  return h('div', { class: 'table-scroll', role: 'region', 'aria-label': t('tableRegion', { name: label }), tabindex: '0' }, table);
}

/** A status line for a part of a page that could not load: says why, never shows a fake figure. */
export function notice(text: string, kind: 'info' | 'error' = 'info'): HTMLParagraphElement {
  return h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
