/**
 * `manifest.json`: what a packet holds. It lists every other file of the ZIP with its size and
 * SHA-256, and says who made the packet (generator name and version), for which unit, period and
 * competition entry, and when. `verifyPacket` (./verify-packet) checks a ZIP against it.
 * The format is documented in docs/packet.md; a change that breaks old readers bumps
 * `PACKET_FORMAT_VERSION`.
 */
import { z } from 'zod';
import { isIsoInstant } from '../time/iso-instant';
import { isIsoDate } from '../time/local-date';
import { COMPETITION_CATEGORIES } from './packet-types';

export const PACKET_FORMAT = 'meja-aduan-p4-packet';
export const PACKET_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const HASH_ALGORITHM = 'SHA-256';

/** The fixed files of a packet, besides `evidence/…` and the manifest itself. */
export const PACKET_FILES = {
  pdf: 'packet.pdf',
  xlsx: 'complaints.xlsx',
  csv: 'complaints.csv',
  indicators: 'indicators.json',
} as const;
export const EVIDENCE_FOLDER = 'evidence/';

const isoDate = z.string().refine(isIsoDate, { message: 'not a YYYY-MM-DD date' });

export const manifestFileSchema = z.object({
  /** Path inside the ZIP, `/`-separated. */
  path: z.string().min(1),
  size: z.number().int().min(0),
  /** Lowercase hex SHA-256 of the file's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'not a lowercase hex SHA-256' }),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export const manifestSchema = z.object({
  format: z.literal(PACKET_FORMAT),
  formatVersion: z.literal(PACKET_FORMAT_VERSION),
  generator: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  unit: z.object({ code: z.string().min(1), name: z.string() }),
  period: z.object({ from: isoDate, to: isoDate }),
  competition: z.object({ year: z.number().int(), category: z.enum(COMPETITION_CATEGORIES) }),
  /** `editor` (the app's packet editor) or `command-line` (`npm run packet -- build`, no narratives). */
  origin: z.enum(['editor', 'command-line']),
  /** How many complaint rows complaints.csv and complaints.xlsx hold. */
  complaintRows: z.number().int().min(0),
  createdAt: z.string().refine(isIsoInstant, { message: 'not an ISO instant' }),
  hashAlgorithm: z.literal(HASH_ALGORITHM),
  files: z.array(manifestFileSchema),
});
export type PacketManifest = z.infer<typeof manifestSchema>;

/** The manifest as written: two-space JSON, files sorted by path, a final newline. */
export function manifestJson(manifest: PacketManifest): string {
  const files = [...manifest.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}
