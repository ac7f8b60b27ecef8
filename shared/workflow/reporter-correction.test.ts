/**
 * Correcting the reporter document: who may, the intake rules for the new values, the event that
 * names the changed fields and never their values, its schema, and the reducer leaving the
 * complaint's state as it was apart from the trail.
 */
import { describe, expect, it } from 'vitest';
import type { ReporterDoc } from '../complaint/complaint-schema';
import { buildIntakeDocuments } from '../complaint/intake-documents';
import { isReporterFieldList } from '../complaint/reporter-fields';
import type { PrivacyMode } from '../complaint/vocabulary';
import { resealed } from '../ids/content-id.fixtures';
import { reduceComplaint } from './complaint-state';
import { eventDocSchema, reporterCorrectedEventSchema, type EventDoc } from './events';
import {
  blankReporterDoc,
  decideReporterCorrection,
  mayCorrectReporter,
  reporterCorrectionRefusal,
  type ReporterChanges,
} from './reporter-correction';
import { ROLES, type Role } from './roles';
import { INTAKE_INPUT, RECEIVED_AT, RECEIVED_DATE, actorOf, clockAt, sampleEvent } from './workflow.fixtures';

function intakeOf(privacyMode: PrivacyMode) {
  return buildIntakeDocuments(
    {
      ...INTAKE_INPUT,
      privacyMode,
      reporter:
        privacyMode === 'anonymous'
          ? { name: '', nik: '', phone: '', email: '', address: '' }
          : { name: 'Siti Aminah', nik: '', phone: '0812-3456-7890', email: '', address: 'Jl. Melati 7' },
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
}

const named = intakeOf('named');
const namedReporter: ReporterDoc = { ...(named.reporter as ReporterDoc), _rev: '1-abc' };

function correct(
  changes: unknown,
  role: Role = 'supervisor',
  documents: ReturnType<typeof intakeOf> = named,
  reporter: ReporterDoc | null = documents.reporter ? { ...documents.reporter, _rev: '1-abc' } : null,
  events: readonly EventDoc[] = [documents.received],
) {
  const state = reduceComplaint(documents.complaint, events);
  return decideReporterCorrection(state, reporter, changes, actorOf(role), clockAt(1));
}

describe('who may correct the reporter', () => {
  it('supervisors and managers, of a named or confidential complaint; never officers, never anonymous', () => {
    for (const role of ROLES) {
      expect(mayCorrectReporter(role, 'named'), role).toBe(role !== 'officer');
      expect(mayCorrectReporter(role, 'confidential'), role).toBe(role !== 'officer');
      expect(reporterCorrectionRefusal(role, 'anonymous')?.key).toBe('workflow.reporter.anonymous');
    }
    expect(reporterCorrectionRefusal('officer', 'named')?.key).toBe('workflow.reporter.role');
  });

  it('refuses an officer and writes nothing', () => {
    expect(correct({ phone: '0813-1111-2222' }, 'officer')).toEqual({
      outcome: 'refused',
      issues: [{ path: '', key: 'workflow.reporter.role' }],
    });
  });

  it('refuses an anonymous complaint, and a complaint whose reporter this device does not hold', () => {
    const anonymous = intakeOf('anonymous');
    expect(correct({ name: 'X' }, 'manager', anonymous, null)).toMatchObject({
      outcome: 'refused',
      issues: [{ key: 'workflow.reporter.anonymous' }],
    });
    expect(correct({ name: 'X' }, 'manager', named, null)).toMatchObject({
      outcome: 'refused',
      issues: [{ key: 'workflow.reporter.missing' }],
    });
  });
});

describe('the new values', () => {
  it.each<[string, ReporterChanges, string, string]>([
    ['a blank name', { name: '  ' }, 'name', 'validation.reporter.nameRequired'],
    ['a NIK of 15 digits', { nik: '320101234567890' }, 'nik', 'validation.reporter.nikInvalid'],
    ['a bad phone', { phone: '12' }, 'phone', 'validation.reporter.phoneInvalid'],
    ['a bad e-mail', { email: 'siti@' }, 'email', 'validation.reporter.emailInvalid'],
    [
      'no way left to reach the complainant',
      { phone: '', address: '' },
      'phone',
      'validation.reporter.contactRequired',
    ],
  ])('follow the intake rules: %s is refused', (_label, changes, path, key) => {
    expect(correct(changes)).toEqual({ outcome: 'refused', issues: [{ path, key }] });
  });

  it('are trimmed, and a NIK pasted in groups is stored as its 16 digits', () => {
    const decision = correct({ nik: ' 3201 0123.4567-8901 ', email: ' siti@contoh.go.id ' });
    expect(decision.outcome).toBe('corrected');
    if (decision.outcome !== 'corrected') return;
    expect(decision.reporter).toMatchObject({ nik: '3201012345678901', email: 'siti@contoh.go.id' });
    expect(decision.fields).toEqual(['nik', 'email']);
  });

  it('unchanged values (after trimming) write nothing', () => {
    expect(correct({ name: ' Siti Aminah ', phone: '0812-3456-7890' })).toEqual({ outcome: 'unchanged' });
    expect(correct({})).toEqual({ outcome: 'unchanged' });
  });
});

describe('recording the identity anew', () => {
  it('starts from an empty document of the complaint, named or confidential now; none while anonymous', () => {
    const anonymous = intakeOf('anonymous');
    const state = reduceComplaint(anonymous.complaint, [anonymous.received]);
    expect(blankReporterDoc(state, 'KBM')).toBeNull();
    const identified = { ...state, privacyMode: 'confidential' as const };
    const blank = blankReporterDoc(identified, 'KBM');
    expect(blank).toMatchObject({
      _id: `reporter:${state.trackingNumber}`,
      privacyMode: 'confidential',
      name: '',
    });
    const decision = decideReporterCorrection(
      identified,
      blank,
      { name: 'Siti Aminah', email: 'siti@contoh.go.id' },
      actorOf('supervisor'),
      clockAt(1),
    );
    expect(decision).toMatchObject({ outcome: 'corrected', fields: ['name', 'email'] });
    expect(decision.outcome === 'corrected' ? decision.reporter._rev : 'x').toBeUndefined();
  });
});

describe('a correction', () => {
  const decision = correct({ phone: '0813-1111-2222', address: 'Jl. Kenanga 12', name: 'Siti Aminah' });
  if (decision.outcome !== 'corrected') throw new Error(JSON.stringify(decision));
  const { reporter, event, fields } = decision;

  it('keeps the reporter document (id, revision, mode) with the new values, written by the correcting desk', () => {
    // Intake on X7Q by o1; the correction is the supervisor's on device A23 (the central checks the device).
    expect(namedReporter.lastChangedBy).toEqual({ device: 'X7Q', officer: 'o1' });
    expect(reporter).toEqual({
      ...namedReporter,
      phone: '0813-1111-2222',
      address: 'Jl. Kenanga 12',
      lastChangedBy: { device: 'A23', officer: 'supervisor-1' },
    });
  });

  it('names the changed fields in their order, never their values', () => {
    expect(fields).toEqual(['phone', 'address']);
    expect(event).toMatchObject({ kind: 'reporter-corrected', fields: ['phone', 'address'] });
    expect(event.by).toEqual({ officerId: 'supervisor-1', name: 'Budi' });
    const text = JSON.stringify(event);
    for (const value of ['0813-1111-2222', 'Kenanga', 'Siti', '0812-3456-7890', 'Melati']) {
      expect(text).not.toContain(value);
    }
    expect(eventDocSchema.parse(event)).toEqual(event);
  });

  it('is allowed in every status and changes nothing but the trail', () => {
    const archived = sampleEvent('archive', undefined, 100, named);
    for (const before of [[named.received], [named.received, archived]]) {
      const withoutCorrection = reduceComplaint(named.complaint, before);
      const later = correct({ phone: '0813-1111-2222' }, 'manager', named, namedReporter, before);
      if (later.outcome !== 'corrected') throw new Error(JSON.stringify(later));
      const after = reduceComplaint(named.complaint, [...before, later.event]);
      const entry = after.trail.at(-1);
      expect(entry).toMatchObject({
        kind: 'reporter-corrected',
        applied: true,
        details: { fields: ['phone'] },
      });
      const { trail: _t, eventCount: _c, lastEventAt: _l, ...rest } = after;
      const { trail: _bt, eventCount: _bc, lastEventAt: _bl, ...restBefore } = withoutCorrection;
      expect(rest).toEqual(restBefore);
      expect(after.eventCount).toBe(withoutCorrection.eventCount + 1);
    }
  });
});

describe('the reporter-corrected schema', () => {
  const decision = correct({ phone: '0813-1111-2222' });
  if (decision.outcome !== 'corrected') throw new Error(JSON.stringify(decision));
  const refuses = (fields: unknown): boolean =>
    !reporterCorrectedEventSchema.safeParse(resealed({ ...decision.event, fields })).success;

  it('takes a non-empty list of field names, each once, in their order', () => {
    expect(refuses(['name', 'nik', 'phone', 'email', 'address'])).toBe(false);
    expect(refuses(['email'])).toBe(false);
    for (const fields of [
      [],
      ['phone', 'phone'],
      ['address', 'phone'],
      ['0813-1111-2222'],
      ['religion'],
      'phone',
    ]) {
      expect(refuses(fields), JSON.stringify(fields)).toBe(true);
    }
    expect(isReporterFieldList(['nik', 'address'])).toBe(true);
    expect(isReporterFieldList([])).toBe(false);
  });

  it('carries no other field (a value cannot ride along)', () => {
    expect(
      reporterCorrectedEventSchema.safeParse(resealed({ ...decision.event, phone: '0813-1111-2222' }))
        .success,
    ).toBe(false);
  });
});
