import { describe, expect, it } from 'vitest';
import {
  ALLOWED_ATTACHMENT_TYPES,
  ANONYMOUS_ATTACHMENT_NAME_PATTERN,
  anonymousAttachmentName,
  withNeutralNames,
  attachmentKey,
  attachmentTypeOf,
  extensionOf,
} from './attachment-types';

describe('attachmentTypeOf', () => {
  it('trusts an allowed MIME type, ignoring case and parameters', () => {
    expect(attachmentTypeOf('a.bin', 'application/pdf')).toBe('application/pdf');
    expect(attachmentTypeOf('a.txt', 'Text/Plain; charset=utf-8')).toBe('text/plain');
  });

  it('refuses a reported type that is not allowed, whatever the extension', () => {
    expect(attachmentTypeOf('a.pdf', 'application/x-msdownload')).toBeNull();
    expect(attachmentTypeOf('a.gif', 'image/gif')).toBeNull();
  });

  it('falls back on the extension when the browser reports no type', () => {
    expect(attachmentTypeOf('Laporan.XLS', '')).toBe('application/vnd.ms-excel');
    expect(attachmentTypeOf('foto.jpeg', 'application/octet-stream')).toBe('image/jpeg');
    expect(attachmentTypeOf('setup.exe', '')).toBeNull();
    expect(attachmentTypeOf('README', '')).toBeNull();
  });
});

describe('anonymous names and keys', () => {
  it('renames without any trace of the original name', () => {
    expect(anonymousAttachmentName(1, 'image/jpeg')).toBe('lampiran-1.jpg');
    expect(anonymousAttachmentName(12, 'application/pdf')).toBe('lampiran-12.pdf');
    for (const type of ALLOWED_ATTACHMENT_TYPES) {
      expect(anonymousAttachmentName(3, type)).toMatch(ANONYMOUS_ATTACHMENT_NAME_PATTERN);
      expect(extensionOf(type)).toMatch(/^[a-z]+$/);
    }
    expect(ANONYMOUS_ATTACHMENT_NAME_PATTERN.test('KTP Budi.jpg')).toBe(false);
  });

  it('keys attachments att-1, att-2, …', () => {
    expect([1, 2, 10].map(attachmentKey)).toEqual(['att-1', 'att-2', 'att-10']);
  });
});

describe('withNeutralNames', () => {
  it('renames every file in order after its type, keeping the rest, and leaves the input alone', () => {
    const files = [
      { key: 'att-1', name: 'KTP Budi Santoso.jpg', mimeType: 'image/jpeg', size: 10 },
      { key: 'att-2', name: 'surat-pak-budi.pdf', mimeType: 'application/pdf', size: 20 },
      { key: 'att-3', name: 'x', mimeType: 'application/x-unknown', size: 1 },
    ];
    expect(withNeutralNames(files)).toEqual([
      { key: 'att-1', name: 'lampiran-1.jpg', mimeType: 'image/jpeg', size: 10 },
      { key: 'att-2', name: 'lampiran-2.pdf', mimeType: 'application/pdf', size: 20 },
      { key: 'att-3', name: 'lampiran-3.bin', mimeType: 'application/x-unknown', size: 1 },
    ]);
    expect(files[0]?.name).toBe('KTP Budi Santoso.jpg');
    expect(withNeutralNames([])).toEqual([]);
  });
});
