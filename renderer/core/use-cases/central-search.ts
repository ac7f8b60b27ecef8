/**
 * "Cari juga di pusat": on a device with a budget, the officer's words searched in the older
 * complaints that are only on the central (../sync/central-search), when the officer asks. Each one
 * named is opened the way a whole tracking number is: fetched whole (`findByTrackingNumber`).
 */
import { budgetRuleOf } from '../../../shared/sync/device-budget';
import { heldOutsideBudget } from '../sync/budget-on-device';
import { searchCentral, type CentralHit } from '../sync/central-search';
import { boundedRequest, type CentralRequest } from './central-counts';
import type { CoreDeps } from './core-deps';

/** What a search of the central gave: the complaints only there, or why it was not asked. */
export type CentralSearchOutcome =
  | Readonly<{ status: 'searched'; hits: readonly CentralHit[] }>
  | Readonly<{ status: 'not-searched'; reason: 'offline' | 'unreachable' | 'no-budget' }>;

export function createCentralSearch(deps: CoreDeps, centralRequest: CentralRequest | undefined) {
  return {
    /**
     * The complaints only on the central that `text`'s words match (newest first, at most
     * CENTRAL_SEARCH_LIMIT), for the officer at the desk; `no-budget` on a device that keeps
     * everything (its own search covers the unit).
     */
    async searchCentral(text: string): Promise<CentralSearchOutcome> {
      const { unitSettings, device, officer } = deps.store.getState();
      const rule = budgetRuleOf(unitSettings, deps.now());
      if (rule === null || !device || !officer) return { status: 'not-searched', reason: 'no-budget' };
      const request = boundedRequest(deps, centralRequest);
      if (request === null) return { status: 'not-searched', reason: 'offline' };
      try {
        const held = await heldOutsideBudget(deps.records.current().db, rule);
        const hits = await searchCentral(text, {
          request,
          unitCode: device.unitCode,
          rule,
          held: (trackingNumber) => held.has(trackingNumber),
          role: officer.role,
        });
        return { status: 'searched', hits };
      } catch (error) {
        console.warn('The central could not be searched:', error);
        return { status: 'not-searched', reason: 'unreachable' };
      }
    },
  };
}
