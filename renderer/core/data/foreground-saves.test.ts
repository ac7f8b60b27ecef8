/**
 * Foreground saves: work that gives way waits for a save started in the same turn as itself, and
 * for every save under way, failed ones included; one set of saves per database.
 */
import { describe, expect, it } from 'vitest';
import { ForegroundSaves, foregroundSaves } from './foreground-saves';

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('ForegroundSaves', () => {
  it('lets work started just before a save in the same turn wait for it', async () => {
    const saves = new ForegroundSaves();
    const order: string[] = [];
    const save = deferred();
    const waiting = saves.idleAfterTurn().then(() => order.push('look-up'));
    const saved = saves.run(() => save.promise).then(() => order.push('save'));
    expect(saves.busy()).toBe(true);
    save.resolve();
    await Promise.all([waiting, saved]);
    expect(order).toEqual(['save', 'look-up']);
    expect(saves.busy()).toBe(false);
  });

  it('waits for every save under way, and a failed save lets it go too', async () => {
    const saves = new ForegroundSaves();
    const first = deferred();
    const second = deferred();
    const outcomes: string[] = [];
    const one = saves.run(() => first.promise).catch(() => outcomes.push('first failed'));
    const two = saves.run(() => second.promise).then(() => outcomes.push('second saved'));
    const waiting = saves.idle().then(() => outcomes.push('idle'));
    first.reject(new Error('refused'));
    await one;
    expect(saves.busy()).toBe(true);
    second.resolve();
    await Promise.all([two, waiting]);
    expect(outcomes).toEqual(['first failed', 'second saved', 'idle']);
  });

  it('resolves when no save runs, and keeps one set per database', async () => {
    const db = {};
    expect(foregroundSaves(db)).toBe(foregroundSaves(db));
    expect(foregroundSaves(db)).not.toBe(foregroundSaves({}));
    await expect(foregroundSaves(db).idle()).resolves.toBeUndefined();
    await expect(foregroundSaves(db).idleAfterTurn()).resolves.toBeUndefined();
  });
});
