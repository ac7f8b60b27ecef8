/** Field messages format their numbers as the language writes them ("50.000" in Indonesian). */
import { beforeAll, describe, expect, it } from 'vitest';
import { CHRONOLOGY_MAX } from '../../shared/complaint/complaint-limits';
import type * as I18nModule from './i18n';

let i18n: typeof I18nModule;

beforeAll(async () => {
  // initI18n sets <html lang>; the node environment has no document.
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  i18n = await import('./i18n');
  await i18n.initI18n('id');
});

describe('issueText', () => {
  it('writes a length limit with the language’s digit grouping', async () => {
    const issue = { path: 'chronology', key: 'validation.tooLong', params: { max: CHRONOLOGY_MAX } } as const;
    expect(CHRONOLOGY_MAX).toBe(50_000);
    expect(i18n.issueText(issue)).toBe('Isian terlalu panjang, maksimal 50.000 karakter.');
    await i18n.changeLanguage('en');
    expect(i18n.issueText(issue)).toBe('Too long: at most 50,000 characters.');
    await i18n.changeLanguage('id');
  });
});
