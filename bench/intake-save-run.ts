/**
 * The intake-save measurement itself, on whatever PouchDB it is given: the Node memory adapter
 * (./intake-save) or Chromium's IndexedDB (./browser/intake-page, bundled into a page). Pure
 * (no Node, no DOM), so both run exactly this code.
 *
 * The database is first filled with `storedComplaints` intakes (complaint, reporter when not
 * anonymous, received event: what intake writes). Then, in each iteration, in an order rotated
 * every iteration so that neither gets a systematic position:
 *   - saveIntake: `ComplaintRepository.saveIntake` of a new intake (builds and checks the three
 *     documents with the app's schemas, one `bulkDocs`);
 *   - rawPut: a raw `db.put` of a complaint document built beforehand (the design target's
 *     baseline: one comparable document, no app code in the timed part);
 *   - rawBulk: a raw `db.bulkDocs` of the same three documents an intake writes, built
 *     beforehand (separates the app's own cost from the cost of writing three documents).
 * Every write gets a new complaint, later than all before it, as at a real desk.
 */
import { buildIntakeDocuments } from '../shared/complaint/intake-documents';
import { ComplaintRepository } from '../renderer/core/data/complaint-repository';
import { sampleIntakeContext, sampleIntakeInput } from './sample-records';
import { now, ratio, summarize, type Summary } from './timing';
import { withFirstRevision } from '../shared/couch/revision-writes';
import { assertBulkWritten } from '../shared/couch/pouch-toolkit';
import { createUnitKey } from '../shared/crypto/unit-key';
import { ReporterVault } from '../renderer/core/keys/reporter-vault';
import { UnitKeyring } from '../renderer/core/keys/unit-keyring';

export type IntakeSaveOptions = Readonly<{
  storedComplaints: number;
  saves: number;
  warmupSaves: number;
}>;

export type IntakeSaveResult = Readonly<{
  storedComplaints: number;
  storedDocuments: number;
  fillMs: number;
  saveIntake: Summary;
  rawPut: Summary;
  rawBulk: Summary;
  ratios: Readonly<{
    /** The design target (≤ 1.5): saveIntake p95 / rawPut p95. */
    p95VsRawPut: number | null;
    p50VsRawPut: number | null;
    p95VsRawBulk: number | null;
    p50VsRawBulk: number | null;
  }>;
}>;

type Database = PouchDB.Database;
const FILL_CHUNK = 500;

function intakeDocuments(index: number): PouchDB.Core.PutDocument<object>[] {
  const { complaint, reporter, received } = buildIntakeDocuments(
    sampleIntakeInput(index),
    sampleIntakeContext(index),
  );
  // Stored as the app stores them: with their revisions, written with new_edits=false.
  return [
    complaint,
    ...(reporter ? [withFirstRevision(reporter)] : []),
    received,
  ] as PouchDB.Core.PutDocument<object>[];
}

/** A document without its revision: what a plain `put` of the same content writes. */
function unrevised(doc: PouchDB.Core.PutDocument<object>): PouchDB.Core.PutDocument<object> {
  const { _rev: _ignored, ...rest } = doc;
  return rest;
}

/** Fills `db` with the intakes of complaints 0 … count − 1; returns the number of documents. */
export async function fillWithIntakes(
  db: Database,
  count: number,
  log: (message: string) => void,
): Promise<number> {
  let documents = 0;
  let reported = 0;
  for (let start = 0; start < count; start += FILL_CHUNK) {
    const docs: PouchDB.Core.PutDocument<object>[] = [];
    for (let index = start; index < Math.min(count, start + FILL_CHUNK); index += 1) {
      docs.push(...intakeDocuments(index));
    }
    assertBulkWritten(await db.bulkDocs(docs, { new_edits: false }));
    documents += docs.length;
    const done = Math.min(count, start + FILL_CHUNK);
    if (done - reported >= 10_000 || done === count) {
      reported = done;
      log(`intake: stored ${done}/${count} complaints`);
    }
  }
  return documents;
}

/** Fills `db`, then measures saveIntake against rawPut and rawBulk (see the file comment). */
export async function measureIntakeSaves(
  db: Database,
  options: IntakeSaveOptions,
  log: (message: string) => void,
): Promise<IntakeSaveResult> {
  const fillStart = now();
  const storedDocuments = await fillWithIntakes(db, options.storedComplaints, log);
  const fillMs = now() - fillStart;

  // Identity is sealed on every save (docs/decisions/017-unit-key.md): a unit key, as after a sign-in.
  const keyring = new UnitKeyring();
  const unitKey = await createUnitKey();
  keyring.install(unitKey, unitKey);
  const repository = new ComplaintRepository(db, new ReporterVault(keyring));
  const samples = { saveIntake: [] as number[], rawPut: [] as number[], rawBulk: [] as number[] };
  const iterations = options.warmupSaves + options.saves;
  // Indices after the stored complaints: three new complaints per iteration, one per kind.
  const first = options.storedComplaints;
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const base = first + iteration * 3;
    const putDoc = unrevised(intakeDocuments(base + 1)[0] as PouchDB.Core.PutDocument<object>);
    const bulkDocs = intakeDocuments(base + 2);
    const input = sampleIntakeInput(base);
    const context = sampleIntakeContext(base);
    const kinds = [
      async (): Promise<['saveIntake', number]> => {
        const start = now();
        await repository.saveIntake(input, [], context);
        return ['saveIntake', now() - start];
      },
      async (): Promise<['rawPut', number]> => {
        const start = now();
        await db.put(putDoc);
        return ['rawPut', now() - start];
      },
      async (): Promise<['rawBulk', number]> => {
        const start = now();
        assertBulkWritten(await db.bulkDocs(bulkDocs, { new_edits: false }));
        return ['rawBulk', now() - start];
      },
    ];
    for (let step = 0; step < kinds.length; step += 1) {
      const kind = kinds[(iteration + step) % kinds.length];
      if (!kind) continue;
      const [name, ms] = await kind();
      if (iteration >= options.warmupSaves) samples[name].push(ms);
    }
  }

  const saveIntake = summarize(samples.saveIntake);
  const rawPut = summarize(samples.rawPut);
  const rawBulk = summarize(samples.rawBulk);
  return {
    storedComplaints: options.storedComplaints,
    storedDocuments,
    fillMs: Math.round(fillMs),
    saveIntake,
    rawPut,
    rawBulk,
    ratios: {
      p95VsRawPut: ratio(saveIntake.p95, rawPut.p95),
      p50VsRawPut: ratio(saveIntake.p50, rawPut.p50),
      p95VsRawBulk: ratio(saveIntake.p95, rawBulk.p95),
      p50VsRawBulk: ratio(saveIntake.p50, rawBulk.p50),
    },
  };
}
