// @vitest-environment happy-dom
/**
 * Pengaduan Baru with a fake client core: fields in the order an officer asks them, reached with
 * Tab; a refused save lists its problems and writes nothing; a valid one is saved through
 * `core.intake.save` (the core takes the sequence numbers) and opens the saved page.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type { ClientCore, IntakeSave, StoredIntakeDraft } from '../../core/client-core';
import { CHRONOLOGY_MAX } from '../../../shared/complaint/complaint-limits';
import { defaultUnitOffices } from '../../../shared/unit/unit-settings';
import { IntakeScreen } from './intake-screen';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

function setUp(
  save: (input: IntakeSave) => Promise<string>,
  kept: Partial<Pick<ClientCore['intake'], 'lastChannel' | 'draft'>> = {},
) {
  const core = fakeCore({
    intake: {
      lastChannel: () => Promise.resolve(undefined),
      draft: () => Promise.resolve(undefined),
      keepDraft: vi.fn(() => Promise.resolve(undefined)),
      discardDraft: vi.fn(() => Promise.resolve(undefined)),
      ...kept,
      save: vi.fn(save),
    },
  });
  core.store.getState().openDesk({
    device: { unitCode: 'KTB', deviceCode: 'A2C', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: { id: 'officer-1', name: 'Sari', role: 'officer', createdAt: '2026-01-05T01:00:00.000Z' },
  });
  const location = memoryLocation({ path: '/baru', record: true });
  render(
    withCore(
      core,
      <Router hook={location.hook}>
        <IntakeScreen />
      </Router>,
    ),
  );
  return { core, location, user: userEvent.setup() };
}

const saveOf = (core: ClientCore) => core.intake.save as ReturnType<typeof vi.fn>;

describe('IntakeScreen', () => {
  it('starts on the channel and tabs through the fields in the order they are asked', async () => {
    const { user } = setUp(() => Promise.resolve('complaint:x'));
    expect(document.activeElement?.id).toBe('field-channel');
    const order: string[] = [];
    for (let step = 0; step < 20; step += 1) {
      await user.tab();
      const active = document.activeElement as HTMLElement | null;
      if (!active || active.tagName === 'BUTTON') break;
      order.push(active.id);
    }
    const expected = [
      'field-reportType',
      'field-privacyMode',
      'field-reporter-name',
      'field-reporter-phone',
      'field-reporter-email',
      'field-reporter-address',
      'field-reporter-nik',
      'field-title',
      'field-chronology',
      'field-incidentDate',
      'field-location',
      'field-category',
      'field-targetOffice',
    ];
    expect(order.filter((id) => expected.includes(id))).toEqual(expected);
  });

  it('lists the problems of a refused save, focuses the first, and saves nothing', async () => {
    const { core, user } = setUp(() => Promise.resolve('complaint:x'));
    await user.keyboard('{Control>}{Enter}{/Control}');
    const summary = await screen.findByRole('alert');
    expect(summary.querySelectorAll('li').length).toBeGreaterThan(0);
    expect(summary.textContent).toMatch(/\S/);
    await waitFor(() => expect(document.activeElement?.id).toBe('field-reporter-name'));
    expect(saveOf(core)).not.toHaveBeenCalled();
  });

  it('saves a valid complaint through the core and opens the saved page', async () => {
    const { core, user, location } = setUp(() => Promise.resolve('complaint:2026-03-02T03:00:00.000Z:KTB-1'));
    await user.type(document.getElementById('field-reporter-name') as HTMLElement, 'Budi Santoso');
    await user.type(document.getElementById('field-reporter-phone') as HTMLElement, '081211112222');
    await user.type(document.getElementById('field-title') as HTMLElement, 'Jalan rusak');
    await user.type(
      document.getElementById('field-chronology') as HTMLElement,
      'Lubang besar di Jl. Melati.',
    );
    await user.type(document.getElementById('field-incidentDate') as HTMLElement, '01-03-2026');
    await user.selectOptions(document.getElementById('field-category') as HTMLElement, 'health');
    await user.click(screen.getByRole('button', { name: /Simpan/ }));
    await waitFor(() => expect(saveOf(core)).toHaveBeenCalledTimes(1));
    const [call] = saveOf(core).mock.calls[0] as [IntakeSave];
    expect(call.input).toMatchObject({
      channel: 'walk-in',
      title: 'Jalan rusak',
      reporter: { name: 'Budi Santoso' },
      incidentDate: '2026-03-01',
    });
    expect(call.files).toEqual([]);
    await waitFor(() => expect(location.history.at(-1)).toMatch(/^\/tersimpan\//));
  });

  it('says so when the channel is pre-filled from the last complaint, until the officer changes it', async () => {
    const { user } = setUp(() => Promise.resolve('complaint:x'), {
      lastChannel: () => Promise.resolve('phone'),
    });
    const channel = document.getElementById('field-channel') as HTMLSelectElement;
    await waitFor(() => expect(channel.value).toBe('phone'));
    expect(screen.getByText('Seperti pengaduan terakhir Anda.')).toBeTruthy();
    expect(channel.getAttribute('aria-describedby')).toBe('field-channel-hint');
    await user.selectOptions(channel, 'letter');
    expect(screen.queryByText('Seperti pengaduan terakhir Anda.')).toBeNull();
  });

  it('pre-fills nothing and says nothing when the officer has no last channel', async () => {
    setUp(() => Promise.resolve('complaint:x'));
    const channel = document.getElementById('field-channel') as HTMLSelectElement;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(channel.value).toBe('walk-in');
    expect(screen.queryByText('Seperti pengaduan terakhir Anda.')).toBeNull();
  });

  it('restores the kept draft with a visible line, names the files to pick again, and discards it', async () => {
    const kept: StoredIntakeDraft = {
      fields: {
        channel: 'letter',
        reportType: 'complaint',
        privacyMode: 'named',
        reporter: { name: 'Budi Santoso', nik: '', phone: '0812', email: '', address: '' },
        title: 'Jalan rusak',
        chronology: 'Lubang besar.',
        incidentDate: '01/03/2026',
        location: '',
        category: 'health',
        targetOffice: '',
      },
      fileNames: ['foto.jpg'],
      keptAt: '2026-03-02T03:00:00.000Z',
    };
    const { core, user } = setUp(() => Promise.resolve('complaint:x'), {
      lastChannel: () => Promise.resolve('phone'),
      draft: () => Promise.resolve(kept),
    });
    const line = await screen.findByTestId('draft-restored');
    expect(line.textContent).toContain('Draf dipulihkan');
    expect(line.textContent).toContain('foto.jpg');
    expect((document.getElementById('field-title') as HTMLInputElement).value).toBe('Jalan rusak');
    expect((document.getElementById('field-channel') as HTMLSelectElement).value).toBe('letter');
    expect(screen.queryByText('Seperti pengaduan terakhir Anda.')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Buang draf' }));
    await waitFor(() => expect(screen.queryByTestId('draft-restored')).toBeNull());
    expect(core.intake.discardDraft).toHaveBeenCalledWith('officer-1');
    expect((document.getElementById('field-title') as HTMLInputElement).value).toBe('');
    expect((document.getElementById('field-reporter-name') as HTMLInputElement).value).toBe('');
    expect((document.getElementById('field-channel') as HTMLSelectElement).value).toBe('phone');
  });

  it('says when the earlier draft did not open and was set aside, and restores nothing of it', async () => {
    for (const [reason, said] of [
      ['unreadable', 'tidak dapat dibuka'],
      ['no-key', 'versi kunci unit'],
    ] as const) {
      setUp(() => Promise.resolve('complaint:x'), {
        draft: () => Promise.resolve({ setAside: reason, keptAt: '2026-03-02T03:00:00.000Z' }),
      });
      const line = await screen.findByTestId('draft-set-aside');
      expect(line.textContent).toContain(said);
      expect(screen.queryByTestId('draft-restored')).toBeNull();
      expect((document.getElementById('field-title') as HTMLInputElement).value).toBe('');
      cleanup();
    }
  });

  it('keeps what is typed for the officer at the desk, and writes it at once when the form is left', async () => {
    const { core, user } = setUp(() => Promise.resolve('complaint:x'));
    await user.type(document.getElementById('field-title') as HTMLElement, 'Antre');
    const keep = core.intake.keepDraft as ReturnType<typeof vi.fn>;
    await waitFor(() => expect(keep).toHaveBeenCalled());
    expect(keep.mock.lastCall?.[0]).toBe('officer-1');
    expect(keep.mock.lastCall?.[1]).toMatchObject({ title: 'Antre', channel: 'walk-in' });
    keep.mockClear();
    await user.type(document.getElementById('field-location') as HTMLElement, 'Pasar');
    cleanup(); // leaving the screen before the pause is over
    expect(keep).toHaveBeenCalledTimes(1);
    expect(keep.mock.lastCall?.[1]).toMatchObject({ title: 'Antre', location: 'Pasar' });
  });

  it('never cuts a long chronology: counts from 80 % of the limit, says when it is over and refuses to save', async () => {
    const { core, user } = setUp(() => Promise.resolve('complaint:x'));
    const chronology = document.getElementById('field-chronology') as HTMLTextAreaElement;
    expect(chronology.hasAttribute('maxlength')).toBe(false);
    expect(CHRONOLOGY_MAX).toBe(50_000);
    await user.click(chronology);
    await user.paste('a'.repeat(39_999));
    expect(document.getElementById('field-chronology-hint')).toBeNull();
    await user.paste('a');
    expect(document.getElementById('field-chronology-hint')?.textContent).toBe('40.000 dari 50.000 karakter');
    expect(document.getElementById('field-chronology-warning')).toBeNull();

    await user.paste('b'.repeat(10_001)); // one character over: nothing is cut
    expect(chronology.value).toHaveLength(CHRONOLOGY_MAX + 1);
    expect(document.getElementById('field-chronology-hint')?.textContent).toBe('50.001 dari 50.000 karakter');
    expect(document.getElementById('field-chronology-warning')?.textContent).toContain(
      'Kronologi terlalu panjang, maksimal 50.000 karakter.',
    );
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(document.getElementById('field-chronology-error')?.textContent).toContain(
        'Kronologi terlalu panjang',
      ),
    );
    expect(document.getElementById('field-chronology-warning')).toBeNull();
    expect(chronology.value).toHaveLength(CHRONOLOGY_MAX + 1);
    expect(saveOf(core)).not.toHaveBeenCalled();
  });

  it('does not cut a pasted title or location either', async () => {
    const { user } = setUp(() => Promise.resolve('complaint:x'));
    const title = document.getElementById('field-title') as HTMLInputElement;
    expect(title.hasAttribute('maxlength')).toBe(false);
    await user.click(title);
    await user.paste('j'.repeat(151));
    expect(title.value).toHaveLength(151);
    expect(document.getElementById('field-title-warning')?.textContent).toContain('maksimal 150 karakter');
    const location = document.getElementById('field-location') as HTMLInputElement;
    expect(location.hasAttribute('maxlength')).toBe(false);
  });

  it("offers the unit's active offices for the target office, and still takes another name", async () => {
    const { core, user } = setUp(() => Promise.resolve('complaint:x'));
    const field = document.getElementById('field-targetOffice') as HTMLInputElement;
    expect(field.getAttribute('list')).toBeNull(); // no office list yet: plain text
    act(() => {
      core.store.getState().setUnitDocs({
        unitOffices: {
          ...defaultUnitOffices('KTB', new Date('2026-03-01T00:00:00Z'), {
            officerId: 'officer-1',
            name: 'Sari',
          }),
          offices: [
            { code: 'dinkes', name: 'Dinas Kesehatan', active: true },
            { code: 'pkm', name: 'Puskesmas Kota', active: true },
            { code: 'lama', name: 'Kantor Lama', active: false },
          ],
        },
      });
    });
    const listId = field.getAttribute('list') ?? '';
    const options = Array.from(document.getElementById(listId)?.querySelectorAll('option') ?? []);
    expect(options.map((option) => option.value)).toEqual(['Dinas Kesehatan', 'Puskesmas Kota']);
    await user.type(field, 'Kantor Camat Utara');
    expect(field.value).toBe('Kantor Camat Utara');
  });

  it('keeps naming the files of a restored draft until they are picked again', async () => {
    const kept: StoredIntakeDraft = {
      fields: {
        channel: 'walk-in',
        reportType: 'complaint',
        privacyMode: 'anonymous',
        reporter: { name: '', nik: '', phone: '', email: '', address: '' },
        title: 'Pungli',
        chronology: '',
        incidentDate: '',
        location: '',
        category: '',
        targetOffice: '',
      },
      fileNames: ['foto.jpg', 'surat.pdf'],
      keptAt: '2026-03-02T03:00:00.000Z',
    };
    const { core, user } = setUp(() => Promise.resolve('complaint:x'), {
      draft: () => Promise.resolve(kept),
    });
    const line = await screen.findByTestId('draft-restored');
    const keep = core.intake.keepDraft as ReturnType<typeof vi.fn>;
    await user.type(document.getElementById('field-title') as HTMLElement, ' di loket');
    await waitFor(() => expect(keep.mock.lastCall?.[1]).toMatchObject({ title: 'Pungli di loket' }));
    expect(keep.mock.lastCall?.[2]).toEqual(['foto.jpg', 'surat.pdf']);

    const picker = document.getElementById('field-attachments') as HTMLInputElement;
    await user.upload(picker, new File(['%PDF-1.4'], 'surat.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(keep.mock.lastCall?.[2]).toEqual(['surat.pdf', 'foto.jpg']));
    expect(line.textContent).toContain('foto.jpg');
    expect(line.textContent).not.toContain('surat.pdf');
  });
});
