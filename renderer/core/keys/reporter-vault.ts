/**
 * The one boundary between clear identity and stored identity (docs/decisions/017-unit-key.md).
 * Everything above the repository sees the clear `ReporterDoc`; what is stored is the sealed
 * `StoredReporterDoc` (shared/complaint/sealed-reporter). `seal` is used on every write of a
 * reporter document and refuses without an unlocked unit key (never a clear write as a fallback);
 * `open` on every read, and never throws for a document it cannot open: it gives the document with
 * empty identity fields and says why (`sealedIdentity`), so a screen shows "identitas tersegel".
 * `identityHasher` gives the search index its keyed hashes of identity (decision 023).
 */
import { REPORTER_FIELD_NAMES, type ReporterFields } from '../../../shared/complaint/reporter-fields';
import { reporterDocSchema, type ReporterDoc } from '../../../shared/complaint/complaint-schema';
import { SCHEMA_VERSION } from '../../../shared/complaint/vocabulary';
import {
  SEALED_REPORTER_SCHEMA_VERSION,
  type StoredReporterDoc,
} from '../../../shared/complaint/sealed-reporter';
import { openIdentity, sealIdentity, sealedIdentitySchema } from '../../../shared/crypto/reporter-seal';
import { IdentityHasher } from '../../../shared/search/keyed-tokens';
import { isUnitKeyLocked, type UnitKeyring } from './unit-keyring';

/**
 * Why a reporter's identity is not shown: `no-key`, this device does not hold the unit key version
 * it was sealed with (not unlocked in this run, or not received yet); `unreadable`, it does not open
 * with the key (changed, or copied from another document).
 */
export type SealedIdentityReason = 'no-key' | 'unreadable';

/** A reporter document as the core hands it up: clear, or with empty fields and the reason. */
export type OpenedReporterDoc = ReporterDoc & Readonly<{ sealedIdentity?: SealedIdentityReason }>;

const EMPTY: ReporterFields = { name: '', nik: '', phone: '', email: '', address: '' };

export class ReporterVault {
  /** One identity hasher per unit key version, forgotten (with the hashes it keeps) once the keyring is emptied. */
  readonly #hashers = new Map<number, IdentityHasher>();

  constructor(private readonly keyring: UnitKeyring) {}

  /** Whether identity can be written and shown (a unit key is unlocked in this run). */
  isUnlocked(): boolean {
    return this.keyring.isUnlocked();
  }

  /**
   * The search index's hasher of identity tokens (docs/decisions/023-identity-search-at-rest.md):
   * HMAC-SHA256 under the `search-index` purpose key of the newest unlocked unit key version;
   * undefined while none is unlocked (identity is then neither indexed nor looked up).
   */
  async identityHasher(): Promise<IdentityHasher | undefined> {
    if (!this.keyring.isUnlocked()) {
      this.#hashers.clear();
      return undefined;
    }
    try {
      const { version, key } = await this.keyring.purposeKey('search-index');
      let hasher = this.#hashers.get(version);
      if (!hasher) {
        hasher = new IdentityHasher(key, version);
        this.#hashers.set(version, hasher);
      }
      return hasher;
    } catch (error) {
      if (isUnitKeyLocked(error)) return undefined;
      throw error;
    }
  }

  /**
   * `doc` as stored: the five fields replaced by their seal under the current unit key. Keeps
   * `_rev` and every other field. Throws UnitKeyLockedError when no key is unlocked.
   */
  async seal<T extends ReporterDoc>(
    doc: T,
  ): Promise<StoredReporterDoc & Omit<T, keyof ReporterFields | 'schemaVersion'>> {
    // A document this device could not open has empty fields: sealing it would erase the identity.
    if ((doc as Partial<OpenedReporterDoc>).sealedIdentity !== undefined) {
      throw new Error(`${doc._id}: its identity is sealed on this device and cannot be written back`);
    }
    const sealingKey = await this.keyring.purposeKey('reporter-seal');
    const fields = Object.fromEntries(
      REPORTER_FIELD_NAMES.map((name) => [name, doc[name]]),
    ) as ReporterFields;
    const identityFields = new Set<string>(REPORTER_FIELD_NAMES);
    const rest = Object.fromEntries(Object.entries(doc).filter(([name]) => !identityFields.has(name)));
    const stored = {
      ...rest,
      schemaVersion: SEALED_REPORTER_SCHEMA_VERSION,
      identity: await sealIdentity(sealingKey, doc._id, fields),
    };
    return stored as StoredReporterDoc & Omit<T, keyof ReporterFields | 'schemaVersion'>;
  }

  /**
   * The clear document of a stored revision (PouchDB's own fields such as `_conflicts` are kept).
   * A revision written in clear before sealing existed is returned as it is; a sealed one whose key
   * this device lacks, or which does not open, comes back with empty fields and `sealedIdentity`.
   */
  async open(stored: object): Promise<OpenedReporterDoc> {
    const raw = stored as Record<string, unknown>;
    if (raw.schemaVersion !== SEALED_REPORTER_SCHEMA_VERSION) return stored as unknown as OpenedReporterDoc;
    const { identity, ...rest } = raw;
    const base = { ...rest, schemaVersion: SCHEMA_VERSION } as unknown as ReporterDoc;
    const parsed = sealedIdentitySchema.safeParse(identity);
    if (!parsed.success) return { ...base, ...EMPTY, sealedIdentity: 'unreadable' };
    const version = parsed.data.keyVersion;
    if (!this.keyring.byVersion(version)) return { ...base, ...EMPTY, sealedIdentity: 'no-key' };
    const id = typeof raw._id === 'string' ? raw._id : '';
    const opened = await openIdentity(
      await this.keyring.purposeKey('reporter-seal', version),
      id,
      parsed.data,
    );
    if (!opened.ok) return { ...base, ...EMPTY, sealedIdentity: 'unreadable' };
    return { ...base, ...opened.fields };
  }

  /** Like `open`, and only a document the clear schema accepts (a broken one: undefined). */
  async openChecked(stored: object): Promise<OpenedReporterDoc | undefined> {
    const opened = await this.open(stored);
    const { sealedIdentity, ...doc } = opened;
    const { _conflicts: _ignored, ...checked } = doc as typeof doc & { _conflicts?: unknown };
    const parsed = reporterDocSchema.safeParse(checked);
    if (!parsed.success) return undefined;
    return sealedIdentity ? { ...parsed.data, sealedIdentity } : parsed.data;
  }
}
