/**
 * `buildPacketZip`: the whole competition packet as one ZIP (docs/packet.md; built in shared code:
 * docs/decisions/005-exports-in-shared-code.md), in the renderer or in Node from the same code:
 *
 *   packet.pdf        cover, profile, indicators with charts, aspects, evidence, cases (./packet-pdf)
 *   complaints.xlsx   one row per complaint received in the period (./complaints-xlsx)
 *   complaints.csv    the same rows, UTF-8 with BOM (./complaints-csv)
 *   indicators.json   the Indicators object (../indicators/indicators-types)
 *   evidence/…        the evidence files (./evidence-paths)
 *   manifest.json     every other file with size and SHA-256 (./packet-manifest)
 *
 * Redaction: reporter documents are not an input; the complaint rows are redacted in
 * ./complaint-rows; the PDF is built from the draft and the indicators only.
 * Progress is reported through `onProgress` with a fraction 0..1 and the step; the builder yields
 * to the event loop between steps so that a UI can repaint.
 */
import { zipSync, type Zippable } from 'fflate';
import type { ComplaintDoc } from '../complaint/complaint-schema';
import { indicatorsSchema, type Indicators } from '../indicators/indicators-types';
import { localDateOf } from '../time/local-date';
import type { EventDoc } from '../workflow/events';
import { complaintRows } from './complaint-rows';
import { complaintsCsv } from './complaints-csv';
import { complaintsXlsx } from './complaints-xlsx';
import { evidencePaths } from './evidence-paths';
import { checkEligibility } from './packet-eligibility';
import {
  HASH_ALGORITHM,
  MANIFEST_PATH,
  PACKET_FILES,
  PACKET_FORMAT,
  PACKET_FORMAT_VERSION,
  manifestJson,
  type ManifestFile,
} from './packet-manifest';
import { buildPacketPdf, type PackedEvidence, type PacketOrigin } from './packet-pdf';
import {
  evidenceWithOwners,
  packetDraftSchema,
  type EvidenceBytes,
  type PacketDraft,
  type PacketGenerator,
} from './packet-types';
import { sha256Hex } from './sha256';

export type PacketInput = Readonly<{
  draft: PacketDraft;
  /** The unit's complaint documents (any period: the builder picks those received in the period). */
  complaints: readonly ComplaintDoc[];
  /** Their event documents. */
  events: readonly EventDoc[];
  /** From computeIndicators for the draft's period and unit. */
  indicators: Indicators;
  /** Evidence bytes by evidence id; every file the draft refers to must be here. */
  evidence: EvidenceBytes;
  generator: PacketGenerator;
  createdAt: Date;
  /** Default `editor`; `command-line` flags the empty narratives on the cover. */
  origin?: PacketOrigin;
  /** Labels of the unit's own category codes, beyond the defaults. */
  categoryLabels?: Readonly<Record<string, string>>;
}>;

export const PACKET_STEPS = {
  checking: 'Memeriksa isi paket',
  complaints: 'Menyusun data pengaduan',
  csv: 'Menulis complaints.csv',
  xlsx: 'Menulis complaints.xlsx',
  pdf: 'Menyusun packet.pdf',
  hashing: 'Menghitung SHA-256 setiap berkas',
  manifest: 'Menulis manifest.json',
  zip: 'Memadatkan paket ZIP',
  done: 'Selesai',
} as const;
export type PacketStep = keyof typeof PACKET_STEPS;

/** Progress of a build: `fraction` 0..1 done when `step` starts; `label` is its Indonesian name. */
export type PacketProgress = Readonly<{ fraction: number; step: PacketStep; label: string }>;

const STEP_FRACTIONS: Readonly<Record<PacketStep, number>> = {
  checking: 0,
  complaints: 0.05,
  csv: 0.15,
  xlsx: 0.2,
  pdf: 0.45,
  hashing: 0.75,
  manifest: 0.85,
  zip: 0.9,
  done: 1,
};

/** The input cannot make a packet; `problems` says why, one line each. */
export class PacketBuildError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Paket tidak dapat dibuat: ${problems.join('; ')}`);
    this.name = 'PacketBuildError';
    this.problems = problems;
  }
}

/** Files that are compressed already (or nearly): stored, not deflated again. */
const STORED_EXTENSIONS = /\.(pdf|xlsx|docx|zip|jpe?g|png|webp)$/i;

const nextTick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function inputProblems(input: PacketInput): string[] {
  const problems: string[] = [];
  const draft = packetDraftSchema.safeParse(input.draft);
  if (!draft.success) {
    for (const issue of draft.error.issues) problems.push(`draft.${issue.path.join('.')}: ${issue.message}`);
  }
  const indicators = indicatorsSchema.safeParse(input.indicators);
  if (!indicators.success) {
    for (const issue of indicators.error.issues) {
      problems.push(`indicators.${issue.path.join('.')}: ${issue.message}`);
    }
  }
  const { period, profile } = input.draft;
  const computed = input.indicators.period;
  if (computed.from !== period.from || computed.to !== period.to) {
    problems.push(
      `indicators are for ${computed.from}..${computed.to}, the draft for ${period.from}..${period.to}`,
    );
  }
  if (input.indicators.unit.code !== profile.unitCode) {
    problems.push(`indicators are for unit ${input.indicators.unit.code}, the draft for ${profile.unitCode}`);
  }
  const strangers = input.complaints.filter((doc) => doc.unitCode !== profile.unitCode).length;
  if (strangers > 0) problems.push(`${strangers} complaint(s) of another unit than ${profile.unitCode}`);
  for (const { ref } of evidenceWithOwners(input.draft)) {
    const bytes = input.evidence.get(ref.id);
    if (!bytes) problems.push(`evidence "${ref.name}" (${ref.id}): file not supplied`);
    else if (bytes.length !== ref.size) {
      problems.push(`evidence "${ref.name}" (${ref.id}): ${bytes.length} bytes, the draft says ${ref.size}`);
    }
  }
  return problems;
}

/** The local date of the unit's earliest complaint, or null with none. */
function earliestReceivedDate(complaints: readonly ComplaintDoc[], timeZone: string): string | null {
  let earliest: string | null = null;
  for (const complaint of complaints) {
    if (earliest === null || complaint.receivedAt < earliest) earliest = complaint.receivedAt;
  }
  return earliest === null ? null : localDateOf(new Date(earliest), timeZone);
}

/**
 * Builds the packet ZIP. Throws `PacketBuildError` when the input cannot make a valid packet
 * (draft invalid, indicators of another period or unit, an evidence file missing or of the wrong
 * size, complaints of another unit).
 */
export async function buildPacketZip(
  input: PacketInput,
  onProgress: (progress: PacketProgress) => void = () => undefined,
): Promise<Uint8Array<ArrayBuffer>> {
  const report = async (step: PacketStep): Promise<void> => {
    onProgress({ fraction: STEP_FRACTIONS[step], step, label: PACKET_STEPS[step] });
    await nextTick();
  };
  await report('checking');
  const problems = inputProblems(input);
  if (problems.length > 0) throw new PacketBuildError(problems);

  const { draft, indicators, generator, createdAt } = input;
  const origin = input.origin ?? 'editor';
  const timeZone = indicators.deadlines.timeZone;
  // Defensive: only complaint documents, whatever a caller's types allowed through.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the check distrusts the types
  const complaints = input.complaints.filter((doc) => doc.type === 'complaint');
  const files = new Map<string, Uint8Array>();

  await report('complaints');
  const rows = complaintRows({
    complaints,
    events: input.events,
    period: draft.period,
    timeZone,
    categoryLabels: input.categoryLabels,
  });
  files.set(PACKET_FILES.indicators, new TextEncoder().encode(`${JSON.stringify(indicators, null, 2)}\n`));

  await report('csv');
  files.set(PACKET_FILES.csv, complaintsCsv(rows));

  await report('xlsx');
  files.set(
    PACKET_FILES.xlsx,
    await complaintsXlsx(rows, {
      unitName: draft.profile.unitName,
      unitCode: draft.profile.unitCode,
      period: draft.period,
      createdAt,
      generator: `${generator.name} ${generator.version}`,
    }),
  );

  await report('pdf');
  const owned = evidenceWithOwners(draft);
  const paths = evidencePaths(owned.map(({ owner, ref }) => ({ owner, name: ref.name })));
  const packed: PackedEvidence[] = [];
  for (const [index, { owner, ref }] of owned.entries()) {
    const bytes = input.evidence.get(ref.id) ?? new Uint8Array();
    const path = paths[index] ?? `evidence/${ref.id}`;
    packed.push({ owner, ref, path, sha256: await sha256Hex(bytes) });
    files.set(path, bytes);
  }
  const eligibility = checkEligibility({
    draft,
    earliestReceivedDate: earliestReceivedDate(complaints, timeZone),
    evidence: input.evidence,
  });
  files.set(
    PACKET_FILES.pdf,
    await buildPacketPdf({
      draft,
      indicators,
      evidence: packed,
      eligibility,
      generator,
      createdAt,
      origin,
      categoryLabels: input.categoryLabels,
    }),
  );

  await report('hashing');
  const listed: ManifestFile[] = [];
  for (const [path, bytes] of files) {
    listed.push({ path, size: bytes.length, sha256: await sha256Hex(bytes) });
  }

  await report('manifest');
  const manifest = manifestJson({
    format: PACKET_FORMAT,
    formatVersion: PACKET_FORMAT_VERSION,
    generator: { name: generator.name, version: generator.version },
    unit: { code: draft.profile.unitCode, name: draft.profile.unitName },
    period: { from: draft.period.from, to: draft.period.to },
    competition: { year: draft.year, category: draft.category },
    origin,
    complaintRows: rows.length,
    createdAt: createdAt.toISOString(),
    hashAlgorithm: HASH_ALGORITHM,
    files: listed,
  });

  await report('zip');
  const mtime = createdAt;
  const entries: Zippable = {
    [MANIFEST_PATH]: [new TextEncoder().encode(manifest), { level: 6, mtime }],
  };
  for (const [path, bytes] of files) {
    entries[path] = [bytes, { level: STORED_EXTENSIONS.test(path) ? 0 : 6, mtime }];
  }
  // fflate allocates a fresh ArrayBuffer for the archive.
  const zip = zipSync(entries);

  await report('done');
  return zip;
}
