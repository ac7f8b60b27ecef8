import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../shared/platform/platform-contract';
import { applicationMenuTemplate, type MenuTemplateOptions } from './menu-template';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(overrides: Partial<MenuTemplateOptions> = {}) {
  const send = vi.fn<(command: MenuCommand) => void>();
  const items = flatten(applicationMenuTemplate({ isDevelopment: false, isMac: false, send, ...overrides }));
  const clickAll = (): void => {
    for (const item of items) (item.click as (() => void) | undefined)?.();
  };
  return { items, send, clickAll };
}

describe('applicationMenuTemplate', () => {
  it('has the Indonesian top-level menus in order', () => {
    const top = applicationMenuTemplate({ isDevelopment: false, isMac: false, send: () => undefined });
    expect(top.map((item) => item.label)).toEqual(['Berkas', 'Sunting', 'Pengaduan', 'Tampilan', 'Bantuan']);
  });

  it('sends every menu command exactly once when every item is clicked', () => {
    const { send, clickAll } = build();
    clickAll();
    const sent = send.mock.calls.map(([command]) => command);
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('binds the documented accelerators', () => {
    const { items, send } = build();
    const byAccelerator = (accelerator: string) => items.filter((item) => item.accelerator === accelerator);
    for (const [accelerator, command] of [
      ['CmdOrCtrl+N', 'new-complaint'],
      ['CmdOrCtrl+P', 'print'],
      ['F1', 'shortcuts'],
    ] as const) {
      const matches = byAccelerator(accelerator);
      expect(matches, accelerator).toHaveLength(1);
      send.mockClear();
      (matches[0]?.click as () => void)();
      expect(send).toHaveBeenCalledExactlyOnceWith(command);
    }
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDevelopment: boolean) => build({ isDevelopment }).items.map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('keeps the standard editing, zoom and quit roles', () => {
    const roles = build().items.map((item) => item.role);
    expect(roles).toEqual(
      expect.arrayContaining(['quit', 'copy', 'paste', 'cut', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom']),
    );
  });

  it('uses the macOS app menu and closes the window instead of quitting on macOS', () => {
    const top = applicationMenuTemplate({ isDevelopment: false, isMac: true, send: () => undefined });
    expect(top[0]?.role).toBe('appMenu');
    expect(flatten(top).map((item) => item.role)).toContain('close');
  });
});
