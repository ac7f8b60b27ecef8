/**
 * Rules across the fields of one event kind, shared by the stored-event schemas (./events) and
 * the action commands (./decide-action), so that a command never writes an event the schema
 * would refuse. Rules that depend on the complaint or the clock are in ./decide-action.
 */
import type { ValidationIssue } from '../messages/validation-messages';
import { parseComplaintId } from '../ids/document-ids';
import { isCanonicalTrackingNumber } from '../ids/tracking-number';
import { correctionProblem } from './corrections';
import type { Payload, PayloadKind } from './payload-fields';

/** A kind's fields together with the kind (an event document is one). */
export type KindedPayload = { [K in PayloadKind]: Readonly<{ kind: K }> & Readonly<Payload<K>> }[PayloadKind];

/**
 * The problems across fields of `payload`. `ownTrackingNumber`, when known, refuses a complaint
 * archived as a duplicate of itself.
 */
export function payloadIssues(payload: KindedPayload, ownTrackingNumber?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  switch (payload.kind) {
    case 'archive': {
      const { reason, duplicateOf, otherText } = payload;
      if (reason === 'duplicate') {
        if (duplicateOf === null) {
          issues.push({ path: 'duplicateOf', key: 'workflow.archive.duplicateOfRequired' });
        } else if (!isCanonicalTrackingNumber(duplicateOf)) {
          issues.push({ path: 'duplicateOf', key: 'workflow.archive.duplicateOfInvalid' });
        } else if (duplicateOf === ownTrackingNumber) {
          issues.push({ path: 'duplicateOf', key: 'workflow.archive.duplicateOfSelf' });
        }
      } else if (duplicateOf !== null) {
        issues.push({ path: 'duplicateOf', key: 'validation.invalid' });
      }
      if (reason === 'other' && otherText.trim() === '') {
        issues.push({ path: 'otherText', key: 'workflow.archive.otherTextRequired' });
      } else if (reason !== 'other' && otherText !== '') {
        issues.push({ path: 'otherText', key: 'validation.invalid' });
      }
      return issues;
    }
    case 'correct-field': {
      const problem = correctionProblem(payload.field, payload.newValue);
      if (problem) issues.push({ path: 'newValue', ...problem });
      else if (payload.newValue === payload.oldValue) {
        issues.push({ path: 'newValue', key: 'workflow.correct.unchanged' });
      }
      return issues;
    }
    case 'privacy-change':
      if (payload.to === payload.from) issues.push({ path: 'to', key: 'workflow.privacy.sameMode' });
      // Anonymous = no identity stored at all (docs/domain.md, 'Privacy modes'): moving there deletes it.
      if (payload.identityDeleted !== (payload.to === 'anonymous')) {
        issues.push({ path: 'identityDeleted', key: 'validation.invalid' });
      }
      return issues;
    case 'related': {
      // Names another complaint: its id must be that tracking number's complaint.
      const { relatedComplaintId, relatedTrackingNumber } = payload;
      if (parseComplaintId(relatedComplaintId)?.trackingNumber !== relatedTrackingNumber) {
        issues.push({ path: 'relatedComplaintId', key: 'validation.invalid' });
      } else if (relatedTrackingNumber === ownTrackingNumber) {
        issues.push({ path: 'relatedTrackingNumber', key: 'validation.invalid' });
      }
      return issues;
    }
    case 'verify':
    case 'hold':
    case 'not-our-authority':
    case 'dispose':
    case 'follow-up':
    case 'response':
    case 'complainant-reply':
    case 'satisfaction':
    case 'close':
    case 'reopen':
    case 'note':
    case 'lapor-forwarded':
    case 'reporter-corrected':
    case 'identity-deleted':
      return issues;
    default: {
      const unknownKind: never = payload;
      throw new Error(`Unknown event kind: ${JSON.stringify(unknownKind)}`);
    }
  }
}
