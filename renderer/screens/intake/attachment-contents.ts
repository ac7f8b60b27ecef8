/**
 * Reading the intake form's files before they are saved: each file's bytes must be of its
 * accepted type (shared/complaint/attachment-sniff: magic bytes) and of the size it was declared
 * with, or nothing is saved and the form names the file. The bytes read are the bytes stored, so
 * a file changed on disk after the check cannot slip in.
 */
import type { IntakeAttachment } from '../../../shared/complaint/intake';
import { checkAttachmentContents } from '../../../shared/complaint/intake-attachments';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';

export type ReadAttachments =
  | Readonly<{ ok: true; files: readonly Blob[] }>
  | Readonly<{ ok: false; issues: readonly ValidationIssue[] }>;

/**
 * Reads `files` (the form's, in order) for the validated `attachments` (same order): the checked
 * files as Blobs of their accepted type, or the issues (a file that cannot be read or changed size
 * since it was chosen; a file whose content is not of its type).
 */
export async function readAttachments(
  files: readonly Blob[],
  attachments: readonly IntakeAttachment[],
): Promise<ReadAttachments> {
  const unreadable: ValidationIssue[] = [];
  const contents = await Promise.all(
    attachments.map(async (attachment, index) => {
      const file = files[index];
      try {
        if (!file) throw new Error('no file');
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (bytes.length !== attachment.size) throw new Error('changed since it was chosen');
        return bytes;
      } catch {
        unreadable.push({
          path: `attachments.${index}`,
          key: 'validation.attachment.unreadable',
          params: { name: attachment.name },
        });
        return new Uint8Array();
      }
    }),
  );
  if (unreadable.length > 0) return { ok: false, issues: unreadable };
  const issues = checkAttachmentContents(attachments, contents);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    files: contents.map((bytes, index) => new Blob([bytes], { type: attachments[index]?.mimeType ?? '' })),
  };
}
