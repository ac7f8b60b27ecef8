// @vitest-environment happy-dom
/**
 * Two devices' versions of the complainant's details, with a fake client core: shown side by side
 * (differences marked) to the roles that may correct them, never to officers; "Pakai versi 2"
 * sends that revision to `core.complaints.resolveReporterConflict` and says so once it resolved.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReporterDoc } from '../../../shared/complaint/complaint-schema';
import { buildIntakeDocuments } from '../../../shared/complaint/intake-documents';
import { reduceComplaint } from '../../../shared/workflow/complaint-state';
import type { Role } from '../../../shared/workflow/roles';
import { INTAKE_INPUT, RECEIVED_AT, RECEIVED_DATE } from '../../../shared/workflow/workflow.fixtures';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type { ClientCore } from '../../core/client-core';
import { ReporterConflict } from './reporter-conflict';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const documents = buildIntakeDocuments(
  {
    ...INTAKE_INPUT,
    privacyMode: 'named',
    reporter: { name: 'Siti Aminah', nik: '', phone: '0812-3456-7890', email: '', address: 'Jl. Melati 7' },
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
const base = documents.reporter as ReporterDoc;
const shown: ReporterDoc = { ...base, _rev: '2-bbb', phone: '0813-2222-2222' };
const hidden: ReporterDoc = { ...base, _rev: '2-aaa', phone: '0813-1111-1111' };
const state = reduceComplaint(documents.complaint, [documents.received]);

function renderConflict(role: Role) {
  const core = fakeCore({
    complaints: {
      resolveReporterConflict: vi.fn(() =>
        Promise.resolve({ outcome: 'saved' as const, fields: ['phone'] as const }),
      ),
    },
  });
  core.store.getState().openDesk({
    device: { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: { id: 'officer-1', name: 'Sari', role, createdAt: '2026-01-05T01:00:00.000Z' },
  });
  render(
    withCore(
      core,
      <ReporterConflict
        complaintId={documents.complaint._id}
        state={state}
        reporter={shown}
        others={[hidden]}
      />,
    ),
  );
  return { core, user: userEvent.setup() };
}

const callsOf = (core: ClientCore) =>
  (core.complaints.resolveReporterConflict as ReturnType<typeof vi.fn>).mock.calls;

describe('ReporterConflict', () => {
  it('shows both versions to a supervisor, the differing field marked; nothing to an officer', () => {
    renderConflict('supervisor');
    const section = screen.getByTestId('reporter-conflict');
    expect(within(section).getByText('0813-2222-2222')).toBeTruthy();
    expect(within(section).getByText('0813-1111-1111')).toBeTruthy();
    const differs = section.querySelectorAll('.conflict__row--differs');
    expect(Array.from(differs, (row) => row.querySelector('th')?.textContent)).toEqual([
      'Telepon/WhatsApp (berbeda)',
    ]);
    cleanup();
    renderConflict('officer');
    expect(screen.queryByTestId('reporter-conflict')).toBeNull();
  });

  it('keeps the chosen version through the core and says so once it resolved', async () => {
    const { core, user } = renderConflict('manager');
    await user.click(screen.getByRole('button', { name: 'Pakai versi 2' }));
    expect(callsOf(core)).toEqual([[documents.complaint._id, '2-aaa']]);
    expect(core.store.getState().notices.map((notice) => notice.text)).toEqual([
      'Data pelapor: versi 2 dipakai.',
    ]);
  });
});
