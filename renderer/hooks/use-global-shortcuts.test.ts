// @vitest-environment happy-dom
/**
 * Keys that work from any screen: Ctrl+K always and / outside a field go to the search box;
 * Ctrl+Shift+L locks the desk, also while typing.
 */
import { describe, expect, it } from 'vitest';
import { commandForKey } from './use-global-shortcuts';

const press = (
  key: string,
  modifiers: { ctrlKey?: boolean; altKey?: boolean; shiftKey?: boolean; target?: EventTarget | null } = {},
) =>
  commandForKey({
    key,
    code: '',
    ctrlKey: modifiers.ctrlKey ?? false,
    metaKey: false,
    altKey: modifiers.altKey ?? false,
    shiftKey: modifiers.shiftKey ?? false,
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

  it('locks the desk with Ctrl+Shift+L from anywhere, even while typing; not Ctrl+L nor Alt+L', () => {
    expect(press('L', { ctrlKey: true, shiftKey: true })).toBe('lock');
    expect(press('L', { ctrlKey: true, shiftKey: true, target: document.createElement('textarea') })).toBe(
      'lock',
    );
    expect(press('l', { ctrlKey: true })).toBeUndefined();
    expect(press('l', { altKey: true })).toBeUndefined();
    expect(press('L', { ctrlKey: true, shiftKey: true, altKey: true })).toBeUndefined();
  });
});
