import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../messages/validation-messages';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, TITLE_MAX } from './complaint-limits';
import { validateIntake } from './intake';
import { checkAttachmentContents } from './intake-attachments';

const today = '2026-11-23';
const context = { today };

const named = {
  channel: 'walk-in',
  reportType: 'complaint',
  privacyMode: 'named',
  reporter: {
    name: ' Budi Santoso ',
    nik: '3201012345678901',
    phone: '0812-3456-7890',
    email: '',
    address: '',
  },
  title: '  Pungutan di loket KTP  ',
  chronology: 'Petugas meminta uang Rp50.000 untuk mempercepat pembuatan KTP-el.',
  incidentDate: '2026-11-20',
  location: 'Kantor Disdukcapil, loket 3',
  category: 'illegal-levies',
  targetOffice: 'Dinas Kependudukan dan Pencatatan Sipil',
  attachments: [{ name: 'kuitansi.jpg', mimeType: 'image/jpeg', size: 250_000 }],
};
const emptyReporter = { name: '', nik: '', phone: '', email: '', address: '' };
const anonymous = { ...named, privacyMode: 'anonymous', reporter: emptyReporter };

const keysOf = (issues: readonly ValidationIssue[]): string[] => issues.map((issue) => issue.key);
function issuesOf(input: unknown): readonly ValidationIssue[] {
  const result = validateIntake(input, context);
  if (result.ok) throw new Error('expected the intake to be refused');
  return result.issues;
}

describe('validateIntake accepts', () => {
  it('a named complaint, trimming every string', () => {
    const result = validateIntake(named, context);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.value.title).toBe('Pungutan di loket KTP');
    expect(result.value.reporter.name).toBe('Budi Santoso');
    expect(result.value.attachments).toEqual([
      { name: 'kuitansi.jpg', mimeType: 'image/jpeg', size: 250_000 },
    ]);
  });

  it('text with lone surrogates (a broken paste), replaced so that the record can be sent as JSON', () => {
    const broken = 'Antre \ud83d lama \udca9';
    const result = validateIntake(
      { ...named, title: broken, chronology: broken, reporter: { ...named.reporter, name: `Budi\ud800` } },
      context,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.title).toBe('Antre \ufffd lama \ufffd');
    expect(result.value.chronology).toBe('Antre \ufffd lama \ufffd');
    expect(result.value.reporter.name).toBe('Budi\ufffd');
    // Well-formed text survives a UTF-8 round trip unchanged, as CouchDB needs it to.
    const json = JSON.stringify(result.value);
    expect(new TextDecoder().decode(new TextEncoder().encode(json))).toBe(json);
    // A real emoji (a surrogate pair) is kept.
    const emoji = validateIntake({ ...named, title: 'Antre 😡' }, context);
    expect(emoji.ok && emoji.value.title).toBe('Antre 😡');
  });

  it('a NIK pasted in groups (spaces, dots or dashes), stored as its 16 digits', () => {
    for (const nik of ['3201 0123 4567 8901', '3201.0123.4567.8901', ' 3201-0123-4567-8901 ']) {
      const result = validateIntake({ ...named, reporter: { ...named.reporter, nik } }, context);
      expect(result.ok && result.value.reporter.nik, nik).toBe('3201012345678901');
    }
    expect(keysOf(issuesOf({ ...named, reporter: { ...named.reporter, nik: '3201 0123 4567' } }))).toEqual([
      'validation.reporter.nikInvalid',
    ]);
  });

  it('an anonymous complaint with an empty reporter, or none at all', () => {
    expect(validateIntake(anonymous, context).ok).toBe(true);
    const { reporter: _omitted, ...withoutReporter } = anonymous;
    const result = validateIntake(withoutReporter, context);
    expect(result.ok && result.value.reporter).toEqual(emptyReporter);
    // Whitespace is not identity.
    expect(validateIntake({ ...anonymous, reporter: { ...emptyReporter, name: '   ' } }, context).ok).toBe(
      true,
    );
  });

  it('a confidential complaint with only an email, or only an address', () => {
    const confidential = { ...named, privacyMode: 'confidential' };
    const email = { ...emptyReporter, name: 'Siti', email: 'siti@contoh.go.id' };
    expect(validateIntake({ ...confidential, reporter: email }, context).ok).toBe(true);
    const address = { ...emptyReporter, name: 'Siti', address: 'Jl. Merdeka 1, Bandung' };
    expect(validateIntake({ ...confidential, reporter: address }, context).ok).toBe(true);
  });

  it('optional fields left out, and phone numbers in the usual Indonesian forms', () => {
    const { location: _l, targetOffice: _t, attachments: _a, ...minimal } = named;
    expect(validateIntake(minimal, context).ok).toBe(true);
    for (const phone of ['081234567890', '+62 812 3456 7890', '(021)', '021-1234-5678']) {
      const result = validateIntake({ ...named, reporter: { ...named.reporter, phone } }, context);
      expect(result.ok, phone).toBe(phone !== '(021)');
    }
  });

  it('an attachment whose browser type is empty, by its extension', () => {
    const result = validateIntake(
      { ...named, attachments: [{ name: 'surat.DOC', mimeType: '', size: 10 }] },
      context,
    );
    expect(result.ok && result.value.attachments[0]?.mimeType).toBe('application/msword');
    const odt = validateIntake(
      { ...named, attachments: [{ name: 'surat.odt', mimeType: '', size: 10 }] },
      context,
    );
    expect(odt.ok && odt.value.attachments[0]?.mimeType).toBe('application/vnd.oasis.opendocument.text');
  });

  it('any file name, cleaned to the stored form (never refused for its name)', () => {
    const names = [
      '../../KTP Budi.jpg',
      'foto\u202egpj.jpg',
      'a\u0000b.jpg',
      ' . ',
      `${'x'.repeat(150)}.jpg`,
    ];
    const result = validateIntake(
      { ...named, attachments: names.map((name) => ({ name, mimeType: 'image/jpeg', size: 1 })) },
      context,
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.attachments.map((attachment) => attachment.name)).toEqual([
      '..-..-KTP Budi.jpg',
      'fotogpj.jpg',
      'ab.jpg',
      'lampiran',
      `${'x'.repeat(116)}.jpg`,
    ]);
  });
});

describe('checkAttachmentContents', () => {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00]);
  const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00]);
  const text = new TextEncoder().encode('Kronologi tambahan.');

  it('passes files whose bytes are of their type', () => {
    const files = [
      { name: 'foto.jpg', mimeType: 'image/jpeg' as const },
      { name: 'catatan.txt', mimeType: 'text/plain' as const },
    ];
    expect(checkAttachmentContents(files, [jpeg, text])).toEqual([]);
  });

  it('names each file whose bytes are not of its type, and a file without bytes', () => {
    const files = [
      { name: 'foto.jpg', mimeType: 'image/jpeg' as const },
      { name: 'setup.jpg', mimeType: 'image/jpeg' as const },
      {
        name: 'surat.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' as const,
      },
    ];
    expect(checkAttachmentContents(files, [jpeg, exe])).toEqual([
      {
        path: 'attachments.1',
        key: 'validation.attachment.contentMismatch',
        params: { name: 'setup.jpg', type: 'JPG/JPEG' },
      },
      {
        path: 'attachments.2',
        key: 'validation.attachment.contentMismatch',
        params: { name: 'surat.docx', type: 'DOCX' },
      },
    ]);
  });
});

describe('validateIntake refuses, with the right key and path', () => {
  const cases: [string, unknown, Partial<ValidationIssue>][] = [
    ['a missing title', { ...named, title: '   ' }, { path: 'title', key: 'validation.title.required' }],
    [
      'a title that is too long',
      { ...named, title: 'x'.repeat(TITLE_MAX + 1) },
      { key: 'validation.title.tooLong', params: { max: TITLE_MAX } },
    ],
    [
      'a missing chronology',
      { ...named, chronology: '' },
      { path: 'chronology', key: 'validation.chronology.required' },
    ],
    [
      'a future incident date',
      { ...named, incidentDate: '2026-11-24' },
      { path: 'incidentDate', key: 'validation.incidentDate.future' },
    ],
    [
      'a missing incident date',
      { ...named, incidentDate: '' },
      { path: 'incidentDate', key: 'validation.incidentDate.required' },
    ],
    [
      'an impossible incident date',
      { ...named, incidentDate: '2026-02-30' },
      { path: 'incidentDate', key: 'validation.incidentDate.invalid' },
    ],
    [
      'a named reporter without contact',
      { ...named, reporter: { ...emptyReporter, name: 'Budi' } },
      { path: 'reporter.phone', key: 'validation.reporter.contactRequired' },
    ],
    [
      'a named reporter without a name',
      { ...named, reporter: { ...named.reporter, name: '' } },
      { path: 'reporter.name', key: 'validation.reporter.nameRequired' },
    ],
    [
      'identity given for an anonymous reporter',
      { ...anonymous, reporter: { ...emptyReporter, phone: '08123456789' } },
      { path: 'reporter', key: 'validation.reporter.anonymousHasIdentity' },
    ],
    [
      'an unknown channel',
      { ...named, channel: 'carrier-pigeon' },
      { path: 'channel', key: 'validation.channel.unknown' },
    ],
    ['a missing channel', { ...named, channel: '' }, { path: 'channel', key: 'validation.required' }],
    [
      'an unknown report type',
      { ...named, reportType: 'gossip' },
      { path: 'reportType', key: 'validation.reportType.unknown' },
    ],
    [
      'an unknown privacy mode',
      { ...named, privacyMode: 'secret' },
      { path: 'privacyMode', key: 'validation.privacyMode.unknown' },
    ],
    [
      'a missing category',
      { ...named, category: ' ' },
      { path: 'category', key: 'validation.category.required' },
    ],
    [
      'a category that is too long',
      { ...named, category: 'x'.repeat(121) },
      { path: 'category', key: 'validation.tooLong' },
    ],
    [
      'a location that is too long',
      { ...named, location: 'x'.repeat(301) },
      { path: 'location', key: 'validation.location.tooLong' },
    ],
    [
      'a bad NIK',
      { ...named, reporter: { ...named.reporter, nik: '32010123456789' } },
      { path: 'reporter.nik', key: 'validation.reporter.nikInvalid' },
    ],
    [
      'a bad email',
      { ...named, reporter: { ...named.reporter, email: 'budi@' } },
      { path: 'reporter.email', key: 'validation.reporter.emailInvalid' },
    ],
    [
      'a bad phone',
      { ...named, reporter: { ...named.reporter, phone: '12-34' } },
      { path: 'reporter.phone', key: 'validation.reporter.phoneInvalid' },
    ],
    [
      'an oversize attachment',
      {
        ...named,
        attachments: [{ name: 'video.pdf', mimeType: 'application/pdf', size: MAX_ATTACHMENT_BYTES + 1 }],
      },
      {
        path: 'attachments.0',
        key: 'validation.attachment.tooLarge',
        params: { name: 'video.pdf', maxMb: 10 },
      },
    ],
    [
      'too many attachments',
      {
        ...named,
        attachments: Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) => ({
          name: `f${i}.png`,
          mimeType: 'image/png',
          size: 1,
        })),
      },
      { path: 'attachments', key: 'validation.attachment.tooMany', params: { max: 10 } },
    ],
    [
      'attachments too large together',
      {
        ...named,
        attachments: [9, 9, 9].map((mb, i) => ({
          name: `scan${i}.pdf`,
          mimeType: 'application/pdf',
          size: mb * 1024 * 1024,
        })),
      },
      { path: 'attachments', key: 'validation.attachment.totalTooLarge', params: { maxMb: 25 } },
    ],
    [
      'an attachment type not allowed',
      { ...named, attachments: [{ name: 'setup.exe', mimeType: 'application/x-msdownload', size: 1 }] },
      { path: 'attachments.0', key: 'validation.attachment.typeNotAllowed', params: { name: 'setup.exe' } },
    ],
    [
      'a malformed attachment',
      { ...named, attachments: [{ name: 'a.pdf', mimeType: 'application/pdf', size: -1 }] },
      { path: 'attachments.0', key: 'validation.invalid' },
    ],
    ['a title that is not text', { ...named, title: 42 }, { path: 'title', key: 'validation.invalid' }],
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toEqual(expect.objectContaining(expected));
  });

  it('something that is not a form at all', () => {
    expect(issuesOf(null)).toEqual([{ path: '', key: 'validation.invalid' }]);
    expect(issuesOf('title')).toEqual([{ path: '', key: 'validation.invalid' }]);
  });
});

describe('validateIntake reports', () => {
  it('every issue at once, in form order', () => {
    const issues = issuesOf({
      ...named,
      channel: 'fax',
      reporter: { ...emptyReporter, nik: '123' },
      title: '',
      incidentDate: '2027-01-01',
      category: '',
      attachments: [{ name: 'x.exe', mimeType: 'application/octet-stream', size: 1 }],
    });
    expect(issues.map((issue) => [issue.path, issue.key])).toEqual([
      ['channel', 'validation.channel.unknown'],
      ['reporter.name', 'validation.reporter.nameRequired'],
      ['reporter.nik', 'validation.reporter.nikInvalid'],
      ['reporter.phone', 'validation.reporter.contactRequired'],
      ['title', 'validation.title.required'],
      ['incidentDate', 'validation.incidentDate.future'],
      ['category', 'validation.category.required'],
      ['attachments.0', 'validation.attachment.typeNotAllowed'],
    ]);
  });

  it('a late incident (31 days) as a warning only, and nothing at exactly 30 days', () => {
    const late = validateIntake({ ...named, incidentDate: '2026-10-23' }, context);
    expect(late.ok).toBe(true);
    expect(late.warnings).toEqual([
      { path: 'incidentDate', key: 'validation.incidentDate.late', params: { days: 30 } },
    ]);
    const onTime = validateIntake({ ...named, incidentDate: '2026-10-24' }, context);
    expect(onTime).toMatchObject({ ok: true, warnings: [] });
  });

  it('warnings alongside errors', () => {
    const result = validateIntake({ ...named, title: '', incidentDate: '2025-01-01' }, context);
    expect(result.ok).toBe(false);
    expect(keysOf(result.warnings)).toEqual(['validation.incidentDate.late']);
  });

  it('a bad `today` as the caller’s bug', () => {
    expect(() => validateIntake(named, { today: '23-11-2026' })).toThrow(RangeError);
  });
});
