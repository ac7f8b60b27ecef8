/**
 * Complaints outside the device budget that became active again on the central (a new event the
 * pull left out: ./budget-pull-filter), fetched whole, one at a time (./fetch-complaint), so that
 * such a complaint is never on the device in part: its events without the complaint, or the
 * complaint without its reporter.
 *
 * The tracking numbers wait in the sync journal (`activeOutsideBudget`) until fetched. `add` puts
 * one in the journal and starts writing it at once, while the pull goes on with the batch that
 * named it: the pull stores its checkpoint past that batch only after two more requests to the
 * central and the batch's write, so the journal is stored first in practice (not by a lock: a
 * crash in that moment loses the fetch, and the complaint comes with its next event, or when
 * asked for at the desk). A fetch the central cannot answer now waits for the next run (`resume`);
 * a number whose complaint the central does not hold is dropped.
 */
import type { FetchComplaintResult } from './fetch-complaint';
import type { SyncJournalStore } from './sync-journal';

export type OutsideBudgetFetchesOptions = Readonly<{
  journal: SyncJournalStore;
  /** Fetches one complaint whole into the device's database. */
  fetch: (trackingNumber: string) => Promise<FetchComplaintResult>;
  /** The complaint is on the device now (the pull takes its later documents). */
  onFetched: (trackingNumber: string) => void;
}>;

export class OutsideBudgetFetches {
  #running: Promise<void> | null = null;
  /** Named again while its fetch ran: fetched once more (the new event may have come after it listed). */
  readonly #again = new Set<string>();
  #current: string | null = null;
  #stopped = false;

  constructor(private readonly options: OutsideBudgetFetchesOptions) {}

  /** A complaint not on the device had a new event on the central: fetch it whole. */
  add(trackingNumber: string): void {
    if (this.#stopped) return;
    const { journal } = this.options;
    if (this.#current === trackingNumber) this.#again.add(trackingNumber);
    if (!journal.journal.activeOutsideBudget.includes(trackingNumber)) {
      journal.update({ activeOutsideBudget: [...journal.journal.activeOutsideBudget, trackingNumber] });
      void journal.flush();
    }
    this.resume();
  }

  /** Fetches the ones waiting in the journal (from an earlier run too), unless already at it. */
  resume(): void {
    if (this.#stopped || this.#running !== null) return;
    this.#running = this.#work().finally(() => {
      this.#running = null;
    });
  }

  /** No new fetch starts; resolves once the one under way has ended. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#running;
  }

  /** Resolves when nothing is being fetched (for tests and the service's wind-down). */
  async idle(): Promise<void> {
    while (this.#running !== null) await this.#running;
  }

  async #work(): Promise<void> {
    const { journal } = this.options;
    for (;;) {
      const next = journal.journal.activeOutsideBudget[0];
      if (next === undefined || this.#stopped) return;
      this.#current = next;
      let result: FetchComplaintResult;
      try {
        result = await this.options.fetch(next);
      } catch (error) {
        // A failure to write here: left in the journal for the next run.
        console.error('Meja Aduan: a complaint outside the device budget could not be written', error);
        return;
      } finally {
        this.#current = null;
      }
      if (result.outcome === 'unreachable') return;
      if (result.outcome === 'fetched') this.options.onFetched(next);
      if (this.#again.delete(next)) continue;
      journal.update({
        activeOutsideBudget: journal.journal.activeOutsideBudget.filter((entry) => entry !== next),
      });
      await journal.flush();
    }
  }
}
