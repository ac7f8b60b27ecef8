/**
 * The live pull's device-budget filter: what it lets through by id (documents of complaints
 * received within the budget, of complaints the device holds, every document that is not a
 * complaint's), which complaints it names as active again (an event of one not here; never a
 * reporter or complaint document alone), and, through PouchDB's own replication between memory
 * databases, that it pulls exactly those and that two filters of the same name share one
 * checkpoint (a new filter object does not start the pull over).
 */
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../../test/support/memory-database';
import { BUDGET_FILTER_NAME, budgetPullFilter } from './budget-pull-filter';
import { heldOutsideBudget } from './budget-on-device';

PouchDB.plugin(replication);

const H = (n: number): string => n.toString(16).padStart(64, '0');
const rule = { months: 6, cutoff: '2026-06-07' };
const NEW = 'KBM-261201-X7Q-0100';
const OLD_HELD = 'KBM-250301-X7Q-0010';
const OLD = 'KBM-250302-X7Q-0011';
const docsOf = (tn: string, receivedAt: string, n: number) => ({
  complaint: `complaint:${receivedAt}:${tn}:${H(n)}`,
  event: `event:${tn}:2026-12-01T03:00:00.000Z:N23:${String(n).padStart(10, '0')}:${H(n + 1)}`,
  reporter: `reporter:${tn}`,
});
const fresh = docsOf(NEW, '2026-12-01T02:00:00.000Z', 10);
const held = docsOf(OLD_HELD, '2025-03-01T02:00:00.000Z', 20);
const old = docsOf(OLD, '2025-03-02T02:00:00.000Z', 30);

describe('budgetPullFilter', () => {
  it('pulls every document not a complaint’s, and those of complaints within the budget or held here', () => {
    const active: string[] = [];
    const filter = budgetPullFilter({ rule, held: new Set([OLD_HELD]) }, (tn) => active.push(tn));
    for (const id of [
      'unit-settings',
      'officer:abc',
      '_design/meja-aduan-stages',
      ...Object.values(fresh),
      ...Object.values(held),
    ]) {
      expect(filter({ _id: id }), id).toBe(true);
    }
    expect(active).toEqual([]);
  });

  it('leaves out the documents of a complaint outside the budget not held here, naming it active on an event', () => {
    const active: string[] = [];
    const filter = budgetPullFilter({ rule, held: new Set([OLD_HELD]) }, (tn) => active.push(tn));
    expect(filter({ _id: old.reporter })).toBe(false);
    expect(filter({ _id: old.complaint })).toBe(false);
    expect(active).toEqual([]);
    expect(filter({ _id: old.event })).toBe(false);
    expect(active).toEqual([OLD]);
  });

  it('goes by the held set as it is when asked (a complaint fetched meanwhile is pulled from then on)', () => {
    const budget = { rule, held: new Set<string>() };
    const active: string[] = [];
    const filter = budgetPullFilter(budget, (tn) => active.push(tn));
    expect(filter({ _id: old.event })).toBe(false);
    budget.held.add(OLD);
    expect(filter({ _id: old.event })).toBe(true);
    expect(active).toEqual([OLD]);
  });

  it('has a fixed text whatever the object (the replication id, and so the checkpoint, stays the same)', () => {
    const one = budgetPullFilter({ rule, held: new Set() }, () => undefined);
    const other = budgetPullFilter(
      { rule: { months: 12, cutoff: '2025-12-07' }, held: new Set([OLD]) },
      () => undefined,
    );
    expect(one.toString()).toBe(BUDGET_FILTER_NAME);
    expect(other.toString()).toBe(BUDGET_FILTER_NAME);
  });

  it('through PouchDB replication: pulls exactly the kept documents, and a new filter goes on from the checkpoint', async () => {
    const central = memoryDatabase();
    const device = memoryDatabase();
    const all = [...Object.values(fresh), ...Object.values(held), ...Object.values(old), 'unit-settings'];
    await central.bulkDocs(all.map((_id) => ({ _id })));
    // The device holds the old complaint it had before (as the first download left it).
    await device.put({ _id: held.complaint });
    const budget = { rule, held: await heldOutsideBudget(device, rule) };
    expect([...budget.held]).toEqual([OLD_HELD]);

    const active: string[] = [];
    const first = await PouchDB.replicate(central, device, {
      filter: budgetPullFilter(budget, (tn) => active.push(tn)),
    });
    // Seven kept; the held complaint's one revision is here already.
    expect(first.docs_written).toBe(6);
    const ids = (await device.allDocs()).rows.map((row) => row.id).sort();
    expect(ids).toEqual([...Object.values(fresh), ...Object.values(held), 'unit-settings'].sort());
    expect(active).toEqual([OLD]);

    // A later change, pulled with a new filter object of the same name: only the change is read.
    await central.put({ _id: 'officer:new' });
    const second = await PouchDB.replicate(central, device, {
      filter: budgetPullFilter({ rule, held: new Set([OLD_HELD]) }, () => undefined),
    });
    expect(second.docs_read).toBe(1);
    expect(second.docs_written).toBe(1);
  });
});
