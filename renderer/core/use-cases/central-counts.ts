/**
 * On a device with a budget, the older complaints only on the central, for figures computed on the
 * device (docs/decisions/027-device-budget.md): Beranda's rows of them read from the central when
 * it can be asked (../data/central-indicator-records), and for Paket P4 the complaints themselves
 * (`centralOnlyRecords`). The store hears how far Beranda's figures count them (`centralCounts`).
 */
import type { ComplaintDoc } from '../../../shared/complaint/complaint-schema';
import type { BudgetRule } from '../../../shared/sync/device-budget';
import type { EventDoc } from '../../../shared/workflow/events';
import type { CentralIndicatorRecords, CentralRecordsProgress } from '../data/central-indicator-records';
import { heldOutsideBudget } from '../sync/budget-on-device';
import { centralOnlyPages } from '../sync/central-only-complaints';
import type { RemoteRequest } from '../sync/download-protocol';
import type { CoreDeps } from './core-deps';

/** A request to the central waits at most this long (a central that hangs counts as unreachable). */
export const CENTRAL_REQUEST_TIMEOUT_MS = 30_000;

/** Gives the central's requests, or null while the device cannot ask it (no sync, sync off). */
export type CentralRequest = () => RemoteRequest | null;

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** The central's requests now, each bounded by CENTRAL_REQUEST_TIMEOUT_MS; null when offline. */
export function boundedRequest(
  deps: CoreDeps,
  centralRequest: CentralRequest | undefined,
): RemoteRequest | null {
  if (deps.store.getState().syncStatus.state === 'offline') return null;
  const request = centralRequest?.() ?? null;
  if (request === null) return null;
  return (path, init = {}) => {
    const timeout = AbortSignal.timeout(CENTRAL_REQUEST_TIMEOUT_MS);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return request(path, { ...init, signal });
  };
}

function unitCodeOf(deps: CoreDeps): string {
  const code = deps.store.getState().device?.unitCode;
  if (!code) throw new Error('The device is not set up.');
  return code;
}

/**
 * Brings Beranda's rows of the complaints only on the central up to date when the central can be
 * asked (`onProgress` hears the reading), and tells the store how far they count. Rejects only when
 * `signal` aborts; a central that fails leaves the rows read so far.
 */
export async function readCentralCounts(
  deps: CoreDeps,
  central: CentralIndicatorRecords,
  centralRequest: CentralRequest | undefined,
  rule: BudgetRule,
  onProgress?: (progress: CentralRecordsProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  const unitCode = unitCodeOf(deps);
  const complete = (await central.state(unitCode))?.complete === true;
  const request = complete ? null : boundedRequest(deps, centralRequest);
  let notRead: 'offline' | 'unreachable' | null = request === null ? 'offline' : null;
  let share = 0;
  if (request !== null) {
    try {
      const held = await heldOutsideBudget(deps.records.current().db, rule);
      await central.fill({
        request,
        unitCode,
        rule,
        held: (trackingNumber) => held.has(trackingNumber),
        now: deps.now,
        onProgress: (progress) => {
          share = progress.share;
          onProgress?.(progress);
        },
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted || isAbort(error)) throw error;
      console.warn('The central could not be read for the older complaints:', error);
      notRead = 'unreachable';
    }
  }
  const state = await central.state(unitCode);
  deps.store.getState().setCentralCounts({
    complaints: state === null ? 0 : await central.count(),
    complete: state?.complete ?? false,
    share: state?.complete ? 1 : share,
    readAt: state?.readAt ?? null,
    notRead: state?.complete ? null : notRead,
  });
}

/** The complaints only on the central, whole (free text included; never identity or files), or why not. */
export type CentralOnlyRecords =
  | Readonly<{ status: 'read'; complaints: ComplaintDoc[]; events: EventDoc[]; invalid: number }>
  | Readonly<{ status: 'not-read'; reason: 'offline' | 'unreachable' }>;

/**
 * Every complaint only on the central, with its events, read page by page (`onPage` hears the
 * complaints so far): what Paket P4 adds to the device's own records on a device with a budget.
 */
export async function centralOnlyRecords(
  deps: CoreDeps,
  centralRequest: CentralRequest | undefined,
  rule: BudgetRule,
  onPage?: (complaints: number) => void,
): Promise<CentralOnlyRecords> {
  const request = boundedRequest(deps, centralRequest);
  if (request === null) return { status: 'not-read', reason: 'offline' };
  try {
    const held = await heldOutsideBudget(deps.records.current().db, rule);
    const next = centralOnlyPages({
      request,
      unitCode: unitCodeOf(deps),
      rule,
      held: (trackingNumber) => held.has(trackingNumber),
      after: null,
    });
    const complaints: ComplaintDoc[] = [];
    const events: EventDoc[] = [];
    let invalid = 0;
    for (let page = await next(); page !== null; page = await next()) {
      complaints.push(...page.complaints);
      events.push(...page.events);
      invalid += page.invalid;
      onPage?.(complaints.length);
    }
    return { status: 'read', complaints, events, invalid };
  } catch (error) {
    console.warn('The central could not be read for the older complaints:', error);
    return { status: 'not-read', reason: 'unreachable' };
  }
}
