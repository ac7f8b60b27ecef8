/**
 * The receipt (tanda terima) as this device prints it: the paper chosen for the desk's printer,
 * A5 or an 80 mm receipt roll. Kept in this device's Dexie settings, never synced: another desk
 * of the unit may have another printer. Any officer may change it.
 */
import type { ReceiptPaper } from '../data/device-store';
import type { CoreDeps } from './core-deps';

export function createReceipt(deps: CoreDeps) {
  const { deviceStore } = deps;
  return {
    /** The paper this device's receipts print on (A5 until one is chosen). */
    paper(): Promise<ReceiptPaper> {
      return deviceStore.receiptPaper();
    },

    /** Chooses the paper; resolves once it is stored on this device. */
    setPaper(paper: ReceiptPaper): Promise<void> {
      return deviceStore.setReceiptPaper(paper);
    },
  };
}
