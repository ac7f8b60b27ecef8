// @vitest-environment happy-dom
/** Keys that work from any screen: Ctrl+K always and / outside a field go to the search box. */
import { describe, expect, it } from 'vitest';
import { commandForKey } from './use-global-shortcuts';

const press = (
  key: string,
  modifiers: { ctrlKey?: boolean; altKey?: boolean; target?: EventTarget | null } = {},
) =>
  commandForKey({
    key,
    code: '',
    ctrlKey: modifiers.ctrlKey ?? false,
    metaKey: false,
    altKey: modifiers.altKey ?? false,
    target: modifiers.target ?? document.body,
  });

describe('commandForKey', () => {
  it('opens the search with Ctrl+K from anywhere, even while typing', () => {
    expect(press('k', { ctrlKey: true })).toBe('search');
    expect(press('K', { ctrlKey: true, target: document.createElement('input') })).toBe('search');
    expect(press('k', { ctrlKey: true, altKey: true })).toBeUndefined();
  });

  it('opens the search with / only when not typing in a field', () => {
    expect(press('/')).toBe('search');
    expect(press('/', { target: document.createElement('textarea') })).toBeUndefined();
    expect(press('/', { target: document.createElement('input') })).toBeUndefined();
  });
});
