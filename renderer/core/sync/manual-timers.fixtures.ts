/**
 * Timers under a test's control (for the sync unit tests): `setTimeout` queues, `advance` moves
 * the clock and runs what falls due, in order. `now` is the clock the service is given.
 */
import type { SyncTimers } from './sync-dependencies';

type Task = { id: number; at: number; callback: () => void };

export class ManualTimers implements SyncTimers {
  now = Date.parse('2026-11-23T03:00:00.000Z');
  #next = 1;
  #tasks: Task[] = [];

  setTimeout(callback: () => void, ms: number): unknown {
    const task = { id: this.#next++, at: this.now + Math.max(0, ms), callback };
    this.#tasks.push(task);
    return task.id;
  }

  clearTimeout(handle: unknown): void {
    this.#tasks = this.#tasks.filter((task) => task.id !== handle);
  }

  /** Delays of the timers still set, from now. */
  pending(): number[] {
    return this.#tasks.map((task) => task.at - this.now).sort((a, b) => a - b);
  }

  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.#tasks.filter((task) => task.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#tasks = this.#tasks.filter((task) => task !== due);
      this.now = due.at;
      due.callback();
    }
    this.now = end;
  }
}
