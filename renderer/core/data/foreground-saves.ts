/**
 * The saves an officer is waiting for (an intake's documents), and the background work that gives
 * way to them: the changes feed's followers (./change-follower: the complaint index, the search
 * index, Beranda's indicator records) and the duplicate panel's look-up start their next step only
 * while no such save is under way. On one thread and one IndexedDB, a follower's reads and writes
 * run between the save's own requests and lengthen the wait after "Simpan"; deferred, they run
 * right after it, so a saved complaint is still in the list and findable at once.
 * A step already running is not interrupted: the save waits at most for that one step.
 * One per unit database (`foregroundSaves(db)`), as the changes feed is (../sync/shared-changes):
 * the writers and the work that gives way find it through the database they share.
 */
export class ForegroundSaves {
  private readonly running = new Set<Promise<unknown>>();

  /**
   * Runs `save` as a foreground save: background work started from now on waits until it is
   * settled (resolved or failed). Registered before `save` is called, so a look-up started in
   * the same turn as the save already gives way to it.
   */
  run<T>(save: () => Promise<T>): Promise<T> {
    const settled = Promise.resolve().then(save);
    const entry = settled.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(entry);
    void entry.then(() => this.running.delete(entry));
    return settled;
  }

  /** Whether a foreground save is under way. */
  busy(): boolean {
    return this.running.size > 0;
  }

  /** Resolves once no foreground save is under way (at once when none is). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /**
   * The same, after letting the current turn finish first, so that a save started right after the
   * caller (the officer pressed Simpan while the panel looked up) counts.
   */
  async idleAfterTurn(): Promise<void> {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    await this.idle();
  }
}

const perDatabase = new WeakMap<object, ForegroundSaves>();

/** The foreground saves of the unit database `db`. */
export function foregroundSaves(db: object): ForegroundSaves {
  let saves = perDatabase.get(db);
  if (!saves) {
    saves = new ForegroundSaves();
    perDatabase.set(db, saves);
  }
  return saves;
}
