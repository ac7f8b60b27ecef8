/**
 * Translation keys are typed (i18next.d.ts): a wrong key is a compile error. The proof is the
 * `@ts-expect-error` lines below. vitest does not type-check, but `npm run typecheck` (the first
 * step of `npm test`) covers this file, and an `@ts-expect-error` on a line that compiles is
 * itself an error: if the keys ever stop being checked, typecheck fails here.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ComplaintStatus } from '../../shared/complaint/vocabulary';
import { isOneOf, isTranslationKey, labelUnder } from './keys';
import { resourcesFor } from './resources';

async function indonesian() {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'id',
    interpolation: { escapeValue: false },
    resources: { id: { translation: resourcesFor('id') } },
  });
  return i18n;
}

describe('typed translation keys', () => {
  it('accepts the keys of the Indonesian resources, also those built from a domain union', async () => {
    const i18n = await indonesian();
    const status: ComplaintStatus = 'closed';
    expect(i18n.t('common.save')).toBe('Simpan');
    expect(i18n.t(`complaintStatus.${status}`)).toBe('Selesai');
    expect(i18n.t('validation.required')).toBe('Kolom ini wajib diisi.');
    expect(i18n.t('status.pending', { count: 2 })).toBe('2 perubahan belum terkirim');
  });

  it('refuses an unknown key at compile time (checked by npm run typecheck)', async () => {
    const i18n = await indonesian();
    // @ts-expect-error: no such key. If this compiles, `t()` keys are no longer typed.
    expect(i18n.t('no.such.key')).toBe('no.such.key');
    // @ts-expect-error: a defaultValue does not excuse an unknown key (strictKeyChecks).
    expect(i18n.t('common.noSuchKey', { defaultValue: 'x' })).toBe('x');
    const stage: string = 'verify';
    // @ts-expect-error: a key built from a plain string must be narrowed first.
    expect(i18n.t(`deadline.stage.${stage}`)).toBe('Verifikasi');
  });

  it('narrows run-time names with the helpers of ./keys', async () => {
    const i18n = await indonesian();
    const stage: string = 'verify';
    const stages = ['verify', 'resolve'] as const;
    expect(isOneOf(stages, stage) ? i18n.t(`deadline.stage.${stage}`) : stage).toBe('Verifikasi');
    expect(isTranslationKey('actionField.note')).toBe(true);
    expect(isTranslationKey('actionField')).toBe(false);
    expect(isTranslationKey('actionField.noSuchField')).toBe(false);
    expect(labelUnder(i18n.t, 'actionField', 'note')).toBe('Catatan');
    expect(labelUnder(i18n.t, 'actionField', 'customField')).toBe('customField');
    expect(labelUnder(i18n.t, 'packetUi.field', 'nope', 'nope.path')).toBe('nope.path');
  });
});
