import { describe, expect, it } from 'vitest';
import { openDraft, sealDraft, type DraftKey } from './draft-seal';
import { derivePurposeKey } from './purpose-keys';
import { createUnitKey } from './unit-key';

const draftKey = async (version: number): Promise<DraftKey> => {
  const unitKey = await createUnitKey(version);
  return { version, key: await derivePurposeKey(unitKey, 'drafts') };
};

const DRAFT = {
  fields: { title: 'Jalan rusak', reporter: { name: 'Budi Santoso' } },
  fileNames: ['ktp-budi.jpg'],
};

describe('sealed intake drafts', () => {
  it('opens for its officer with its key; holds nothing in clear; a fresh IV each time', async () => {
    const key = await draftKey(1);
    const sealed = await sealDraft(key, 'officer-1', DRAFT);
    expect(JSON.stringify(sealed)).not.toMatch(/Budi|Jalan|ktp/);
    expect(sealed).toMatchObject({ algorithm: 'A256GCM', keyVersion: 1 });
    expect(await openDraft(key, 'officer-1', sealed)).toEqual({ ok: true, value: DRAFT });
    expect((await sealDraft(key, 'officer-1', DRAFT)).iv).not.toBe(sealed.iv);
  });

  it('does not open for another officer, under another key or version, changed, or malformed', async () => {
    const key = await draftKey(1);
    const sealed = await sealDraft(key, 'officer-1', DRAFT);
    expect(await openDraft(key, 'officer-2', sealed)).toEqual({ ok: false, reason: 'tampered' });
    expect(await openDraft(await draftKey(1), 'officer-1', sealed)).toEqual({
      ok: false,
      reason: 'tampered',
    });
    expect(await openDraft(await draftKey(2), 'officer-1', sealed)).toEqual({
      ok: false,
      reason: 'tampered',
    });
    const flipped = (sealed.ciphertext.startsWith('A') ? 'B' : 'A') + sealed.ciphertext.slice(1);
    expect(await openDraft(key, 'officer-1', { ...sealed, ciphertext: flipped })).toEqual({
      ok: false,
      reason: 'tampered',
    });
    expect(await openDraft(key, 'officer-1', { ...sealed, keyVersion: 2 })).toEqual({
      ok: false,
      reason: 'tampered',
    });
    expect(await openDraft(key, 'officer-1', { ...sealed, iv: 'short' })).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(await openDraft(key, 'officer-1', { fields: {} })).toEqual({ ok: false, reason: 'malformed' });
  });
});
