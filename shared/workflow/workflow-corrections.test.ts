/**
 * Corrections (an overlay on the complaint, which is never changed) and privacy changes.
 */
import { describe, expect, it } from 'vitest';
import { Desk, MANAGER, SUPERVISOR, intake } from './workflow.fixtures';

describe('corrections', () => {
  it('overlay the current title, record the old value and leave the complaint document untouched', () => {
    const desk = new Desk();
    const original = structuredClone(desk.complaint);
    const first = desk.act('correct', { field: 'title', newValue: 'Antrean poli umum', reason: 'Ringkas' });
    expect(first).toMatchObject({ oldValue: 'Antrean puskesmas', newValue: 'Antrean poli umum' });
    const second = desk.act('correct', {
      field: 'title',
      newValue: 'Antrean poli gigi',
      reason: 'Salah poli',
    });
    expect(second).toMatchObject({ oldValue: 'Antrean poli umum', newValue: 'Antrean poli gigi' });
    desk.act('correct', { field: 'incidentDate', newValue: '21/11/2026', reason: 'Salah tanggal' });
    desk.act('correct', { field: 'reportType', newValue: 'aspiration', reason: 'Salah jenis' });
    expect(desk.state.current).toMatchObject({
      title: 'Antrean poli gigi',
      incidentDate: '2026-11-21',
      reportType: 'aspiration',
    });
    expect(desk.state.corrections).toEqual({
      title: 'Antrean poli gigi',
      incidentDate: '2026-11-21',
      reportType: 'aspiration',
    });
    expect(desk.complaint).toEqual(original);
    expect(desk.complaint.title).toBe('Antrean puskesmas');
    expect(desk.state.status).toBe('new');
  });

  it('refuse an invalid or unchanged new value, and write nothing', () => {
    const desk = new Desk();
    const cases: ReadonlyArray<readonly [Record<string, string>, string]> = [
      [{ field: 'title', newValue: '  ' }, 'validation.title.required'],
      [{ field: 'title', newValue: 'x'.repeat(151) }, 'validation.title.tooLong'],
      [{ field: 'title', newValue: 'Antrean puskesmas' }, 'workflow.correct.unchanged'],
      [{ field: 'incidentDate', newValue: '2026-11-24' }, 'validation.incidentDate.future'],
      [{ field: 'incidentDate', newValue: '31/02/2026' }, 'validation.incidentDate.invalid'],
      [{ field: 'channel', newValue: 'pigeon' }, 'validation.channel.unknown'],
      [{ field: 'category', newValue: '' }, 'validation.category.required'],
    ];
    for (const [input, key] of cases) {
      const decision = desk.attempt('correct', { ...input, reason: 'Koreksi' });
      expect(decision, key).toMatchObject({ ok: false, issues: [{ path: 'newValue', key }] });
    }
    expect(desk.events).toHaveLength(1);
    expect(desk.state.corrections).toEqual({});
  });
});

describe('privacy change', () => {
  it('to anonymous records that the identity was deleted', () => {
    const desk = new Desk();
    const event = desk.act('change-privacy', { to: 'anonymous', reason: 'Permintaan pelapor' }, SUPERVISOR);
    expect(event).toMatchObject({ from: 'confidential', to: 'anonymous', identityDeleted: true });
    expect(desk.state.privacyMode).toBe('anonymous');
    expect(desk.state.trail.at(-1)?.details).toEqual({
      from: 'confidential',
      to: 'anonymous',
      reason: 'Permintaan pelapor',
      identityDeleted: true,
    });
  });

  it('to another mode keeps the identity, and the same mode is refused', () => {
    const desk = new Desk(intake(7, 'named'));
    expect(desk.attempt('change-privacy', { to: 'named', reason: 'x' })).toMatchObject({
      ok: false,
      issues: [{ path: 'to', key: 'workflow.privacy.sameMode' }],
    });
    const event = desk.act(
      'change-privacy',
      { to: 'confidential', reason: 'x', identityDeleted: true },
      MANAGER,
    );
    expect(event).toMatchObject({ from: 'named', to: 'confidential', identityDeleted: false });
    expect(desk.state.privacyMode).toBe('confidential');
  });
});
