/**
 * Which files a complaint may carry, and how to name them without revealing anyone.
 */

/**
 * Accepted attachment types: PDF, JPEG, PNG, WebP, plain text, Word (docx, doc), Excel (xlsx,
 * xls) and OpenDocument text and spreadsheets (odt, ods). The central server refuses every other
 * `content_type` (shared/couch/validate-doc-update-source.ts reads this list from the design
 * document), and the device checks each file's bytes against its type at intake
 * (./attachment-sniff).
 */
export const ALLOWED_ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;
export type AttachmentMimeType = (typeof ALLOWED_ATTACHMENT_TYPES)[number];

/** File-name extensions of each accepted type; the first is the one used when renaming. */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<AttachmentMimeType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'text/plain': ['txt'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
};

export function isAllowedAttachmentType(mimeType: string): mimeType is AttachmentMimeType {
  return (ALLOWED_ATTACHMENT_TYPES as readonly string[]).includes(mimeType);
}

/**
 * The accepted type of a file, or null. The MIME type the browser reports wins (parameters such
 * as `; charset=utf-8` and case are ignored); when it reports none, or only
 * `application/octet-stream` (browsers do for .doc/.xls on some systems), the extension decides.
 */
export function attachmentTypeOf(name: string, mimeType: string): AttachmentMimeType | null {
  const reported = (mimeType.split(';')[0] ?? '').trim().toLowerCase();
  if (isAllowedAttachmentType(reported)) return reported;
  if (reported !== '' && reported !== 'application/octet-stream') return null;
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  const extension = name.slice(dot + 1).toLowerCase();
  return ALLOWED_ATTACHMENT_TYPES.find((type) => ATTACHMENT_EXTENSIONS[type].includes(extension)) ?? null;
}

/** The usual extension of an accepted type (`jpg` for image/jpeg). */
export function extensionOf(mimeType: AttachmentMimeType): string {
  return ATTACHMENT_EXTENSIONS[mimeType][0] ?? 'bin';
}

/**
 * The name an attachment of an anonymous complaint is stored under: `lampiran-<n>.<ext>`, n from 1.
 * A file name such as "KTP Budi Santoso.jpg" would otherwise carry the identity that anonymity
 * promises not to store (docs/domain.md, 'Privacy modes').
 */
export function anonymousAttachmentName(position: number, mimeType: AttachmentMimeType): string {
  return `lampiran-${position}.${extensionOf(mimeType)}`;
}

/**
 * `attachments` with every file named as an anonymous complaint's would be (`lampiran-<n>.<ext>`,
 * in order): for copies of complaint documents that leave the unit (the records export, the
 * command-line packet), since a name such as "KTP Budi Santoso.jpg" can carry an identity.
 */
export function withNeutralNames<A extends object>(attachments: readonly A[]): (A & { name: string })[] {
  return attachments.map((attachment, index) => {
    const mimeType = (attachment as { mimeType?: unknown }).mimeType;
    const known = typeof mimeType === 'string' && isAllowedAttachmentType(mimeType);
    return { ...attachment, name: `lampiran-${index + 1}.${known ? extensionOf(mimeType) : 'bin'}` };
  });
}

/** Matches names made by `anonymousAttachmentName`. */
export const ANONYMOUS_ATTACHMENT_NAME_PATTERN = /^lampiran-[1-9]\d*\.[a-z]+$/;

/** The PouchDB attachment key of the n-th attachment (from 1): `att-1`, `att-2`, … */
export function attachmentKey(position: number): string {
  return `att-${position}`;
}
