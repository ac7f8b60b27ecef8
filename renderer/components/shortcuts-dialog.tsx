/** The list of keyboard shortcuts (F1 or ?), in a modal <dialog> that Escape closes. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LOCK_SHORTCUT,
  NAVIGATION,
  navigationKeys,
  SEARCH_SHORTCUT,
  type NavigationItem,
} from '../app/navigation';
import { useAppStore } from '../store/app-store';

type ShortcutLabel =
  | NavigationItem['help']
  | typeof SEARCH_SHORTCUT.help
  | typeof LOCK_SHORTCUT.help
  | 'shortcuts.actions'
  | 'shortcuts.actionForm'
  | 'shortcuts.save'
  | 'shortcuts.openRow'
  | 'shortcuts.print'
  | 'shortcuts.help';

/** The sidebar's screens in the order shown (their keys from the one navigation table), then the rest. */
const SHORTCUTS: readonly (readonly [keys: string, label: ShortcutLabel])[] = [
  ...NAVIGATION.map((item, index) => [navigationKeys(index).join(' / '), item.help] as const),
  [SEARCH_SHORTCUT.keys.join(' / '), SEARCH_SHORTCUT.help],
  ['Alt+V, Alt+D, Alt+F, Alt+R, Alt+S …', 'shortcuts.actions'],
  ['Ctrl+Enter / Esc', 'shortcuts.actionForm'],
  ['Enter / Ctrl+Enter', 'shortcuts.save'],
  ['↑ ↓ Enter', 'shortcuts.openRow'],
  ['Ctrl+P', 'shortcuts.print'],
  [LOCK_SHORTCUT.keys.join(' / '), LOCK_SHORTCUT.help],
  ['F1 / ?', 'shortcuts.help'],
];

export function ShortcutsDialog(): ReactNode {
  const { t } = useTranslation();
  const open = useAppStore((state) => state.shortcutsOpen);
  const setOpen = useAppStore((state) => state.setShortcutsOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={() => setOpen(false)}>
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <table className="table" data-testid="shortcuts-table">
        <tbody>
          {SHORTCUTS.map(([keys, label]) => (
            <tr key={label}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="button" autoFocus>
          {t('shortcuts.close')}
        </button>
      </form>
    </dialog>
  );
}
