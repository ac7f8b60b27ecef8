/**
 * The backup's allow-list by id: what a backup holds, and what it never holds (design and local
 * documents, anything the list does not name).
 */
import { describe, expect, it } from 'vitest';
import { nationalCalendarId } from '../calendar/national-calendar';
import { UNIT_KEY_RECOVERY_ID } from '../crypto/unit-key-recovery-document';
import { backupKindOf, isBackedUp } from './backup-documents';

describe('the backup allow-list', () => {
  it.each([
    ['complaint:2026-12-01T01:00:00.000Z:KBM-261201-A7K-0001:ab', 'complaint'],
    ['reporter:KBM-261201-A7K-0001', 'reporter'],
    ['unit-settings', 'unit-settings'],
    ['unit-key:1', 'unit-key'],
    [UNIT_KEY_RECOVERY_ID, 'unit-key-recovery'],
    [nationalCalendarId(2027), 'national-calendar'],
  ])('holds %s as %s', (id, kind) => {
    expect(backupKindOf(id)).toBe(kind);
    expect(isBackedUp(id)).toBe(true);
  });

  it.each(['_design/meja-aduan', '_local/checkpoint', 'unknown:1', 'unit-settings-old'])(
    'never holds %s',
    (id) => {
      expect(isBackedUp(id)).toBe(false);
    },
  );
});
