/**
 * `verifyPacket`: does a ZIP hold exactly the files its `manifest.json` lists, each with the
 * listed size and SHA-256? A judge runs it (through `npm run packet -- verify`) before trusting a
 * packet. Never throws for bad input: bytes that are not a ZIP, a ZIP without a manifest, or a
 * malformed manifest give `{ ok: false, status: 'not-a-packet', message }`; a packet whose files do
 * not match gives every missing, extra, altered or unreadable file. A packet re-zipped with its
 * files inside one top folder (unzip, then "compress folder") is read from that folder.
 */
import { unzipSync, type Unzipped } from 'fflate';
import { MANIFEST_PATH, manifestSchema, type PacketManifest } from './packet-manifest';
import { sha256Hex } from './sha256';

export type PacketProblem = Readonly<{
  kind: 'missing' | 'extra' | 'altered' | 'unreadable';
  path: string;
  /** What differs, in one phrase. */
  detail: string;
}>;

export type PacketSummary = Readonly<{
  unit: PacketManifest['unit'];
  period: PacketManifest['period'];
  competition: PacketManifest['competition'];
  generator: PacketManifest['generator'];
  origin: PacketManifest['origin'];
  createdAt: string;
  complaintRows: number;
  /** Files the manifest lists (the manifest itself not counted). */
  fileCount: number;
}>;

/**
 * `intact`: every file matches. `mismatch`: the packet's files differ from its manifest (each
 * problem named). `not-a-packet`: not a ZIP, no manifest, or a malformed one (`message` says which,
 * in one sentence).
 */
export type PacketVerification =
  | Readonly<{ ok: true; status: 'intact'; summary: PacketSummary }>
  | Readonly<{ ok: false; status: 'mismatch'; summary: PacketSummary; problems: readonly PacketProblem[] }>
  | Readonly<{ ok: false; status: 'not-a-packet'; message: string }>;

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_SIGNATURES.some((signature) => signature.every((byte, index) => bytes[index] === byte));
}

/** Every entry of the ZIP, or per-entry failures when some entries cannot be inflated. */
function readZip(
  bytes: Uint8Array,
): Readonly<{ files: Unzipped; unreadable: readonly string[] }> | Readonly<{ error: string }> {
  try {
    return { files: unzipSync(bytes), unreadable: [] };
  } catch {
    // Find which entries are damaged: list the names from the central directory, then inflate each.
  }
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return { error: 'the ZIP file is damaged (its directory cannot be read)' };
  }
  const files: Unzipped = {};
  const unreadable: string[] = [];
  for (const name of names) {
    try {
      const entry = unzipSync(bytes, { filter: (file) => file.name === name })[name];
      if (entry) files[name] = entry;
      else unreadable.push(name);
    } catch {
      unreadable.push(name);
    }
  }
  return { files, unreadable };
}

/** The folder prefix the packet sits under: '' at the root, or `dir/` when re-zipped in one folder. */
function packetRoot(names: readonly string[]): string | null {
  if (names.includes(MANIFEST_PATH)) return '';
  const candidates = names.filter((name) => /^[^/]+\/manifest\.json$/.test(name));
  if (candidates.length !== 1) return null;
  const root = (candidates[0] ?? '').slice(0, -MANIFEST_PATH.length);
  return names.every((name) => name.startsWith(root)) ? root : null;
}

function parseManifest(bytes: Uint8Array): PacketManifest | string {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return 'its manifest.json is not valid JSON';
  }
  const parsed = manifestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return `its manifest.json is malformed (${first})`;
}

function summaryOf(manifest: PacketManifest): PacketSummary {
  return {
    unit: manifest.unit,
    period: manifest.period,
    competition: manifest.competition,
    generator: manifest.generator,
    origin: manifest.origin,
    createdAt: manifest.createdAt,
    complaintRows: manifest.complaintRows,
    fileCount: manifest.files.length,
  };
}

/** Checks `zipBytes` against its manifest. */
export async function verifyPacket(zipBytes: Uint8Array): Promise<PacketVerification> {
  if (!looksLikeZip(zipBytes)) return { ok: false, status: 'not-a-packet', message: 'not a ZIP file' };
  const read = readZip(zipBytes);
  if ('error' in read) return { ok: false, status: 'not-a-packet', message: read.error };

  const names = Object.keys(read.files)
    .concat(read.unreadable)
    .filter((name) => !name.endsWith('/'));
  const root = packetRoot(names);
  if (root === null) {
    return {
      ok: false,
      status: 'not-a-packet',
      message: 'a ZIP file without manifest.json: not a Meja Aduan packet',
    };
  }
  const manifestBytes = read.files[`${root}${MANIFEST_PATH}`];
  if (!manifestBytes)
    return {
      ok: false,
      status: 'not-a-packet',
      message: 'its manifest.json cannot be read (damaged ZIP entry)',
    };
  const manifest = parseManifest(manifestBytes);
  if (typeof manifest === 'string') return { ok: false, status: 'not-a-packet', message: manifest };

  const problems: PacketProblem[] = [];
  const unreadable = new Set(read.unreadable);
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const name = `${root}${file.path}`;
    const bytes = read.files[name];
    if (unreadable.has(name)) {
      problems.push({ kind: 'unreadable', path: file.path, detail: 'the ZIP entry is damaged' });
    } else if (!bytes) {
      problems.push({ kind: 'missing', path: file.path, detail: 'listed in the manifest, not in the ZIP' });
    } else if (bytes.length !== file.size) {
      problems.push({
        kind: 'altered',
        path: file.path,
        detail: `${bytes.length} bytes, the manifest says ${file.size}`,
      });
    } else if ((await sha256Hex(bytes)) !== file.sha256) {
      problems.push({ kind: 'altered', path: file.path, detail: 'SHA-256 differs from the manifest' });
    }
  }
  for (const name of names) {
    const path = name.slice(root.length);
    if (path !== MANIFEST_PATH && !listed.has(path)) {
      problems.push({ kind: 'extra', path, detail: 'in the ZIP, not listed in the manifest' });
    }
  }
  const summary = summaryOf(manifest);
  return problems.length === 0
    ? { ok: true, status: 'intact', summary }
    : { ok: false, status: 'mismatch', summary, problems };
}

/** One line per problem: `altered  evidence/x.pdf  (SHA-256 differs from the manifest)`. */
export function describeProblem(problem: PacketProblem): string {
  return `${problem.kind.padEnd(10)} ${problem.path}  (${problem.detail})`;
}
