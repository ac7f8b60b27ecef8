import { describe, expect, it } from 'vitest';
import { storedReporterDocSchema } from '../complaint/sealed-reporter';
import { packetDraftDocSchema } from '../couch/packet-draft-document';
import {
  intakeDocuments,
  packetDraftDoc,
  reporterCorrection,
  reporterOf,
  unitOfficesDoc,
  unitProfileDoc,
  unitSettingsDoc,
} from '../couch/documents.fixtures';
import { attributed, changedBySchema } from './changed-by';
import { unitProfileDocSchema } from './unit-profile';
import { unitOfficesDocSchema, unitSettingsDocSchema } from './unit-settings';

const BY = { device: 'B45', officer: 'officer-2' };

describe('lastChangedBy: who wrote a revision of a mutable document', () => {
  it('is a device code and an officer id, nothing else', () => {
    expect(changedBySchema.parse(BY)).toEqual(BY);
    for (const bad of [
      { device: 'b45', officer: 'officer-2' },
      { device: 'B4', officer: 'officer-2' },
      { device: 'B45', officer: '' },
      { device: 'B45' },
      { ...BY, name: 'Budi' },
    ]) {
      expect(changedBySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('attributed stamps a document as written by this device, replacing an earlier writer', () => {
    const stamped = attributed(unitSettingsDoc('KTB'), BY);
    expect(stamped.lastChangedBy).toEqual(BY);
    expect(stamped.updatedBy).toEqual(unitSettingsDoc('KTB').updatedBy);
    expect(() => attributed(unitSettingsDoc('KTB'), { device: 'nope', officer: 'officer-2' })).toThrow();
  });

  it('every mutable schema reads a revision from before it existed, and a well-formed one', () => {
    const cases = [
      [unitProfileDocSchema, unitProfileDoc('KTB')],
      [unitSettingsDocSchema, unitSettingsDoc('KTB')],
      [unitOfficesDocSchema, unitOfficesDoc('KTB')],
      [packetDraftDocSchema, packetDraftDoc('KTB')],
      [storedReporterDocSchema, reporterOf(intakeDocuments('KTB', 1, 'named'))],
    ] as const;
    for (const [schema, doc] of cases) {
      expect(schema.parse(doc).lastChangedBy).toEqual({ device: 'X7Q', officer: 'officer-1' });
      const { lastChangedBy: _by, ...old } = doc;
      expect(schema.safeParse(old).success).toBe(true);
      expect(schema.safeParse({ ...doc, lastChangedBy: { device: 'X7Q' } }).success).toBe(false);
    }
  });

  it('the reporter document names the intake device and officer, and a correction the correcting ones', () => {
    const intake = intakeDocuments('KTB', 1, 'named', { deviceCode: 'M4N' });
    expect(intake.reporter?.lastChangedBy).toEqual({ device: 'M4N', officer: 'officer-1' });
    // The fixtures' correction: the manager on device A23.
    expect(reporterCorrection(intake).reporter.lastChangedBy).toEqual({
      device: 'A23',
      officer: 'manager-1',
    });
  });
});
