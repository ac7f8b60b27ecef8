// @vitest-environment happy-dom
/**
 * The complainant's details on the detail screen when this device cannot open them (the unit key
 * not unlocked here, docs/decisions/017-unit-key.md): "Identitas tersegel" and what to do, never
 * empty fields that look like a complainant without a name.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReporterDoc } from '../../../shared/complaint/complaint-schema';
import { buildIntakeDocuments } from '../../../shared/complaint/intake-documents';
import { reduceComplaint } from '../../../shared/workflow/complaint-state';
import { INTAKE_INPUT, RECEIVED_AT, RECEIVED_DATE } from '../../../shared/workflow/workflow.fixtures';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import { ReporterFacts } from './complaint-facts';

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
const reporter = documents.reporter as ReporterDoc;
const state = reduceComplaint(documents.complaint, [documents.received]);
const empty = { name: '', nik: '', phone: '', email: '', address: '' };

function show(shown: Parameters<typeof ReporterFacts>[0]['reporter']): void {
  render(
    withCore(
      fakeCore(),
      <ReporterFacts complaint={documents.complaint} state={state} reporter={shown} masked={false} />,
    ),
  );
}

describe('ReporterFacts with a sealed identity', () => {
  it('says the identity is sealed and how to open it when this device lacks the unit key', () => {
    show({ ...reporter, ...empty, sealedIdentity: 'no-key' });
    const sealed = screen.getByTestId('reporter-sealed');
    expect(sealed.textContent).toContain('Identitas tersegel.');
    expect(sealed.textContent).toContain('belum memegang kunci unit');
    expect(screen.queryByTestId('reporter')).toBeNull();
  });

  it('says a seal that does not open is unreadable', () => {
    show({ ...reporter, ...empty, sealedIdentity: 'unreadable' });
    expect(screen.getByTestId('reporter-sealed').textContent).toContain('tidak dapat dibuka');
  });

  it('shows the fields of an opened identity as before', () => {
    show(reporter);
    expect(screen.getByTestId('reporter').textContent).toContain('Siti Aminah');
    expect(screen.queryByTestId('reporter-sealed')).toBeNull();
  });
});
