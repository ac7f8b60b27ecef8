/**
 * The unit database's second design document, `_design/meja-aduan-stages`: the views a new
 * device's staged first download reads (renderer/core/sync/initial-download), written by `central
 * setup` beside `_design/meja-aduan` (rewritten only when its bytes differ, like ./unit-design-doc).
 * Apart from the validator's document so that a change to one never rebuilds the other's indexes.
 *   closed       map over event documents: the tracking number with +1 for a kind that ends a
 *                complaint (close, archive, not-our-authority: shared/workflow/apply-event) and −1
 *                for `reopen`; reduce `_sum`. Grouped by key, a complaint whose sum is > 0 is
 *                closed; every other complaint counts as open (also one the reply-window rule
 *                closed without an event, and one closed twice offline then reopened once: its sum
 *                stays 1, it counts as closed and comes with the history, not first).
 *   complaints   map over complaint documents, reduce `_count`: how many complaints the unit
 *                holds (the open stage's estimate of its total).
 *   devices      map over complaint and event documents: the device code of the complaint's
 *                tracking number (`<unit>-<yymmdd>-<device>-<seq>`), and for an event also the
 *                device that wrote it (`deviceCode`); reduce `_count`. Grouped by key: the device
 *                codes the unit's documents use, which a joining device's code must not be (a code
 *                used again would start its tracking numbers' sequence again:
 *                renderer/core/sync/device-code-check).
 * Plain ES5 functions (CouchDB 3.5 runs views in QuickJS, older servers in SpiderMonkey).
 */
import { sortKeys } from './canonical-json';
import type { DesignDoc } from './unit-design-doc';

export const STAGES_DESIGN_DOC_ID = '_design/meja-aduan-stages';
/** The design document's name as view paths use it (`_design/<name>/_view/<view>`). */
export const STAGES_DESIGN_NAME = 'meja-aduan-stages';
export const CLOSED_VIEW = 'closed';
export const COMPLAINTS_VIEW = 'complaints';
export const DEVICES_VIEW = 'devices';

/** The event kinds after which a complaint is no longer open (closed, archived, forwarded). */
export const COMPLAINT_ENDING_KINDS = ['close', 'archive', 'not-our-authority'] as const;
export const COMPLAINT_REOPEN_KIND = 'reopen';

/**
 * The view `closed`'s rule over documents in hand: the tracking numbers whose events among `docs`
 * sum above 0 (+1 per ending kind, −1 per reopen). The first download uses it where the view
 * cannot be trusted to be current (a device budget: renderer/core/sync/initial-download).
 */
export function closedTrackingNumbers(
  docs: readonly Readonly<{ type?: unknown; kind?: unknown; trackingNumber?: unknown }>[],
): Set<string> {
  const sums = new Map<string, number>();
  const ending: readonly unknown[] = COMPLAINT_ENDING_KINDS;
  for (const doc of docs) {
    if (doc.type !== 'event' || typeof doc.trackingNumber !== 'string') continue;
    const step = ending.includes(doc.kind) ? 1 : doc.kind === COMPLAINT_REOPEN_KIND ? -1 : 0;
    if (step !== 0) sums.set(doc.trackingNumber, (sums.get(doc.trackingNumber) ?? 0) + step);
  }
  return new Set([...sums].filter(([, sum]) => sum > 0).map(([trackingNumber]) => trackingNumber));
}

/** The views' map functions (checked for ES5 in test/integration/central-design-doc). */
export const CLOSED_MAP = [
  'function (doc) {',
  "  if (doc.type !== 'event' || typeof doc.trackingNumber !== 'string') return;",
  `  if (${JSON.stringify(COMPLAINT_ENDING_KINDS)}.indexOf(doc.kind) >= 0) emit(doc.trackingNumber, 1);`,
  `  else if (doc.kind === ${JSON.stringify(COMPLAINT_REOPEN_KIND)}) emit(doc.trackingNumber, -1);`,
  '}',
].join('\n');

export const COMPLAINTS_MAP = [
  'function (doc) {',
  "  if (doc.type === 'complaint') emit(null, 1);",
  '}',
].join('\n');

export const DEVICES_MAP = [
  'function (doc) {',
  "  if (doc.type !== 'complaint' && doc.type !== 'event') return;",
  "  if (typeof doc.trackingNumber === 'string') {",
  "    var parts = doc.trackingNumber.split('-');",
  '    if (parts.length === 4) emit(parts[2], 1);',
  '  }',
  "  if (doc.type === 'event' && typeof doc.deviceCode === 'string') emit(doc.deviceCode, 1);",
  '}',
].join('\n');

export function stagesDesignDoc(): DesignDoc {
  return sortKeys({
    _id: STAGES_DESIGN_DOC_ID,
    language: 'javascript',
    views: {
      [CLOSED_VIEW]: { map: CLOSED_MAP, reduce: '_sum' },
      [COMPLAINTS_VIEW]: { map: COMPLAINTS_MAP, reduce: '_count' },
      [DEVICES_VIEW]: { map: DEVICES_MAP, reduce: '_count' },
    },
  }) as DesignDoc;
}
