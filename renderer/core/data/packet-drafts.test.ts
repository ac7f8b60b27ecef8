import { afterEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../../test/support/memory-database';
import { unitProfileDoc } from '../../../shared/couch/documents.fixtures';
import {
  EVIDENCE_FILE_MAX_BYTES,
  MAX_EVIDENCE_PER_SECTION,
  emptyPacketDraft,
  type PacketDraft,
} from '../../../shared/packet/packet-types';
import type { UnitDatabase } from './database';
import {
  PacketDraftChangedError,
  PacketDraftExistsError,
  PacketDraftStore,
  checkEvidenceFile,
  withEvidence,
  withoutEvidence,
} from './packet-drafts';

const BY = { officerId: 'officer-1', name: 'Siti Rahma' };
const NOW = new Date('2026-11-23T03:00:00.000Z');
const PDF = Buffer.from('%PDF-1.4 surat keputusan');

let db: UnitDatabase | undefined;
let store: PacketDraftStore;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

function draft(): PacketDraft {
  return emptyPacketDraft(unitProfileDoc('KTB'), 2026, { from: '2026-01-01', to: '2026-06-30' }, 'upp');
}

function open(): UnitDatabase {
  const opened = memoryDatabase();
  db = opened;
  store = new PacketDraftStore(opened, 'KTB', 'X7Q');
  return opened;
}

function withPdf(base: PacketDraft): { draft: PacketDraft; id: string } {
  const checked = checkEvidenceFile(base, 'leadership-commitment', {
    name: 'sk-tim.pdf',
    type: 'application/pdf',
    size: PDF.length,
  });
  if (!checked.ok) throw new Error(checked.problem);
  return { draft: withEvidence(base, 'leadership-commitment', checked.ref), id: checked.ref.id };
}

describe('packet drafts', () => {
  it('creates, lists and loads a draft under packet-draft:<year>-<category>', async () => {
    const opened = open();
    const created = await store.create(draft(), BY, NOW);
    expect(created.id).toBe('packet-draft:2026-upp');
    expect(created.updatedBy).toEqual(BY);
    expect(await store.list()).toEqual([
      expect.objectContaining({
        id: 'packet-draft:2026-upp',
        year: 2026,
        category: 'upp',
        conflicted: false,
      }),
    ]);
    const raw = await opened.get('packet-draft:2026-upp');
    expect(raw).toMatchObject({
      type: 'packet-draft',
      schemaVersion: 1,
      unitCode: 'KTB',
      // This device and the officer wrote it (the central checks the device).
      lastChangedBy: { device: 'X7Q', officer: 'officer-1' },
    });
    expect((await store.load('packet-draft:2026-upp'))?.draft).toEqual(draft());
    await expect(store.create(draft(), BY, NOW)).rejects.toBeInstanceOf(PacketDraftExistsError);
  });

  it('stores evidence as attachments keyed by evidence id, keeps them on later saves, drops removed ones', async () => {
    open();
    const created = await store.create(draft(), BY, NOW);
    const { draft: next, id } = withPdf(created.draft);
    const saved = await store.save({
      id: created.id,
      rev: created.rev,
      draft: next,
      added: new Map([[id, PDF]]),
      by: BY,
      now: NOW,
    });
    expect(saved.files[id]).toEqual({ contentType: 'application/pdf', length: PDF.length });
    expect(new TextDecoder().decode((await store.evidenceBytes(saved.id)).get(id))).toBe(PDF.toString());

    const narrative = { ...next.sections['leadership-commitment'], narrative: 'Komitmen pimpinan.' };
    const edited = { ...next, sections: { ...next.sections, 'leadership-commitment': narrative } };
    const again = await store.save({
      id: saved.id,
      rev: saved.rev,
      draft: edited,
      added: new Map(),
      by: BY,
      now: NOW,
    });
    expect((await store.evidenceBytes(again.id)).get(id)?.length).toBe(PDF.length);

    const removed = await store.save({
      id: again.id,
      rev: again.rev,
      draft: withoutEvidence(edited, id),
      added: new Map(),
      by: BY,
      now: NOW,
    });
    expect(removed.files).toEqual({});
    expect(removed.draft.sections['leadership-commitment'].narrative).toBe('Komitmen pimpinan.');
  });

  it('refuses a save over an old revision (changed on another device)', async () => {
    open();
    const created = await store.create(draft(), BY, NOW);
    const other = { ...created.draft, exampleCases: [{ title: 'Kasus', text: 'Teks' }] };
    await store.save({ id: created.id, rev: created.rev, draft: other, added: new Map(), by: BY, now: NOW });
    await expect(
      store.save({
        id: created.id,
        rev: created.rev,
        draft: created.draft,
        added: new Map(),
        by: BY,
        now: NOW,
      }),
    ).rejects.toBeInstanceOf(PacketDraftChangedError);
  });

  it('refuses evidence without its file, and a draft of another unit', async () => {
    open();
    const created = await store.create(draft(), BY, NOW);
    const { draft: next } = withPdf(created.draft);
    await expect(
      store.save({ id: created.id, rev: created.rev, draft: next, added: new Map(), by: BY, now: NOW }),
    ).rejects.toThrow(/has no file/);
    const foreign = emptyPacketDraft(unitProfileDoc('KBM'), 2026, { from: '2026-01-01', to: '2026-06-30' });
    await expect(store.create(foreign, BY, NOW)).rejects.toThrow(/unit KBM/);
  });

  it('deletes a draft with its files', async () => {
    open();
    const created = await store.create(draft(), BY, NOW);
    await store.remove(created.id, created.rev);
    expect(await store.list()).toEqual([]);
    expect(await store.load(created.id)).toBeUndefined();
  });
});

describe('checkEvidenceFile', () => {
  const check = (file: { name: string; type: string; size: number }, base = draft()) =>
    checkEvidenceFile(base, 'staff-competence', file);

  it('accepts the evidence types, by MIME type or by extension', () => {
    expect(check({ name: 'foto.jpg', type: 'image/jpeg', size: 10 })).toMatchObject({
      ok: true,
      ref: { name: 'foto.jpg', mimeType: 'image/jpeg', size: 10 },
    });
    expect(check({ name: 'sop.docx', type: '', size: 10 })).toMatchObject({ ok: true });
  });

  it('refuses other types, empty and too large files, and a full section', () => {
    expect(check({ name: 'setup.exe', type: 'application/x-msdownload', size: 10 })).toMatchObject({
      ok: false,
      problem: 'type',
    });
    expect(check({ name: 'kosong.pdf', type: 'application/pdf', size: 0 })).toMatchObject({
      problem: 'empty',
    });
    expect(
      check({ name: 'besar.pdf', type: 'application/pdf', size: EVIDENCE_FILE_MAX_BYTES + 1 }),
    ).toMatchObject({ problem: 'size', max: EVIDENCE_FILE_MAX_BYTES });
    let full = draft();
    for (let index = 0; index < MAX_EVIDENCE_PER_SECTION; index += 1) {
      const ok = check({ name: `f${index}.pdf`, type: 'application/pdf', size: 1 }, full);
      if (!ok.ok) throw new Error(ok.problem);
      full = withEvidence(full, 'staff-competence', ok.ref);
    }
    expect(check({ name: 'lagi.pdf', type: 'application/pdf', size: 1 }, full)).toMatchObject({
      problem: 'count',
    });
  });
});
