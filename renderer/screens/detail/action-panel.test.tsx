// @vitest-environment happy-dom
/**
 * The action panel with a fake client core: it offers exactly the actions the complaint's state
 * allows and the officer's role may take (one button each, with its Alt+letter), and sends the
 * chosen one to `core.complaints.act`; a refusal is listed and the form stays open.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/workflow/roles';
import { reduceComplaint } from '../../../shared/workflow/complaint-state';
import { decideLink } from '../../../shared/workflow/related-complaints';
import { SUPERVISOR, deskIn, intake, type StateName } from '../../../shared/workflow/workflow.fixtures';
import type { WorkflowAction } from '../../../shared/workflow/workflow-actions';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type { ActOutcome, ClientCore } from '../../core/client-core';
import { ActionPanel } from './action-panel';
import { ACTION_KEYS } from './action-forms';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

function renderPanel(
  stateName: StateName,
  role: Role,
  act: () => Promise<ActOutcome> = () => Promise.resolve({ ok: true }),
) {
  const core = fakeCore({ complaints: { act: vi.fn(act) } });
  core.store.getState().openDesk({
    device: { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: { id: 'officer-1', name: 'Sari', role, createdAt: '2026-01-05T01:00:00.000Z' },
  });
  const { state } = deskIn(stateName);
  render(withCore(core, <ActionPanel state={state} offices={['Puskesmas Kota']} />));
  return { core, state, user: userEvent.setup() };
}

/** The actions offered, read from the buttons' shortcuts (Alt+V → verify). */
function offered(): WorkflowAction[] {
  const byKey = new Map(Object.entries(ACTION_KEYS).map(([action, key]) => [key.toUpperCase(), action]));
  const toolbar = screen.queryByRole('toolbar');
  if (!toolbar) return [];
  return within(toolbar)
    .getAllByRole('button')
    .map(
      (button) =>
        byKey.get(button.getAttribute('aria-keyshortcuts')?.replace('Alt+', '') ?? '') as WorkflowAction,
    );
}

const actOf = (core: ClientCore) => core.complaints.act as ReturnType<typeof vi.fn>;

describe('ActionPanel', () => {
  it('offers an officer only what every role may do on a new complaint', () => {
    renderPanel('new', 'officer');
    expect(offered().sort()).toEqual(['note']);
  });

  it('offers a supervisor the supervisor actions of a new complaint', () => {
    renderPanel('new', 'supervisor');
    expect(offered().sort()).toEqual(
      [
        'archive',
        'change-privacy',
        'correct',
        'hold',
        'not-our-authority',
        'note',
        'record-lapor',
        'verify',
      ].sort(),
    );
  });

  it('offers a closed complaint only reopening (supervisor), satisfaction and notes', () => {
    renderPanel('closed', 'officer');
    expect(offered().sort()).toEqual(['note', 'record-satisfaction']);
    cleanup();
    renderPanel('closed', 'manager');
    expect(offered()).toContain('reopen');
    expect(offered()).not.toContain('verify');
  });

  it('opens a form on Alt+letter and sends the action to the core', async () => {
    const { core, state, user } = renderPanel('new', 'officer');
    await user.keyboard('{Alt>}c{/Alt}');
    const form = await screen.findByRole('form');
    await user.type(within(form).getAllByRole('textbox')[0] as HTMLElement, 'Pelapor menelepon lagi.');
    await user.click(within(form).getAllByRole('button')[0] as HTMLElement);
    await waitFor(() => expect(actOf(core)).toHaveBeenCalledTimes(1));
    const [sentState, action] = actOf(core).mock.calls[0] as [unknown, WorkflowAction];
    expect(sentState).toBe(state);
    expect(action).toBe('note');
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
  });

  it('lists a refusal and keeps the form open', async () => {
    const { core, user } = renderPanel('new', 'supervisor', () =>
      Promise.resolve({
        ok: false,
        issues: [{ path: 'reason', key: 'validation.required' }],
      }),
    );
    await user.click(screen.getByRole('button', { name: /Alt\+T/ }));
    const form = await screen.findByRole('form');
    await user.click(within(form).getAllByRole('button')[0] as HTMLElement);
    await waitFor(() => expect(actOf(core)).toHaveBeenCalledTimes(1));
    expect(await within(form).findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('form')).toBeTruthy();
  });

  it("explains an action refused for the officer's role when its shortcut is pressed", async () => {
    const { core, user } = renderPanel('new', 'officer');
    await user.keyboard('{Alt>}v{/Alt}');
    expect((await screen.findByTestId('action-refused')).textContent).toBe(
      'Verifikasi perlu peran Supervisor/verifikator; Anda masuk sebagai Petugas.',
    );
    expect(screen.queryByRole('form')).toBeNull();
    expect(actOf(core)).not.toHaveBeenCalled();
    // An action the role may take clears the explanation.
    await user.keyboard('{Alt>}c{/Alt}');
    await screen.findByRole('form');
    expect(screen.queryByTestId('action-refused')).toBeNull();
  });

  it('explains the refusal also when the role may take nothing here', async () => {
    const { user } = renderPanel('closed', 'officer');
    await user.keyboard('{Alt>}' + ACTION_KEYS.reopen + '{/Alt}');
    expect((await screen.findByTestId('action-refused')).textContent).toContain('Buka kembali perlu peran');
  });

  it('offers the linked complaints when archiving as a duplicate', async () => {
    const core = fakeCore({ complaints: { act: vi.fn(() => Promise.resolve({ ok: true as const })) } });
    core.store.getState().openDesk({
      device: { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' },
      officer: { id: 'officer-1', name: 'Sari', role: 'supervisor', createdAt: '2026-01-05T01:00:00.000Z' },
    });
    const desk = deskIn('new');
    const earlier = intake(7);
    const link = decideLink(desk.state, reduceComplaint(earlier.complaint, [earlier.received]), SUPERVISOR, {
      at: new Date('2026-11-24T01:00:00.000Z'),
      eventSequences: [601, 602],
    });
    if (link.outcome !== 'linked') throw new Error(link.outcome);
    const state = desk.reduceWith(...link.events);
    render(withCore(core, <ActionPanel state={state} offices={[]} />));
    const user = userEvent.setup();
    await user.keyboard('{Alt>}a{/Alt}');
    const form = await screen.findByRole('form');
    await user.selectOptions(within(form).getByLabelText(/Alasan/), 'duplicate');
    const duplicateOf = document.getElementById('field-action-duplicateOf') as HTMLInputElement;
    const options = document
      .getElementById(duplicateOf.getAttribute('list') ?? '')
      ?.querySelectorAll('option');
    expect(Array.from(options ?? [], (option) => option.value)).toEqual([earlier.complaint.trackingNumber]);
  });

  it("preselects the intake's target office in a disposition when it is one of the unit's offices", async () => {
    const pick = async (targetOffice: string): Promise<string> => {
      const core = fakeCore({ complaints: { act: vi.fn(() => Promise.resolve({ ok: true } as const)) } });
      core.store.getState().openDesk({
        device: { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' },
        officer: { id: 'officer-1', name: 'Sari', role: 'supervisor', createdAt: '2026-01-05T01:00:00.000Z' },
      });
      const { state } = deskIn('verified without office');
      const withTarget = { ...state, current: { ...state.current, targetOffice } };
      render(
        withCore(core, <ActionPanel state={withTarget} offices={['Dinas Kesehatan', 'Puskesmas Kota']} />),
      );
      await userEvent.setup().keyboard('{Alt>}' + ACTION_KEYS.dispose + '{/Alt}');
      const office = await screen.findByRole<HTMLSelectElement>('combobox', { name: /Kantor/ });
      const value = office.value;
      cleanup();
      return value;
    };
    expect(await pick('puskesmas kota ')).toBe('Puskesmas Kota');
    expect(await pick('Kantor Camat')).toBe(''); // not in the list: the officer chooses
    expect(await pick('')).toBe('');
  });
});
