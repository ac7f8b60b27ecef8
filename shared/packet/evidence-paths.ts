/**
 * Where each evidence file goes in the packet ZIP: `evidence/<owner>/<name>`, the owner being the
 * assessment aspect (or `parent-recommendation`). Names come from the manager's disk, so they are
 * made safe for every unzip tool: no folder separators, no `..`, no control or reserved
 * characters, at most 120 characters, and unique within their folder (ignoring case).
 */
import { EVIDENCE_FOLDER } from './packet-manifest';
import type { EvidenceOwner } from './packet-types';

const NAME_MAX = 120;

/** A file name safe inside a ZIP on Windows, macOS and Linux; never empty. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // Control characters are exactly what this removes.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[. ]+|[. ]+$/g, '');
  const base = cleaned === '' ? 'berkas' : cleaned;
  if (base.length <= NAME_MAX) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, NAME_MAX - extension.length) + extension;
}

/** `name` with `-2`, `-3`, … before its extension until it is not in `taken` (compared lowercased). */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let counter = 2; taken.has(candidate.toLowerCase()); counter += 1) {
    candidate = `${stem}-${counter}${extension}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The ZIP path of each evidence file, in input order. */
export function evidencePaths(
  files: ReadonlyArray<Readonly<{ owner: EvidenceOwner; name: string }>>,
): string[] {
  const taken = new Map<EvidenceOwner, Set<string>>();
  return files.map(({ owner, name }) => {
    const set = taken.get(owner) ?? new Set<string>();
    taken.set(owner, set);
    return `${EVIDENCE_FOLDER}${owner}/${uniqueName(safeFileName(name), set)}`;
  });
}
