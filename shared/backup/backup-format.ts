/**
 * The unit's backup file (docs/backup.md, docs/decisions/020-backup-file.md): one file holding the
 * unit's records with their revision histories, their files and the device settings a restore
 * needs, encrypted with a passphrase.
 *
 * Layout (all integers big-endian):
 *   magic       16 bytes  `MEJA-ADUAN-BAKUP` (ASCII)
 *   version      2 bytes  BACKUP_FORMAT_VERSION
 *   length       4 bytes  of the clear header that follows
 *   header       JSON (UTF-8): the KDF (PBKDF2-SHA256, iterations, random 16-byte salt), the cipher
 *                (AES-256-GCM, random 12-byte IV) and a 32-byte check value of the passphrase
 *   ciphertext   AES-256-GCM of the container, with its 16-byte tag; everything before it is the
 *                additional authenticated data, so no byte of the clear header can change unseen
 * PBKDF2 derives 64 bytes: the first 32 are the AES key, the last 32 the check value. The check value
 * tells a wrong passphrase (it differs) from a damaged file (it matches, the GCM tag does not); it
 * costs a guesser the same PBKDF2 run as trying the tag.
 *
 * The container (decrypted) is a ZIP (fflate) of five entries, each a "part" but the manifest:
 *   manifest.json     format, unit, device, when, app version, the newest change held, and per part
 *                     its file, count, size and SHA-256 (and counts of records per kind)
 *   records.ndjson    one stored revision per line (every leaf of every document in BACKUP_ID_PREFIXES),
 *                     with `_revisions`; files as stubs naming their digest
 *   files.json        the files' index: digest, content type, length, SHA-256, in order
 *   files.bin         the files' bytes, one after the other
 *   device.json       this device's settings a restore needs (DeviceSettingsPart)
 *
 * `openBackupFile` is pure: bytes and a passphrase in, the verified contents out, and it never
 * throws anything but a `BackupError` (./backup-errors).
 */
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { z } from 'zod';
import {
  MAX_SECRET_ITERATIONS,
  MIN_SECRET_ITERATIONS,
  SECRET_ITERATIONS,
  constantTimeEqual,
  fromHex,
  pbkdf2Sha256,
  toHex,
} from '../auth/secret-verifier';
import { sha256Hex } from '../packet/sha256';
import { BackupError, type BackupPart } from './backup-errors';
import { backupKindOf, type BackupKind } from './backup-documents';

export const BACKUP_MAGIC = 'MEJA-ADUAN-BAKUP';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_FILE_EXTENSION = '.mabackup';
export const BACKUP_MIME_TYPE = 'application/octet-stream';
const MAGIC_BYTES = new TextEncoder().encode(BACKUP_MAGIC);
const PREFIX_LENGTH = MAGIC_BYTES.length + 2 + 4;
const MAX_HEADER_LENGTH = 4096;
const SALT_LENGTH = 16;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
/** A hostile header must not make opening a file take minutes. */
const MAX_READ_ITERATIONS = Math.min(MAX_SECRET_ITERATIONS, 20_000_000);
/** Largest part a container may hold once unzipped (a hostile container must not exhaust memory). */
const MAX_PART_BYTES = 2 * 1024 * 1024 * 1024 - 1;

export const BACKUP_PARTS: Readonly<Record<BackupPart, string>> = {
  records: 'records.ndjson',
  fileIndex: 'files.json',
  files: 'files.bin',
  device: 'device.json',
};
const MANIFEST_FILE = 'manifest.json';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

const clearHeaderSchema = z
  .object({
    kdf: z
      .object({
        algorithm: z.literal('PBKDF2-SHA256'),
        iterations: z.number().int().min(MIN_SECRET_ITERATIONS).max(MAX_READ_ITERATIONS),
        salt: hex(SALT_LENGTH),
      })
      .strict(),
    cipher: z.object({ algorithm: z.literal('AES-256-GCM'), iv: hex(IV_LENGTH) }).strict(),
    check: hex(32),
  })
  .strict();
export type BackupClearHeader = z.infer<typeof clearHeaderSchema>;

const partSchema = z
  .object({
    file: z.string(),
    count: z.number().int().min(0),
    bytes: z.number().int().min(0),
    sha256: hex(32),
  })
  .strict();
export type BackupPartSummary = z.infer<typeof partSchema>;

export const backupManifestSchema = z
  .object({
    format: z.literal('meja-aduan-backup'),
    formatVersion: z.number().int().min(1),
    unitCode: z.string().min(1).max(20),
    deviceCode: z.string().min(1).max(20),
    createdAt: z.string().max(40),
    appVersion: z.string().max(60),
    /** The newest change the backup holds: the database's update sequence and newest timestamp. */
    newest: z
      .object({
        updateSeq: z.union([z.number(), z.string().max(200)]),
        changedAt: z.string().max(40).nullable(),
      })
      .strict(),
    /** Records per kind (leaf revisions). */
    kinds: z.record(z.string().max(40), z.number().int().min(0)),
    parts: z
      .object({ records: partSchema, fileIndex: partSchema, files: partSchema, device: partSchema })
      .strict(),
  })
  .strict();
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** One stored revision of a document, as `bulkDocs` with `new_edits: false` takes it back. */
export type BackupDocument = Readonly<Record<string, unknown>> &
  Readonly<{ _id: string; _rev: string; _revisions?: Readonly<{ start: number; ids: readonly string[] }> }>;

/** A file attached to a record, by its PouchDB digest (`md5-…`). */
export type BackupFile = Readonly<{ digest: string; contentType: string; data: Uint8Array }>;

const fileIndexSchema = z.array(
  z
    .object({
      digest: z.string().min(1).max(200),
      contentType: z.string().max(200),
      length: z.number().int().min(0),
      sha256: hex(32),
    })
    .strict(),
);

/**
 * The device settings a restore needs (docs/backup.md): which unit and device this is, its
 * sequence counters (a restored device must never hand out a tracking number again), its UI
 * language and receipt paper, and where it synced (never the password: it stays in the host's
 * secret store). Not kept: officers' failed sign-ins, unsaved intake drafts, remembered searches,
 * the indexes (rebuilt from the records).
 */
export const deviceSettingsPartSchema = z
  .object({
    unitCode: z.string().min(1).max(20),
    deviceCode: z.string().min(1).max(20),
    createdAt: z.string().max(40),
    counters: z.record(z.string().max(40), z.number().int().min(0)),
    language: z.enum(['id', 'en']).nullable(),
    receiptPaper: z.enum(['a5', 'roll80']).nullable(),
    serverUrl: z.string().max(2000).nullable(),
  })
  .strict();
export type DeviceSettingsPart = z.infer<typeof deviceSettingsPartSchema>;

export type BackupContents = Readonly<{
  unitCode: string;
  deviceCode: string;
  createdAt: string;
  appVersion: string;
  newest: BackupManifest['newest'];
  documents: readonly BackupDocument[];
  files: readonly BackupFile[];
  device: DeviceSettingsPart;
}>;

/** A part's expected (manifest) and computed SHA-256 and count, for the screen's comparison. */
export type PartCheck = Readonly<{
  part: BackupPart;
  count: number;
  bytes: number;
  expected: string;
  actual: string;
}>;

export type OpenedBackup = Readonly<{
  manifest: BackupManifest;
  documents: readonly BackupDocument[];
  /** By digest. */
  files: ReadonlyMap<string, BackupFile>;
  device: DeviceSettingsPart;
  checks: readonly PartCheck[];
}>;

export type BackupKdfOptions = Readonly<{
  iterations?: number;
  /** Tests only: fixed salt and IV (16 and 12 bytes). */
  salt?: Uint8Array<ArrayBuffer>;
  iv?: Uint8Array<ArrayBuffer>;
}>;

// ---- Passphrase ----

export const BACKUP_PASSPHRASE_MIN_LENGTH = 12;
export const BACKUP_PASSPHRASE_MAX_LENGTH = 1024;
export type BackupPassphraseProblem = 'required' | 'too-short' | 'too-long' | 'mismatch';

/** Why `passphrase` (typed twice) cannot protect a backup, or null. */
export function backupPassphraseProblem(
  passphrase: string,
  confirmation: string,
): BackupPassphraseProblem | null {
  if (passphrase === '') return 'required';
  const length = Array.from(passphrase.normalize('NFC')).length;
  if (passphrase.trim() === '' || length < BACKUP_PASSPHRASE_MIN_LENGTH) return 'too-short';
  if (length > BACKUP_PASSPHRASE_MAX_LENGTH) return 'too-long';
  return passphrase === confirmation ? null : 'mismatch';
}

// ---- Bytes ----

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

async function deriveKeys(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<{ key: CryptoKey; check: Uint8Array }> {
  const derived = await pbkdf2Sha256(passphrase, salt, iterations, 64);
  const key = await crypto.subtle.importKey('raw', derived.slice(0, 32), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  return { key, check: derived.slice(32) };
}

// ---- Writing ----

function ndjson(documents: readonly BackupDocument[]): Uint8Array {
  return encoder.encode(documents.map((doc) => `${JSON.stringify(doc)}\n`).join(''));
}

async function summary(part: BackupPart, bytes: Uint8Array, count: number): Promise<BackupPartSummary> {
  return { file: BACKUP_PARTS[part], count, bytes: bytes.length, sha256: await sha256Hex(bytes) };
}

/** The container (the plaintext of the file) of `contents`, with its manifest. */
export async function buildBackupContainer(
  contents: BackupContents,
): Promise<{ container: Uint8Array<ArrayBuffer>; manifest: BackupManifest }> {
  const files = [...new Map(contents.files.map((file) => [file.digest, file])).values()];
  const index = await Promise.all(
    files.map(async (file) => ({
      digest: file.digest,
      contentType: file.contentType,
      length: file.data.length,
      sha256: await sha256Hex(file.data),
    })),
  );
  const records = ndjson(contents.documents);
  const fileIndex = encoder.encode(JSON.stringify(index));
  const fileBytes = concat(files.map((file) => file.data));
  const device = encoder.encode(JSON.stringify(deviceSettingsPartSchema.parse(contents.device)));
  const kinds: Record<string, number> = {};
  for (const doc of contents.documents) {
    const kind: BackupKind = backupKindOf(doc._id);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  const manifest: BackupManifest = {
    format: 'meja-aduan-backup',
    formatVersion: BACKUP_FORMAT_VERSION,
    unitCode: contents.unitCode,
    deviceCode: contents.deviceCode,
    createdAt: contents.createdAt,
    appVersion: contents.appVersion,
    newest: contents.newest,
    kinds,
    parts: {
      records: await summary('records', records, contents.documents.length),
      fileIndex: await summary('fileIndex', fileIndex, index.length),
      files: await summary('files', fileBytes, files.length),
      device: await summary('device', device, 1),
    },
  };
  const container = zipSync(
    {
      [MANIFEST_FILE]: [encoder.encode(JSON.stringify(manifest)), { level: 6 }],
      [BACKUP_PARTS.records]: [records, { level: 6 }],
      [BACKUP_PARTS.fileIndex]: [fileIndex, { level: 6 }],
      // Files are mostly photos and PDFs: compressing them again gains nothing.
      [BACKUP_PARTS.files]: [fileBytes, { level: 0 }],
      [BACKUP_PARTS.device]: [device, { level: 6 }],
    },
    { mtime: new Date('2000-01-01T00:00:00Z') },
  );
  return { container, manifest };
}

/** Encrypts `container` with `passphrase` into the file's bytes (see the module comment). */
export async function sealBackup(
  container: Uint8Array<ArrayBuffer>,
  passphrase: string,
  options: BackupKdfOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const iterations = options.iterations ?? SECRET_ITERATIONS;
  const salt = options.salt ?? randomBytes(SALT_LENGTH);
  const iv = options.iv ?? randomBytes(IV_LENGTH);
  const { key, check } = await deriveKeys(passphrase, salt, iterations);
  const header: BackupClearHeader = {
    kdf: { algorithm: 'PBKDF2-SHA256', iterations, salt: toHex(salt) },
    cipher: { algorithm: 'AES-256-GCM', iv: toHex(iv) },
    check: toHex(check),
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const prefix = new Uint8Array(PREFIX_LENGTH);
  prefix.set(MAGIC_BYTES, 0);
  const view = new DataView(prefix.buffer);
  view.setUint16(MAGIC_BYTES.length, BACKUP_FORMAT_VERSION);
  view.setUint32(MAGIC_BYTES.length + 2, headerBytes.length);
  const clear = concat([prefix, headerBytes]);
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: clear }, key, container),
  );
  return concat([clear, ciphertext]);
}

/** The backup file of `contents`, encrypted with `passphrase`, and its manifest. */
export async function createBackupFile(
  contents: BackupContents,
  passphrase: string,
  options: BackupKdfOptions = {},
): Promise<{ bytes: Uint8Array<ArrayBuffer>; manifest: BackupManifest }> {
  const { container, manifest } = await buildBackupContainer(contents);
  return { bytes: await sealBackup(container, passphrase, options), manifest };
}

// ---- Reading ----

/** The clear header of a backup file: refuses what is not one, or is of a newer format. */
export function readBackupHeader(bytes: Uint8Array): Readonly<{
  version: number;
  header: BackupClearHeader;
  clearLength: number;
}> {
  if (!startsWithMagic(bytes)) throw new BackupError('not-a-backup');
  if (bytes.length < PREFIX_LENGTH) throw new BackupError('damaged');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(MAGIC_BYTES.length);
  if (version > BACKUP_FORMAT_VERSION) throw new BackupError('newer-format');
  if (version < 1) throw new BackupError('damaged');
  const length = view.getUint32(MAGIC_BYTES.length + 2);
  if (length > MAX_HEADER_LENGTH || PREFIX_LENGTH + length + TAG_LENGTH > bytes.length)
    throw new BackupError('damaged');
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(bytes.subarray(PREFIX_LENGTH, PREFIX_LENGTH + length)));
  } catch {
    throw new BackupError('damaged');
  }
  const header = clearHeaderSchema.safeParse(parsed);
  if (!header.success) throw new BackupError('damaged');
  return { version, header: header.data, clearLength: PREFIX_LENGTH + length };
}

function startsWithMagic(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC_BYTES.length) return false;
  return MAGIC_BYTES.every((byte, i) => bytes[i] === byte);
}

/** Decrypts a backup file: the container, or a BackupError (wrong passphrase, damaged). */
export async function unsealBackup(bytes: Uint8Array, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const { header, clearLength } = readBackupHeader(bytes);
  const { key, check } = await deriveKeys(passphrase, fromHex(header.kdf.salt), header.kdf.iterations);
  if (!constantTimeEqual(check, fromHex(header.check))) throw new BackupError('wrong-passphrase');
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromHex(header.cipher.iv), additionalData: bytes.slice(0, clearLength) },
        key,
        bytes.slice(clearLength),
      ),
    );
  } catch {
    throw new BackupError('damaged');
  }
}

function entry(files: Unzipped, name: string): Uint8Array {
  const found = files[name];
  if (!found) throw new BackupError('damaged');
  return found;
}

function parseJson(bytes: Uint8Array, part: BackupPart | 'manifest'): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    throw new BackupError('damaged', part === 'manifest' ? undefined : part);
  }
}

const storedDocumentSchema = z.looseObject({
  _id: z.string().min(1).max(1000),
  _rev: z.string().regex(/^\d+-[0-9a-z]+$/),
  _revisions: z
    .object({ start: z.number().int().min(1), ids: z.array(z.string().max(100)).min(1) })
    .optional(),
});

/**
 * Opens a decrypted container: the manifest, then every part's SHA-256 and count against it (a
 * mismatch is refused naming the part), then the parts' contents.
 */
export async function openBackupContainer(container: Uint8Array): Promise<OpenedBackup> {
  let files: Unzipped;
  try {
    files = unzipSync(container, {
      filter: (file) => {
        if (file.originalSize > MAX_PART_BYTES) throw new BackupError('damaged');
        return file.name === MANIFEST_FILE || Object.values(BACKUP_PARTS).includes(file.name);
      },
    });
  } catch (error) {
    throw error instanceof BackupError ? error : new BackupError('damaged');
  }
  const manifestJson = parseJson(entry(files, MANIFEST_FILE), 'manifest');
  const version = (manifestJson as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) throw new BackupError('newer-format');
  const parsedManifest = backupManifestSchema.safeParse(manifestJson);
  if (!parsedManifest.success) throw new BackupError('damaged');
  const manifest = parsedManifest.data;

  const checks: PartCheck[] = [];
  const bytesOf = {} as Record<BackupPart, Uint8Array>;
  for (const part of Object.keys(BACKUP_PARTS) as BackupPart[]) {
    const expected = manifest.parts[part];
    if (expected.file !== BACKUP_PARTS[part]) throw new BackupError('part-mismatch', part);
    const bytes = entry(files, BACKUP_PARTS[part]);
    const actual = await sha256Hex(bytes);
    if (actual !== expected.sha256 || bytes.length !== expected.bytes)
      throw new BackupError('part-mismatch', part);
    bytesOf[part] = bytes;
    checks.push({ part, count: expected.count, bytes: bytes.length, expected: expected.sha256, actual });
  }

  let documents: BackupDocument[];
  try {
    const lines = decoder.decode(bytesOf.records).split('\n');
    if (lines.pop() !== '') throw new BackupError('damaged', 'records');
    documents = lines.map((line) => storedDocumentSchema.parse(JSON.parse(line)) as BackupDocument);
  } catch {
    throw new BackupError('damaged', 'records');
  }
  if (documents.length !== manifest.parts.records.count) throw new BackupError('part-mismatch', 'records');

  const index = fileIndexSchema.safeParse(parseJson(bytesOf.fileIndex, 'fileIndex'));
  if (!index.success || index.data.length !== manifest.parts.fileIndex.count)
    throw new BackupError('part-mismatch', 'fileIndex');
  if (index.data.length !== manifest.parts.files.count) throw new BackupError('part-mismatch', 'files');
  const fileMap = new Map<string, BackupFile>();
  let offset = 0;
  for (const item of index.data) {
    const data = bytesOf.files.slice(offset, offset + item.length);
    offset += item.length;
    if (data.length !== item.length || (await sha256Hex(data)) !== item.sha256)
      throw new BackupError('part-mismatch', 'files');
    fileMap.set(item.digest, { digest: item.digest, contentType: item.contentType, data });
  }
  if (offset !== bytesOf.files.length) throw new BackupError('part-mismatch', 'files');

  const device = deviceSettingsPartSchema.safeParse(parseJson(bytesOf.device, 'device'));
  if (!device.success) throw new BackupError('damaged', 'device');
  if (device.data.unitCode !== manifest.unitCode) throw new BackupError('part-mismatch', 'device');
  return { manifest, documents, files: fileMap, device: device.data, checks };
}

/**
 * Opens a backup file with `passphrase`: the clear header, the key, the GCM tag, then the
 * container's manifest and every part's SHA-256. Pure (bytes in, contents out); throws nothing but
 * a BackupError, whatever the bytes.
 */
export async function openBackupFile(bytes: Uint8Array, passphrase: string): Promise<OpenedBackup> {
  try {
    if (passphrase === '') throw new BackupError('wrong-passphrase');
    return await openBackupContainer(await unsealBackup(bytes, passphrase));
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('damaged');
  }
}
