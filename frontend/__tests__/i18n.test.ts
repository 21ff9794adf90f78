import { describe, expect, it } from 'vitest';
import { allKeys, t, tDynamic } from '../src/i18n';

describe('translations', () => {
  it('has the same keys in both languages and no untranslated copy', () => {
    expect(allKeys('en')).toEqual(allKeys('id'));
    const identical = allKeys('id').filter((key) => {
      const id = t(key as never, {}, 'id');
      return id === t(key as never, {}, 'en') && id.split(' ').length > 2;
    });
    expect(identical).toEqual([]);
  });
  it('fills placeholders and falls back for unknown data values', () => {
    expect(t('dataVersion', { v: 6 }, 'id')).toBe('Versi data 6');
    expect(t('dataVersion', { v: 6 }, 'en')).toBe('Data version 6');
    expect(tDynamic('type_', 'road', 'id')).toBe('Jalan lingkungan');
    expect(tDynamic('type_', 'zeppelin', 'en')).toBe('zeppelin');
  });
});
