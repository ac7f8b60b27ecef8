/**
 * The live pull's filter on a device with a budget (docs/decisions/027-device-budget.md): a
 * client-side `filter` for PouchDB's `replicate`, judged from each changed document's id.
 *
 *   - a document that is not a complaint's, or one of a complaint received within the budget:
 *     pulled;
 *   - a document of a complaint outside the budget that the device holds (`held`): pulled, so that
 *     a complaint on the device is kept whole and up to date;
 *   - any other document of a complaint outside the budget: not pulled. If it is an event, the
 *     complaint is active again on the central (reopened, followed up, rated): `onActive` is told
 *     its tracking number, and the sync fetches it whole (./fetch-complaint), never half. A
 *     complaint or reporter document alone (a reporter's identity deleted at the end of its
 *     retention, a late copy of the complaint) leaves it on the central.
 *
 * PouchDB derives the replication's id, and so where its checkpoint is found, from the filter's
 * source text (`filter.toString()`, pouchdb-generate-replication-id). The function's text would
 * change with any rebuild that moves its code, and the pull would start again from the beginning
 * of the central's feed. So the filter names itself with a fixed text, BUDGET_FILTER_NAME: every
 * version with the same name shares one checkpoint. A pull without a budget has no filter (and
 * another checkpoint).
 */
import { docKind } from '../../../shared/ids/document-ids';
import { isDocInBudget, trackingNumberOfDocId } from '../../../shared/sync/device-budget';
import type { BudgetOnDevice } from './budget-on-device';

/** The filter's name in the replication id: change it only to make every budget pull start over. */
export const BUDGET_FILTER_NAME = 'meja-aduan-device-budget-1';

export type PullFilter = (doc: Readonly<{ _id?: unknown }>) => boolean;

/** The pull's filter for `budget` (see the file comment). */
export function budgetPullFilter(
  budget: BudgetOnDevice,
  onActive: (trackingNumber: string) => void,
): PullFilter {
  const filter: PullFilter = (doc) => {
    const id = typeof doc._id === 'string' ? doc._id : '';
    if (isDocInBudget(budget.rule, id)) return true;
    const trackingNumber = trackingNumberOfDocId(id);
    if (trackingNumber === null || budget.held.has(trackingNumber)) return true;
    if (docKind(id) === 'event') onActive(trackingNumber);
    return false;
  };
  filter.toString = () => BUDGET_FILTER_NAME;
  return filter;
}
