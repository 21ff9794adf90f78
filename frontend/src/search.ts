// Type-ahead over region names (all levels): an ARIA 1.2 combobox with a listbox popup.
// Arrow keys move, Enter opens the region's profile, Escape closes; results are announced.
import { type RegionItem, type RegionList, getJson, query } from './api';
import { h, uid } from './dom';
import { t, tDynamic } from './i18n';

export function searchBox(navigate: (path: string) => void): HTMLElement {
  const inputId = uid('search');
  const listId = uid('search-list');
  const input = h('input', {
    id: inputId, type: 'search', role: 'combobox', autocomplete: 'off', 'aria-autocomplete': 'list',
    'aria-expanded': 'false', 'aria-controls': listId, placeholder: t('searchPlaceholder'), spellcheck: 'false',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'search-list', 'aria-label': t('searchLabel'), hidden: true });
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  let items: RegionItem[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = '';

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (item: RegionItem | undefined) => {
    if (!item) return;
    close();
    input.value = '';
    navigate(`/wilayah/${item.code}`);
  };
  const highlight = (index: number) => {
    active = index;
    [...list.children].forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
    });
    const option = list.children[index];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }
  };
  const show = (found: RegionItem[], message: string | null) => {
    items = found;
    list.replaceChildren(...found.map((item, index) => {
      const option = h('li', { id: `${listId}-${index}`, role: 'option', 'aria-selected': 'false', class: 'search-option' },
        h('span', { class: 'option-name' }, item.name),
        h('span', { class: 'option-meta' }, [tDynamic('levelName', String(item.level)), item.parentName].filter(Boolean).join(' · ')));
      option.addEventListener('mousedown', (event) => event.preventDefault());
      option.addEventListener('click', () => choose(item));
      return option;
    }));
    if (message) list.append(h('li', { role: 'presentation', class: 'search-empty' }, message));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = message ?? t('searchResults', { n: found.length });
    active = -1;
  };
  const lookUp = async (text: string) => {
    latest = text;
    const result = await getJson<RegionList>(query('/api/v1/regions', { q: text, limit: 8 }));
    if (text !== latest) return;
    if (!result.ok) {
      show([], result.missing ? t('searchUnavailable') : t('loadFailed', { status: result.status }));
      return;
    }
    show(result.data.items, result.data.items.length === 0 ? t('searchNoResults') : null);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      close();
      return;
    }
    timer = setTimeout(() => void lookUp(text), 180);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && items.length > 0) {
      event.preventDefault();
      if (list.hidden) show(items, null);
      highlight((active + 1) % items.length);
    } else if (event.key === 'ArrowUp' && items.length > 0) {
      event.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(items[Math.max(active, 0)]);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));

  return h('div', { class: 'search', role: 'search' },
    h('label', { for: inputId, class: 'search-label' }, t('searchLabel')), input, list, status);
}
