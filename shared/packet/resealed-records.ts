/**
 * Complaints and events are content-addressed (../ids/content-id): the id ends with the SHA-256 of
 * the document's content and the only revision is `1-<hash>`, and every reader (the app, the
 * packet builder's schemas, the server) refuses a document whose content does not match its id.
 * An export that changes a record on purpose (neutral file names, the content of a confidential
 * complaint taken out) must therefore seal the changed record again, under the same base id
 * (`complaint:<receivedAt>:<trackingNumber>`, `event:<…>:<sequence>`) with the hash of what it now
 * holds, and point the events of a resealed complaint at its new id (which changes their content,
 * so they are resealed too). The file stays self-consistent and verifiable, and no changed record
 * can pass for the stored original: that one's id names other content.
 *
 * Records whose id carries no hash, and records that were not changed, keep their id.
 */
import { baseOfId, contentHash, hashOfId, sealImmutable } from '../ids/content-id';

type Doc = Record<string, unknown>;

export type ResealResult = Readonly<{
  docs: Doc[];
  /** How many documents got a new id. */
  resealed: number;
}>;

/** `doc` under its base id and the hash of its content, when its id is content-addressed and stale. */
function sealedAgain(doc: Doc): Doc {
  const id = doc._id;
  if (typeof id !== 'string') return doc;
  const hash = hashOfId(id);
  if (hash === null || contentHash(doc) === hash) return doc;
  return sealImmutable(doc, baseOfId(id));
}

/** `docs` with every changed complaint and event sealed again (see the module comment). */
export function resealChanged(docs: readonly Doc[]): ResealResult {
  const newIds = new Map<string, string>();
  let resealed = 0;
  const complaintsDone = docs.map((doc) => {
    if (doc.type !== 'complaint') return doc;
    const sealed = sealedAgain(doc);
    if (sealed !== doc) {
      newIds.set(doc._id as string, sealed._id as string);
      resealed += 1;
    }
    return sealed;
  });
  return {
    docs: complaintsDone.map((doc) => {
      if (doc.type !== 'event') return doc;
      const complaintId = typeof doc.complaintId === 'string' ? newIds.get(doc.complaintId) : undefined;
      const sealed = sealedAgain(complaintId === undefined ? doc : { ...doc, complaintId });
      if (sealed._id !== doc._id) resealed += 1;
      return sealed;
    }),
    resealed,
  };
}
