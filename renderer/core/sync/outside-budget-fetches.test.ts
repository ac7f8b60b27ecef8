/**
 * The fetches of complaints outside the device budget that are active again: each tracking number
 * is kept in the sync journal until its complaint is fetched (one at a time, once even when named
 * twice); a number named again while its fetch runs is fetched once more; a central that does not
 * answer leaves the numbers for the next run (`resume`); a number the central does not hold is
 * dropped; a new store over the same journal resumes what an earlier run left.
 */
import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../../test/support/memory-database';
import type { FetchComplaintResult } from './fetch-complaint';
import { OutsideBudgetFetches } from './outside-budget-fetches';
import { SyncJournalStore } from './sync-journal';

const REMOTE = 'https://central.test/meja-aduan-unit-kbm';
const fetched = (trackingNumber: string): FetchComplaintResult => ({
  outcome: 'fetched',
  complaintId: `complaint:x:${trackingNumber}`,
  docsWritten: 3,
});

/** A fetch whose answers the test gives one at a time. */
function scriptedFetch() {
  const asked: string[] = [];
  const pending: ((result: FetchComplaintResult) => void)[] = [];
  return {
    asked,
    fetch: (trackingNumber: string) =>
      new Promise<FetchComplaintResult>((resolve) => {
        asked.push(trackingNumber);
        pending.push(resolve);
      }),
    async answer(result: FetchComplaintResult): Promise<void> {
      for (let tries = 0; pending.length === 0; tries += 1) {
        if (tries > 200) throw new Error('nothing asked');
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      pending.shift()?.(result);
      await new Promise((resolve) => setTimeout(resolve, 5));
    },
  };
}

describe('OutsideBudgetFetches', () => {
  it('fetches each named complaint once, keeping it in the journal until fetched', async () => {
    const db = memoryDatabase();
    const journal = await SyncJournalStore.open(db, REMOTE);
    const central = scriptedFetch();
    const here: string[] = [];
    const fetches = new OutsideBudgetFetches({
      journal,
      fetch: central.fetch,
      onFetched: (tn) => here.push(tn),
    });
    fetches.add('KBM-240101-X7Q-0001');
    fetches.add('KBM-240102-X7Q-0002');
    fetches.add('KBM-240102-X7Q-0002');
    expect(journal.journal.activeOutsideBudget).toEqual(['KBM-240101-X7Q-0001', 'KBM-240102-X7Q-0002']);
    await central.answer(fetched('KBM-240101-X7Q-0001'));
    expect(journal.journal.activeOutsideBudget).toEqual(['KBM-240102-X7Q-0002']);
    await central.answer({ outcome: 'not-on-central' });
    await fetches.idle();
    expect(central.asked).toEqual(['KBM-240101-X7Q-0001', 'KBM-240102-X7Q-0002']);
    expect(here).toEqual(['KBM-240101-X7Q-0001']);
    expect(journal.journal.activeOutsideBudget).toEqual([]);
    expect((await SyncJournalStore.open(db, REMOTE)).journal.activeOutsideBudget).toEqual([]);
  });

  it('fetches a complaint again when it is named while its fetch runs', async () => {
    const journal = await SyncJournalStore.open(memoryDatabase(), REMOTE);
    const central = scriptedFetch();
    const fetches = new OutsideBudgetFetches({ journal, fetch: central.fetch, onFetched: () => undefined });
    fetches.add('KBM-240101-X7Q-0001');
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Another event of it came while its documents were being listed.
    fetches.add('KBM-240101-X7Q-0001');
    await central.answer(fetched('KBM-240101-X7Q-0001'));
    await central.answer(fetched('KBM-240101-X7Q-0001'));
    await fetches.idle();
    expect(central.asked).toEqual(['KBM-240101-X7Q-0001', 'KBM-240101-X7Q-0001']);
    expect(journal.journal.activeOutsideBudget).toEqual([]);
  });

  it('leaves them for the next run when the central does not answer, and a later run fetches them', async () => {
    const db = memoryDatabase();
    const journal = await SyncJournalStore.open(db, REMOTE);
    const down = scriptedFetch();
    const first = new OutsideBudgetFetches({ journal, fetch: down.fetch, onFetched: () => undefined });
    first.add('KBM-240101-X7Q-0001');
    first.add('KBM-240102-X7Q-0002');
    await down.answer({ outcome: 'unreachable', message: 'fetch failed' });
    await first.idle();
    expect(down.asked).toEqual(['KBM-240101-X7Q-0001']);
    await first.stop();
    await journal.flush();

    const reopened = await SyncJournalStore.open(db, REMOTE);
    expect(reopened.journal.activeOutsideBudget).toEqual(['KBM-240101-X7Q-0001', 'KBM-240102-X7Q-0002']);
    const up = scriptedFetch();
    const here: string[] = [];
    const next = new OutsideBudgetFetches({
      journal: reopened,
      fetch: up.fetch,
      onFetched: (tn) => here.push(tn),
    });
    next.resume();
    await up.answer(fetched('KBM-240101-X7Q-0001'));
    await up.answer(fetched('KBM-240102-X7Q-0002'));
    await next.idle();
    expect(here).toEqual(['KBM-240101-X7Q-0001', 'KBM-240102-X7Q-0002']);
    expect(reopened.journal.activeOutsideBudget).toEqual([]);
  });
});
