import { describe, expect, it } from 'vitest';
import {
  MESSAGE_KEYS,
  VALIDATION_MESSAGES,
  formatMessage,
  isMessageKey,
  validationResources,
  type MessageKey,
} from './validation-messages';

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? ''))].sort();

describe('VALIDATION_MESSAGES', () => {
  it('holds every key the domain code and the forms rely on', () => {
    const required: MessageKey[] = [
      'validation.required',
      'validation.invalid',
      'validation.title.required',
      'validation.title.tooLong',
      'validation.chronology.required',
      'validation.chronology.tooLong',
      'validation.channel.unknown',
      'validation.reportType.unknown',
      'validation.privacyMode.unknown',
      'validation.incidentDate.required',
      'validation.incidentDate.invalid',
      'validation.incidentDate.future',
      'validation.incidentDate.late',
      'validation.category.required',
      'validation.reporter.nameRequired',
      'validation.reporter.contactRequired',
      'validation.reporter.anonymousHasIdentity',
      'validation.reporter.nikInvalid',
      'validation.reporter.phoneInvalid',
      'validation.reporter.emailInvalid',
      'validation.attachment.tooLarge',
      'validation.attachment.tooMany',
      'validation.attachment.totalTooLarge',
      'validation.attachment.typeNotAllowed',
      'validation.unitCode.invalid',
      'validation.deviceCode.invalid',
      'validation.unitName.required',
      'validation.agency.required',
      'validation.entityType.unknown',
      'validation.officerName.required',
      'validation.location.tooLong',
    ];
    for (const key of required) expect(MESSAGE_KEYS).toContain(key);
  });

  it('has non-empty Indonesian and English text with the same placeholders', () => {
    for (const key of MESSAGE_KEYS) {
      const { id, en } = VALIDATION_MESSAGES[key];
      expect(id.trim().length, key).toBeGreaterThan(0);
      expect(en.trim().length, key).toBeGreaterThan(0);
      expect(placeholders(id), key).toEqual(placeholders(en));
    }
  });

  it('names the parameters the validators pass', () => {
    expect(placeholders(VALIDATION_MESSAGES['validation.attachment.tooLarge'].id)).toEqual(['maxMb', 'name']);
    expect(placeholders(VALIDATION_MESSAGES['validation.attachment.tooMany'].id)).toEqual(['max']);
    expect(placeholders(VALIDATION_MESSAGES['validation.attachment.totalTooLarge'].id)).toEqual(['maxMb']);
    expect(placeholders(VALIDATION_MESSAGES['validation.attachment.typeNotAllowed'].id)).toEqual(['name']);
    expect(placeholders(VALIDATION_MESSAGES['validation.incidentDate.late'].id)).toEqual(['days']);
  });
});

describe('formatMessage', () => {
  it('fills in parameters in either language', () => {
    expect(formatMessage('validation.attachment.tooLarge', 'id', { name: 'foto.jpg', maxMb: 10 })).toBe(
      'Lampiran "foto.jpg" terlalu besar. Ukuran maksimal 10 MB per berkas.',
    );
    expect(formatMessage('validation.attachment.tooMany', 'en', { max: 10 })).toBe(
      'Too many attachments: at most 10 files.',
    );
  });

  it('returns text without placeholders unchanged and leaves a missing parameter visible', () => {
    expect(formatMessage('validation.required', 'id')).toBe('Kolom ini wajib diisi.');
    expect(formatMessage('validation.attachment.tooMany', 'id')).toContain('{{max}}');
  });
});

describe('isMessageKey / validationResources', () => {
  it('recognises keys', () => {
    expect(isMessageKey('validation.title.required')).toBe(true);
    expect(isMessageKey('validation.nope')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });

  it('builds a nested i18next resource without key collisions', () => {
    const resources = validationResources('id') as { validation: { title: { required: string } } };
    expect(resources.validation.title.required).toBe('Judul pengaduan wajib diisi.');
  });
});
