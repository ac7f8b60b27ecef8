/**
 * The attachment list of the intake form: count, size and type limits (see ./complaint-limits and
 * ./attachment-types), and file names cleaned to the stored form (./file-names: officers never
 * see a refusal for a name they cannot control). `checkAttachments` reads metadata only;
 * `checkAttachmentContents` then checks each file's bytes against its type (./attachment-sniff)
 * before anything is saved. The files themselves stay in the renderer until they are saved as
 * PouchDB attachments.
 */
import type { ValidationIssue } from '../messages/validation-messages';
import { contentMatchesType } from './attachment-sniff';
import { ATTACHMENT_EXTENSIONS, attachmentTypeOf } from './attachment-types';
import type { AttachmentMimeType } from './attachment-types';
import {
  BYTES_PER_MB,
  MAX_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  MAX_TOTAL_ATTACHMENT_BYTES,
} from './complaint-limits';
import { cleanFileName } from './file-names';
import { isRecord } from './intake-checks';
import type { IssueCollector } from './intake-checks';

export type CheckedAttachment = Readonly<{ name: string; mimeType: AttachmentMimeType; size: number }>;

/**
 * Reports, in this order: too many files (path `attachments`), then per file (path
 * `attachments.<i>`) a malformed entry, a file over the size limit, a type not allowed, then a
 * total over the limit (path `attachments`). Returns the files that have an accepted type, each
 * name cleaned by `cleanFileName` (messages name the file as the officer knows it).
 */
export function checkAttachments(value: unknown, out: IssueCollector): CheckedAttachment[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    out.issues.push({ path: 'attachments', key: 'validation.invalid' });
    return [];
  }
  const items: readonly unknown[] = value;
  if (items.length > MAX_ATTACHMENTS) {
    out.issues.push({
      path: 'attachments',
      key: 'validation.attachment.tooMany',
      params: { max: MAX_ATTACHMENTS },
    });
  }
  const accepted: CheckedAttachment[] = [];
  let total = 0;
  items.forEach((item, index) => {
    const path = `attachments.${index}`;
    const name = isRecord(item) && typeof item.name === 'string' ? item.name.trim() : '';
    // A name with nothing in it is a malformed entry (a File always has one); any other name is
    // stored cleaned.
    const mimeType = isRecord(item) && typeof item.mimeType === 'string' ? item.mimeType : '';
    const size = isRecord(item) ? item.size : undefined;
    if (name === '' || typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
      out.issues.push({ path, key: 'validation.invalid' });
      return;
    }
    total += size;
    if (size > MAX_ATTACHMENT_BYTES) {
      const maxMb = MAX_ATTACHMENT_BYTES / BYTES_PER_MB;
      out.issues.push({ path, key: 'validation.attachment.tooLarge', params: { name, maxMb } });
    }
    const type = attachmentTypeOf(name, mimeType);
    if (type === null)
      out.issues.push({ path, key: 'validation.attachment.typeNotAllowed', params: { name } });
    else accepted.push({ name: cleanFileName(name), mimeType: type, size });
  });
  if (total > MAX_TOTAL_ATTACHMENT_BYTES) {
    const maxMb = MAX_TOTAL_ATTACHMENT_BYTES / BYTES_PER_MB;
    out.issues.push({ path: 'attachments', key: 'validation.attachment.totalTooLarge', params: { maxMb } });
  }
  return accepted;
}

/**
 * Checks each file's content against its accepted type (`attachments[i]` is the file whose bytes
 * are `contents[i]`, as `checkAttachments` returned them): one issue per file whose bytes are not
 * of its type (path `attachments.<i>`, the file named, its expected kind given as extension).
 * Nothing may be saved when any is reported.
 */
export function checkAttachmentContents(
  attachments: readonly Readonly<{ name: string; mimeType: AttachmentMimeType }>[],
  contents: readonly Uint8Array[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  attachments.forEach((attachment, index) => {
    const bytes = contents[index];
    if (bytes !== undefined && contentMatchesType(attachment.mimeType, bytes)) return;
    const type = ATTACHMENT_EXTENSIONS[attachment.mimeType].join('/').toUpperCase();
    issues.push({
      path: `attachments.${index}`,
      key: 'validation.attachment.contentMismatch',
      params: { name: attachment.name, type },
    });
  });
  return issues;
}
