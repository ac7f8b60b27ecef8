/**
 * The languages at run time: every Indonesian string has an English one and the other way round
 * (the types check the UI strings; this also covers the messages and categories from shared/),
 * no string is empty, and both use the same `{{placeholders}}`.
 */
import { describe, expect, it } from 'vitest';
import { resourcesFor } from './resources';

/** Every string of a resource tree, by its dotted key. */
function leaves(node: unknown, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (typeof node !== 'object' || node === null) {
    found.set(prefix, node);
    return found;
  }
  for (const [key, value] of Object.entries(node)) {
    for (const [path, leaf] of leaves(value, prefix === '' ? key : `${prefix}.${key}`)) found.set(path, leaf);
  }
  return found;
}

const placeholders = (text: unknown): string[] =>
  [...String(text).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort();

const id = leaves(resourcesFor('id'));
const en = leaves(resourcesFor('en'));

describe('locales', () => {
  it('has hundreds of strings in each language', () => {
    expect(id.size).toBeGreaterThan(500);
  });

  it('gives every Indonesian key an English value and has no English key Indonesian lacks', () => {
    expect([...id.keys()].filter((key) => !en.has(key))).toEqual([]);
    expect([...en.keys()].filter((key) => !id.has(key))).toEqual([]);
  });

  it('has only non-empty strings', () => {
    for (const [language, strings] of [
      ['id', id],
      ['en', en],
    ] as const) {
      const bad = [...strings].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(bad.map(([key]) => `${language}:${key}`)).toEqual([]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const differing = [...id]
      .filter(([key, value]) => placeholders(value).join() !== placeholders(en.get(key)).join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });
});
