/**
 * The unit's roster in its records (PouchDB): one `officer:<officerId>` document per officer
 * (shared/unit/officer-document; docs/decisions/015-officer-roster-and-sign-in.md). The rules of who
 * may change what are in shared/unit/officer-roster; this file only reads and writes.
 */
import { getOrUndefined } from '../../../shared/couch/pouch-toolkit';
import { HIGH_SENTINEL } from '../../../shared/ids/document-ids';
import {
  OFFICER_ID_PREFIX,
  officerDocId,
  officerDocSchema,
  type OfficerDoc,
} from '../../../shared/unit/officer-document';
import type { Role } from '../../../shared/workflow/roles';
import type { UnitDatabase } from './database';

/**
 * An officer of the unit as the UI sees them: never the verifier, only whether there is one.
 * `hasSecret: false`: cannot sign in until a manager sets a first PIN.
 */
export type RosterEntry = Readonly<{
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  active: boolean;
  hasSecret: boolean;
  mustChangeSecret: boolean;
}>;

export function rosterEntryOf(doc: OfficerDoc): RosterEntry {
  return {
    id: doc.officerId,
    name: doc.name,
    role: doc.role,
    createdAt: doc.createdAt,
    active: doc.active,
    hasSecret: doc.verifier !== undefined,
    mustChangeSecret: doc.mustChangeSecret,
  };
}

/** The roster documents, by name (documents that do not parse are left out, never shown half). */
export async function readRoster(db: UnitDatabase): Promise<OfficerDoc[]> {
  const result = await db.allDocs({
    startkey: OFFICER_ID_PREFIX,
    endkey: `${OFFICER_ID_PREFIX}${HIGH_SENTINEL}`,
    include_docs: true,
  });
  const docs = result.rows.flatMap((row) => {
    const parsed = officerDocSchema.safeParse(
      'doc' in row && row.doc ? withoutConflicts(row.doc as unknown as Record<string, unknown>) : undefined,
    );
    return parsed.success ? [parsed.data] : [];
  });
  return docs.sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

export async function readOfficer(db: UnitDatabase, officerId: string): Promise<OfficerDoc | undefined> {
  const doc = await getOrUndefined(db.get(officerDocId(officerId)));
  if (!doc) return undefined;
  const parsed = officerDocSchema.safeParse(withoutConflicts(doc as unknown as Record<string, unknown>));
  return parsed.success ? parsed.data : undefined;
}

/** Writes a roster document (its `_rev` says which revision it replaces; a stale one is a 409). */
export async function writeOfficer(db: UnitDatabase, doc: OfficerDoc): Promise<OfficerDoc> {
  const parsed = officerDocSchema.parse(doc);
  const result = await db.put(parsed);
  return { ...parsed, _rev: result.rev };
}

function withoutConflicts(doc: Record<string, unknown>): Record<string, unknown> {
  const { _conflicts: _ignored, ...rest } = doc;
  return rest;
}
