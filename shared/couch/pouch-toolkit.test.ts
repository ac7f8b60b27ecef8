import { describe, expect, it } from 'vitest';
import {
  assertBulkWritten,
  bulkFailures,
  bulkStored,
  errorStatus,
  getOrUndefined,
  isConflict,
  isNotFound,
} from './pouch-toolkit';

const refusal = (status: number, message = 'refused'): object => ({ status, error: true, message });

describe('pouch-toolkit', () => {
  it('recognises refusals by their status', () => {
    expect(isNotFound(refusal(404))).toBe(true);
    expect(isConflict(refusal(409))).toBe(true);
    expect(isConflict(refusal(404))).toBe(false);
    expect(errorStatus(null)).toBeUndefined();
    expect(errorStatus('404')).toBeUndefined();
    expect(errorStatus({ status: '409' })).toBeUndefined();
  });

  it('asserts a bulk write, naming the first refusal and keeping its status', () => {
    const ok = [{ ok: true, id: 'a', rev: '1-x' }];
    expect(() => assertBulkWritten(ok)).not.toThrow();
    const mixed = [...ok, { error: 'forbidden', message: 'no', status: 403 }];
    expect(bulkFailures(mixed)).toHaveLength(1);
    expect(bulkStored(mixed)).toBe(1);
    let thrown: unknown;
    try {
      assertBulkWritten(mixed, '(1/2 stored)');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toBe('no (1/2 stored)');
    expect(errorStatus(thrown)).toBe(403);
    expect(() => assertBulkWritten([{ error: true }])).toThrow('write refused');
  });

  it('reads undefined for a missing document and throws other failures', async () => {
    expect(await getOrUndefined(Promise.resolve(1))).toBe(1);
    expect(
      await getOrUndefined(Promise.reject<number>(Object.assign(new Error('missing'), { status: 404 }))),
    ).toBe(undefined);
    await expect(
      getOrUndefined(Promise.reject(Object.assign(new Error('refused'), { status: 500 }))),
    ).rejects.toMatchObject({ status: 500 });
  });
});
