// @vitest-environment happy-dom
/**
 * Koreksi data pelapor with a fake client core: offered to supervisors and managers only, never
 * for an anonymous complaint; Alt+I opens it prefilled with the stored values; Enter saves through
 * `core.complaints.correctReporter` over the revision shown, and "saved" appears only once that
 * resolved; refusals show the intake's Indonesian messages at their fields, and a conflict or an
 * unchanged form says so, keeping what was typed.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReporterDoc } from '../../../shared/complaint/complaint-schema';
import { buildIntakeDocuments } from '../../../shared/complaint/intake-documents';
import type { PrivacyMode } from '../../../shared/complaint/vocabulary';
import { reduceComplaint } from '../../../shared/workflow/complaint-state';
import type { Role } from '../../../shared/workflow/roles';
import { INTAKE_INPUT, RECEIVED_AT, RECEIVED_DATE } from '../../../shared/workflow/workflow.fixtures';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type { ClientCore, CorrectReporterOutcome } from '../../core/client-core';
import { ReporterCorrectionForm } from './reporter-correction-form';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const REPORTER = {
  name: 'Siti Aminah',
  nik: '',
  phone: '0812-3456-7890',
  email: '',
  address: 'Jl. Melati 7',
};

function complaintOf(privacyMode: PrivacyMode) {
  const documents = buildIntakeDocuments(
    {
      ...INTAKE_INPUT,
      privacyMode,
      reporter:
        privacyMode === 'anonymous' ? { name: '', nik: '', phone: '', email: '', address: '' } : REPORTER,
    },
    {
      unitCode: 'KBM',
      deviceCode: 'X7Q',
      sequence: 42,
      eventSequence: 42,
      officer: { officerId: 'o1', name: 'Rina' },
      receivedAt: new Date(RECEIVED_AT),
      localDate: RECEIVED_DATE,
    },
  );
  return {
    complaintId: documents.complaint._id,
    state: reduceComplaint(documents.complaint, [documents.received]),
    reporter: documents.reporter ? ({ ...documents.reporter, _rev: '1-abc' } as ReporterDoc) : null,
  };
}

function renderForm(
  role: Role,
  correctReporter: () => Promise<CorrectReporterOutcome> = () =>
    Promise.resolve({ outcome: 'saved', fields: ['phone'] }),
  privacyMode: PrivacyMode = 'named',
) {
  const core = fakeCore({ complaints: { correctReporter: vi.fn(correctReporter) } });
  core.store.getState().openDesk({
    device: { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: { id: 'officer-1', name: 'Sari', role, createdAt: '2026-01-05T01:00:00.000Z' },
  });
  const complaint = complaintOf(privacyMode);
  render(withCore(core, <ReporterCorrectionForm {...complaint} />));
  return { core, complaint, user: userEvent.setup() };
}

const callsOf = (core: ClientCore) =>
  (core.complaints.correctReporter as ReturnType<typeof vi.fn>).mock.calls;
const notices = (core: ClientCore) => core.store.getState().notices.map((notice) => notice.text);
const field = (label: string) => screen.getByLabelText(label, { exact: false });

describe('ReporterCorrectionForm', () => {
  it('is offered to supervisors and managers, not to officers, never for an anonymous complaint', () => {
    for (const role of ['supervisor', 'manager'] as const) {
      renderForm(role);
      expect(screen.getByRole('button', { name: /Koreksi data pelapor/ })).toBeTruthy();
      cleanup();
    }
    renderForm('officer');
    expect(screen.queryByRole('button', { name: /Koreksi data pelapor/ })).toBeNull();
    cleanup();
    renderForm('manager', undefined, 'anonymous');
    expect(screen.queryByRole('button', { name: /Koreksi data pelapor/ })).toBeNull();
  });

  it('opens with Alt+I prefilled, and says "saved" only once the correction is stored', async () => {
    let resolve: (outcome: CorrectReporterOutcome) => void = () => undefined;
    const stored = new Promise<CorrectReporterOutcome>((done) => (resolve = done));
    const { core, complaint, user } = renderForm('supervisor', () => stored);
    await user.keyboard('{Alt>}i{/Alt}');
    const name = field('Nama (sesuai KTP)') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(name.value).toBe('Siti Aminah');
    expect((field('Alamat') as HTMLInputElement).value).toBe('Jl. Melati 7');

    const phone = field('Telepon/WhatsApp');
    await user.clear(phone);
    await user.type(phone, '0813 9000 1234{Enter}');
    expect(callsOf(core)).toEqual([
      [complaint.complaintId, { rev: '1-abc', values: { ...REPORTER, phone: '0813 9000 1234' } }],
    ]);
    expect(screen.getByRole('button', { name: 'Menyimpan…' })).toBeTruthy();
    expect(notices(core)).toEqual([]);

    await act(async () => {
      resolve({ outcome: 'saved', fields: ['phone'] });
      await stored;
    });
    expect(notices(core)).toEqual(['Data pelapor dikoreksi: nomor telepon.']);
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('records the identity of a complaint that has none (identified after intake), starting empty', async () => {
    const core = fakeCore({
      complaints: {
        correctReporter: vi.fn(() =>
          Promise.resolve({ outcome: 'saved' as const, fields: ['name'] as const }),
        ),
      },
    });
    core.store.getState().openDesk({
      device: { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' },
      officer: { id: 'officer-1', name: 'Sari', role: 'supervisor', createdAt: '2026-01-05T01:00:00.000Z' },
    });
    const complaint = complaintOf('named');
    render(withCore(core, <ReporterCorrectionForm {...complaint} reporter={null} />));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Catat data pelapor/ }));
    expect((field('Nama (sesuai KTP)') as HTMLInputElement).value).toBe('');
    await user.type(field('Nama (sesuai KTP)'), 'Siti Aminah{Enter}');
    expect(callsOf(core)).toEqual([
      [
        complaint.complaintId,
        { rev: '', values: { name: 'Siti Aminah', nik: '', phone: '', email: '', address: '' } },
      ],
    ]);
  });

  it('shows refusals at their fields in Indonesian and keeps what was typed', async () => {
    const { user } = renderForm('manager', () =>
      Promise.resolve({
        outcome: 'refused',
        issues: [
          { path: 'nik', key: 'validation.reporter.nikInvalid' },
          { path: 'phone', key: 'validation.reporter.contactRequired' },
        ],
      }),
    );
    await user.click(screen.getByRole('button', { name: /Koreksi data pelapor/ }));
    await user.type(field('NIK'), '1234');
    await user.click(screen.getByRole('button', { name: 'Simpan koreksi' }));
    const nik = field('NIK') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(nik));
    expect(nik.value).toBe('1234');
    expect(nik.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText(/NIK harus terdiri dari 16 angka/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/paling sedikit satu kontak pelapor/).length).toBeGreaterThan(0);
  });

  it('says when the details changed elsewhere meanwhile, or nothing changed, keeping the form', async () => {
    const outcomes: CorrectReporterOutcome[] = [{ outcome: 'conflict' }, { outcome: 'unchanged' }];
    const { core, user } = renderForm('supervisor', () =>
      Promise.resolve(outcomes.shift() ?? { outcome: 'unchanged' }),
    );
    await user.click(screen.getByRole('button', { name: /Koreksi data pelapor/ }));
    await user.type(field('Email'), 'siti@contoh.go.id{Enter}');
    expect(await screen.findByTestId('reporter-correction-notice')).toHaveProperty(
      'textContent',
      expect.stringMatching(/diubah di perangkat lain/) as unknown,
    );
    expect((field('Email') as HTMLInputElement).value).toBe('siti@contoh.go.id');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(screen.getByTestId('reporter-correction-notice').textContent).toMatch(/Tidak ada yang berubah/),
    );
    expect(notices(core)).toEqual([]);
    expect(callsOf(core)).toHaveLength(2);
  });
});
