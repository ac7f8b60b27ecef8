// @vitest-environment happy-dom
/**
 * The trail in words: an entry of every event kind, with codes from every stored vocabulary
 * (intake channel, report type, category, archive reason, response channel, satisfaction source,
 * privacy mode, corrected field), shows none of those codes raw.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  DEFAULT_CATEGORIES,
  PRIVACY_MODES,
  REPORT_TYPES,
} from '../../../shared/complaint/vocabulary';
import { REPORTER_FIELD_NAMES } from '../../../shared/complaint/reporter-fields';
import type { TrailEntry } from '../../../shared/workflow/complaint-state-types';
import {
  ARCHIVE_REASONS,
  CORRECTABLE_FIELDS,
  RESPONSE_CHANNELS,
  SATISFACTION_SOURCES,
} from '../../../shared/workflow/event-vocabulary';
import { EVENT_KINDS } from '../../../shared/workflow/events';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import { ComplaintTrail } from './complaint-trail';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

let sequence = 0;
const common = () => ({
  eventId: `event-${String((sequence += 1))}`,
  at: '2026-11-23T03:04:05.678Z',
  by: { officerId: 'officer-1', name: 'Sari' },
  deviceCode: 'X7Q',
  applied: true,
  status: 'new' as const,
});

const correction = (
  field: (typeof CORRECTABLE_FIELDS)[number],
  oldValue: string,
  newValue: string,
): TrailEntry => ({
  ...common(),
  kind: 'correct-field',
  details: { field, oldValue, newValue, reason: 'Salah ketik saat penerimaan.' },
});

/** An entry of every kind, holding codes of every vocabulary a trail shows. */
const TRAIL: readonly TrailEntry[] = [
  { ...common(), kind: 'received', details: { channel: 'walk-in' } },
  { ...common(), kind: 'verify', details: { dispositionOffice: 'Dinas Kesehatan', note: 'Lengkap.' } },
  { ...common(), kind: 'hold', details: { reason: 'Menunggu berkas.', until: '2026-12-01' } },
  { ...common(), kind: 'not-our-authority', details: { forwardedTo: 'Kantor Pertanahan', note: '' } },
  {
    ...common(),
    kind: 'archive',
    details: { reason: 'not-public-service', duplicateOf: null, otherText: '' },
  },
  { ...common(), kind: 'archive', details: { reason: 'wrong-format', duplicateOf: null, otherText: '' } },
  { ...common(), kind: 'dispose', details: { office: 'Dinas Kesehatan', note: '' } },
  { ...common(), kind: 'follow-up', details: { office: 'Dinas Kesehatan', summary: 'Dicek ke lapangan.' } },
  { ...common(), kind: 'response', details: { channel: 'in-person', summary: 'Dijelaskan langsung.' } },
  { ...common(), kind: 'complainant-reply', details: { summary: 'Belum beres.', needsFurtherAction: true } },
  { ...common(), kind: 'satisfaction', details: { score: 4, comment: '', collectedVia: 'in-person' } },
  { ...common(), kind: 'close', details: { outcome: 'Antrean dibenahi.' } },
  { ...common(), kind: 'reopen', details: { reason: 'Terulang.' } },
  correction('channel', 'walk-in', 'whatsapp-sms'),
  correction('reportType', 'information-request', 'aspiration'),
  correction('category', 'civil-registration', 'illegal-levies'),
  correction('incidentDate', '2026-11-20', '2026-11-21'),
  correction('targetOffice', '', 'Dinas Kesehatan'),
  { ...common(), kind: 'note', details: { text: 'Pelapor menelepon lagi.' } },
  {
    ...common(),
    kind: 'privacy-change',
    details: { from: 'confidential', to: 'anonymous', reason: 'Permintaan pelapor.', identityDeleted: true },
  },
  {
    ...common(),
    kind: 'lapor-forwarded',
    details: { laporId: '', includesIdentity: false, exportFile: 'Ekspor LAPOR 2026.csv' },
  },
  { ...common(), kind: 'reporter-corrected', details: { fields: ['phone', 'address'] } },
  {
    ...common(),
    kind: 'related',
    details: {
      relatedComplaintId:
        'complaint:2026-11-20T01:02:03.004Z:KBM-261120-X7Q-0007:0123456789abcdef0123456789abcdef',
      relatedTrackingNumber: 'KBM-261120-X7Q-0007',
    },
  },
  { ...common(), kind: 'identity-deleted', details: { reason: 'retention', retentionMonths: 24 } },
];

/** Every code a stored complaint or event may hold. */
const CODES = [
  ...CHANNELS,
  ...REPORT_TYPES,
  ...PRIVACY_MODES,
  ...COMPLAINT_STATUSES,
  ...DEFAULT_CATEGORIES.map((category) => category.code),
  ...ARCHIVE_REASONS,
  ...RESPONSE_CHANNELS,
  ...SATISFACTION_SOURCES,
  ...CORRECTABLE_FIELDS,
  ...EVENT_KINDS,
  ...REPORTER_FIELD_NAMES,
];
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('ComplaintTrail', () => {
  it('covers every event kind', () => {
    expect(new Set(TRAIL.map((entry) => entry.kind))).toEqual(new Set(EVENT_KINDS));
  });

  it('shows no stored code raw, in any event kind', () => {
    render(withCore(fakeCore(), <ComplaintTrail trail={TRAIL} masked={false} />));
    // Each shown piece on its own line (textContent alone runs a label into its value).
    const pieces = screen.getByTestId('trail').querySelectorAll('p, dt, dd');
    const text = Array.from(pieces, (piece) => piece.textContent).join('\n');
    const raw = CODES.filter((code) => new RegExp(`(?<![\\w-])${escape(code)}(?![\\w-])`).test(text));
    expect(raw).toEqual([]);
    expect(text).toContain('Datang langsung');
    expect(text).toContain('WhatsApp/SMS');
    expect(text).toContain('Permintaan informasi');
    expect(text).toContain('Pungutan Liar (Pungli)');
  });

  it('names the fields of a reporter correction in words, never values', () => {
    render(withCore(fakeCore(), <ComplaintTrail trail={TRAIL} masked={false} />));
    const entry = screen.getByTestId('trail').querySelector('[data-kind="reporter-corrected"]');
    expect(entry?.querySelector('.timeline__kind')?.textContent).toBe(
      'Data pelapor dikoreksi: nomor telepon, alamat',
    );
    expect(entry?.querySelector('.timeline__details')).toBeNull();
  });

  it('shows a link as "Terkait dengan" the other tracking number, linking to its detail', () => {
    render(withCore(fakeCore(), <ComplaintTrail trail={TRAIL} masked={false} />));
    const entry = screen.getByTestId('trail').querySelector('[data-kind="related"]');
    expect(entry?.querySelector('.timeline__kind')?.textContent).toBe('Terkait dengan KBM-261120-X7Q-0007');
    const link = entry?.querySelector('a');
    expect(decodeURIComponent(link?.getAttribute('href') ?? '')).toContain(
      '/pengaduan/complaint:2026-11-20T01:02:03.004Z:KBM-261120-X7Q-0007:',
    );
    expect(entry?.querySelector('.timeline__details')).toBeNull();
  });

  it('says why an identity was deleted at the end of its retention, in words, and nothing else', () => {
    render(withCore(fakeCore(), <ComplaintTrail trail={TRAIL} masked={false} />));
    const entry = screen.getByTestId('trail').querySelector('[data-kind="identity-deleted"]');
    expect(entry?.querySelector('.timeline__kind')?.textContent).toBe(
      'Identitas pelapor dihapus: masa retensi berakhir (24 bulan setelah pengaduan ditutup)',
    );
    expect(entry?.querySelector('.timeline__details')).toBeNull();
  });
});
