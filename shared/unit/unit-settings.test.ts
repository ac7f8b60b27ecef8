import { describe, expect, it } from 'vitest';
import { allHolidays, type HolidayInput } from '../calendar/holiday-list';
import { DEFAULT_HOLIDAYS } from '../calendar/indonesian-holidays';
import { createWorkingCalendar } from '../calendar/working-calendar';
import { SETTINGS_MESSAGES } from '../messages/settings-messages';
import { formatMessage, type ValidationIssue } from '../messages/validation-messages';
import { DEFAULT_DEADLINES, DEFAULT_SLA_RULES } from '../sla/deadline-settings';
import {
  OFFICE_NAME_MAX,
  applyIdleLock,
  applyOffices,
  applySettings,
  defaultUnitOffices,
  defaultUnitSettings,
  unitOfficesDocSchema,
  unitSettingsDocSchema,
  validateIdleLockInput,
  validateRetentionInput,
  applyIdentityRetention,
  applyDeviceBudget,
  validateDeviceBudgetInput,
  validateOfficesInput,
  validateSettingsInput,
  type OfficeInput,
  type SettingsInput,
} from './unit-settings';

const created = new Date('2026-11-23T03:00:00.000Z');
const saved = new Date('2026-11-24T04:05:06.789Z');
const manager = { officerId: 'o1', name: 'Rina' };
const other = { officerId: 'o2', name: 'Sari' };
const doc = defaultUnitSettings('KBM', 'Asia/Makassar', created, manager);

/** Every problem's key exists in settings-messages in both languages, with its placeholders filled. */
function expectReadableMessages(issues: readonly ValidationIssue[]): void {
  for (const found of issues) {
    expect(SETTINGS_MESSAGES, found.key).toHaveProperty([found.key]);
    for (const lang of ['id', 'en'] as const)
      expect(formatMessage(found.key, lang, found.params)).not.toMatch(/\{\{|^$/);
  }
}

/** The unit's stored list for a year, as an editable form list. */
const listOf = (year: string): HolidayInput[] => [...(doc.holidays[year] ?? [])];

const form = (over: Partial<SettingsInput> = {}): SettingsInput => ({
  timeZone: 'Asia/Jayapura',
  deadlines: { ...DEFAULT_DEADLINES, verifyWorkingDays: '2', followUpWorkingDays: ' 7 ' },
  rules: { autoCloseAfterReplyWindow: false, respondWithin14Days: true },
  holidays: {
    '2026': [{ date: '2026-12-01', name: { id: 'Hari Jadi Kabupaten', en: '' }, kind: 'national-holiday' }],
  },
  ...over,
});

describe('defaultUnitSettings', () => {
  it('seeds the time zone, the default deadlines and rules, and the default holidays', () => {
    expect(doc).toMatchObject({
      _id: 'unit-settings',
      type: 'unit-settings',
      schemaVersion: 1,
      unitCode: 'KBM',
      timeZone: 'Asia/Makassar',
      deadlines: DEFAULT_DEADLINES,
      rules: { autoCloseAfterReplyWindow: true, respondWithin14Days: false },
      updatedAt: '2026-11-23T03:00:00.000Z',
      updatedBy: manager,
    });
    expect(doc.holidays).toEqual({ '2026': DEFAULT_HOLIDAYS[2026], '2027': DEFAULT_HOLIDAYS[2027] });
    expect(unitSettingsDocSchema.safeParse(doc).success).toBe(true);
  });

  it('copies what it seeds, so editing a unit never touches the defaults', () => {
    expect(doc.holidays['2026']).not.toBe(DEFAULT_HOLIDAYS[2026]);
    expect(doc.holidays['2026']?.[0]?.name).not.toBe(DEFAULT_HOLIDAYS[2026]?.[0]?.name);
    expect(doc.deadlines).not.toBe(DEFAULT_DEADLINES);
    expect(doc.rules).not.toBe(DEFAULT_SLA_RULES);
    expect(doc.updatedBy).not.toBe(manager);
  });
});

describe('validateSettingsInput', () => {
  it('accepts a filled form, reading text numbers and cleaning holidays', () => {
    expect(validateSettingsInput(form())).toEqual({
      ok: true,
      value: {
        timeZone: 'Asia/Jayapura',
        deadlines: { ...DEFAULT_DEADLINES, verifyWorkingDays: 2, followUpWorkingDays: 7 },
        rules: { autoCloseAfterReplyWindow: false, respondWithin14Days: true },
        holidays: {
          '2026': [
            {
              date: '2026-12-01',
              name: { id: 'Hari Jadi Kabupaten', en: 'Hari Jadi Kabupaten' },
              kind: 'national-holiday',
            },
          ],
        },
      },
    });
  });

  it('accepts each Indonesian time zone and nothing else', () => {
    for (const timeZone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']) {
      expect(validateSettingsInput(form({ timeZone })).ok).toBe(true);
    }
    for (const timeZone of ['WIB', 'Europe/Berlin', 'asia/jakarta', '']) {
      expect(validateSettingsInput(form({ timeZone }))).toEqual({
        ok: false,
        issues: [{ path: 'timeZone', key: 'unitSettings.timeZone.unknown' }],
      });
    }
  });

  it('reports every problem at once, in form order, with readable messages', () => {
    const result = validateSettingsInput(
      form({
        timeZone: 'UTC',
        deadlines: { ...DEFAULT_DEADLINES, verifyWorkingDays: 'abc', dueSoonWorkingDays: '999' },
        rules: {
          autoCloseAfterReplyWindow: 'on',
          respondWithin14Days: false,
        } as unknown as SettingsInput['rules'],
        holidays: { '2026': [{ date: '2026-12-01', name: { id: ' ' }, kind: 'national-holiday' }], '99': [] },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path, i.key])).toEqual([
      ['timeZone', 'unitSettings.timeZone.unknown'],
      ['deadlines.verifyWorkingDays', 'unitSettings.deadline.notWholeNumber'],
      ['deadlines.dueSoonWorkingDays', 'unitSettings.deadline.outOfRange'],
      ['rules.autoCloseAfterReplyWindow', 'unitSettings.rule.invalid'],
      ['holidays.99', 'unitSettings.holiday.yearInvalid'],
      ['holidays.2026.0.name.id', 'unitSettings.holiday.nameRequired'],
    ]);
    expectReadableMessages(result.issues);
  });
});

describe('applySettings and the calendar of the unit', () => {
  it('saves the valid form onto the document, stamping who and when', () => {
    const valid = validateSettingsInput(form());
    if (!valid.ok) throw new Error('expected a valid form');
    const next = applySettings({ ...doc, _rev: '1-abc' }, valid.value, saved, other);
    expect(next).toEqual({
      ...doc,
      _rev: '1-abc',
      ...valid.value,
      updatedAt: '2026-11-24T04:05:06.789Z',
      updatedBy: other,
    });
    expect(unitSettingsDocSchema.safeParse(next).success).toBe(true);
  });

  it("uses the unit's own lists per year: removed days work, added days and years do not", () => {
    const y2026 = listOf('2026').filter((h) => h.date !== '2026-12-24'); // this unit works on 24 Dec
    y2026.push({ date: '2026-12-01', name: { id: 'Hari Jadi Kabupaten' }, kind: 'national-holiday' });
    const holidays = {
      '2026': y2026,
      '2027': listOf('2027'),
      '2028': [{ date: '2028-01-03', name: { id: 'Libur daerah (contoh)' }, kind: 'collective-leave' }],
    };
    const valid = validateSettingsInput(form({ holidays }));
    if (!valid.ok) throw new Error(JSON.stringify(valid.issues));
    const calendar = createWorkingCalendar(
      allHolidays(applySettings(doc, valid.value, saved, other).holidays),
    );
    expect(calendar.isWorkingDay('2026-12-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-12-01')).toBe(false);
    expect(calendar.isWorkingDay('2028-01-03')).toBe(false);
    // Wed 23 Dec + 3: Thu 24 (1), Fri 25 Christmas, weekend, Mon 28 (2), Tue 29 (3).
    expect(calendar.addWorkingDays('2026-12-23', 3)).toBe('2026-12-29');
  });

  it('replaces the defaults: a year left out of the saved lists has no holidays at all', () => {
    const valid = validateSettingsInput(form({ holidays: { '2026': listOf('2026') } }));
    if (!valid.ok) throw new Error('expected a valid form');
    const calendar = createWorkingCalendar(
      allHolidays(applySettings(doc, valid.value, saved, other).holidays),
    );
    expect(calendar.isWorkingDay('2026-12-25')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-05')).toBe(true); // the 2027 estimate is gone with its list
  });
});

describe('offices', () => {
  const offices: OfficeInput[] = [
    { code: ' dinkes ', name: '  Dinas   Kesehatan ', active: true },
    { code: 'dinas-pu', name: 'Dinas Pekerjaan Umum', active: false },
  ];

  it('start empty, as a valid document', () => {
    const empty = defaultUnitOffices('KBM', created, manager);
    expect(empty).toEqual({
      _id: 'unit-offices',
      type: 'unit-offices',
      schemaVersion: 1,
      unitCode: 'KBM',
      offices: [],
      updatedAt: '2026-11-23T03:00:00.000Z',
      updatedBy: manager,
    });
    expect(unitOfficesDocSchema.safeParse(empty).success).toBe(true);
  });

  it('are trimmed, inner spaces collapsed, and saved with who and when', () => {
    const result = validateOfficesInput(offices);
    expect(result).toEqual({
      ok: true,
      value: [
        { code: 'dinkes', name: 'Dinas Kesehatan', active: true },
        { code: 'dinas-pu', name: 'Dinas Pekerjaan Umum', active: false },
      ],
    });
    if (!result.ok) return;
    const next = applyOffices(defaultUnitOffices('KBM', created, manager), result.value, saved, other);
    expect(next).toMatchObject({
      offices: result.value,
      updatedAt: '2026-11-24T04:05:06.789Z',
      updatedBy: other,
    });
    expect(next.offices[0]).not.toBe(result.value[0]);
    expect(unitOfficesDocSchema.safeParse(next).success).toBe(true);
  });

  it('need a name, unique ignoring case and spaces, of at most the maximum length', () => {
    const result = validateOfficesInput([
      { code: 'a', name: '', active: true },
      { code: 'b', name: '   ', active: true },
      { code: 'c', name: 'Dinas Kesehatan', active: true },
      { code: 'd', name: ' dinas   KESEHATAN ', active: true },
      { code: 'e', name: 'x'.repeat(OFFICE_NAME_MAX + 1), active: true },
      { code: 'f', name: 'y'.repeat(OFFICE_NAME_MAX), active: true },
    ]);
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'offices.0.name', key: 'unitSettings.office.nameRequired' },
        { path: 'offices.1.name', key: 'unitSettings.office.nameRequired' },
        {
          path: 'offices.3.name',
          key: 'unitSettings.office.nameDuplicate',
          params: { name: 'dinas KESEHATAN' },
        },
        { path: 'offices.4.name', key: 'unitSettings.office.nameTooLong', params: { max: 200 } },
      ],
    });
    if (!result.ok) expectReadableMessages(result.issues);
  });

  it('need a well-formed code, unique ignoring case, and an on/off status', () => {
    const name = (i: number): string => `Kantor ${i}`;
    const result = validateOfficesInput([
      { code: '', name: name(0), active: true },
      { code: 'dinas pu', name: name(1), active: true },
      { code: 'dinas--pu', name: name(2), active: true },
      { code: '-pu', name: name(3), active: true },
      { code: 'k'.repeat(41), name: name(4), active: true },
      { code: 'DINKES', name: name(5), active: true },
      { code: 'dinkes', name: name(6), active: true },
      { code: 'DPMPTSP', name: name(7), active: 'yes' as unknown as boolean },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path, i.key])).toEqual([
      ['offices.0.code', 'unitSettings.office.codeInvalid'],
      ['offices.1.code', 'unitSettings.office.codeInvalid'],
      ['offices.2.code', 'unitSettings.office.codeInvalid'],
      ['offices.3.code', 'unitSettings.office.codeInvalid'],
      ['offices.4.code', 'unitSettings.office.codeInvalid'],
      ['offices.6.code', 'unitSettings.office.codeDuplicate'],
      ['offices.7.active', 'unitSettings.office.activeInvalid'],
    ]);
    expect(result.issues[0]?.params).toEqual({ max: 40 });
    expect(result.issues[5]?.params).toEqual({ code: 'dinkes' });
    expectReadableMessages(result.issues);
  });

  it('are checked again in the stored document, at the right path', () => {
    const stored = {
      ...defaultUnitOffices('KBM', created, manager),
      offices: [
        { code: 'dinkes', name: 'Dinas Kesehatan', active: true },
        { code: 'DINKES', name: 'Dinas Kesehatan Hewan', active: true },
      ],
    };
    const result = unitOfficesDocSchema.safeParse(stored);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['offices', 1, 'code'], 'unitSettings.office.codeDuplicate'],
    ]);
  });
});

describe('idle lock minutes', () => {
  it('takes a whole number of minutes from 1 to 60, and says so otherwise', () => {
    expect(validateIdleLockInput(' 15 ')).toEqual({ ok: true, value: 15 });
    expect(validateIdleLockInput('1')).toEqual({ ok: true, value: 1 });
    expect(validateIdleLockInput('60')).toEqual({ ok: true, value: 60 });
    for (const bad of ['', '0', '61', '2,5', '2.5', '-3', 'sepuluh', '1000']) {
      const result = validateIdleLockInput(bad);
      expect(result.ok, bad).toBe(false);
      if (result.ok) continue;
      expect(result.issues).toEqual([
        { path: 'idleLockMinutes', key: 'unitSettings.idleLock.invalid', params: { min: 1, max: 60 } },
      ]);
      expectReadableMessages(result.issues);
    }
    expect(formatMessage('unitSettings.idleLock.invalid', 'id', { min: 1, max: 60 })).toBe(
      'Isi dengan jumlah menit, bilangan bulat antara 1 dan 60.',
    );
  });

  it('is absent from a new unit (the default 10 applies) and kept by a later save of the other settings', () => {
    expect(doc.idleLockMinutes).toBeUndefined();
    expect(unitSettingsDocSchema.safeParse(doc).success).toBe(true);
    const set = applyIdleLock(doc, 5, saved, other);
    expect(set).toMatchObject({ idleLockMinutes: 5, updatedAt: saved.toISOString(), updatedBy: other });
    expect(unitSettingsDocSchema.safeParse(set).success).toBe(true);
    const { timeZone, deadlines, rules, holidays } = set;
    expect(applySettings(set, { timeZone, deadlines, rules, holidays }, saved, manager).idleLockMinutes).toBe(
      5,
    );
  });

  it('the document schema refuses minutes out of bounds or not whole', () => {
    for (const idleLockMinutes of [0, 61, 2.5, -1]) {
      expect(
        unitSettingsDocSchema.safeParse({ ...doc, idleLockMinutes }).success,
        String(idleLockMinutes),
      ).toBe(false);
    }
    expect(unitSettingsDocSchema.safeParse({ ...doc, idleLockMinutes: '10' }).success).toBe(false);
  });
});

describe('identity retention months', () => {
  it('takes a whole number of months from 1 to 120, and says so otherwise', () => {
    expect(validateRetentionInput(' 24 ')).toEqual({ ok: true, value: 24 });
    expect(validateRetentionInput('1')).toEqual({ ok: true, value: 1 });
    expect(validateRetentionInput('120')).toEqual({ ok: true, value: 120 });
    for (const bad of ['', '0', '121', '1,5', '1.5', '-3', 'dua puluh', '1000']) {
      const result = validateRetentionInput(bad);
      expect(result.ok, bad).toBe(false);
      if (result.ok) continue;
      expect(result.issues).toEqual([
        {
          path: 'identityRetentionMonths',
          key: 'unitSettings.retention.invalid',
          params: { min: 1, max: 120 },
        },
      ]);
      expectReadableMessages(result.issues);
    }
  });

  it('is absent from a new unit (24 applies), set by a manager, kept by a later save, refused out of bounds', () => {
    expect(doc.identityRetentionMonths).toBeUndefined();
    const set = applyIdentityRetention(doc, 36, saved, other);
    expect(set).toMatchObject({
      identityRetentionMonths: 36,
      updatedAt: saved.toISOString(),
      updatedBy: other,
    });
    expect(unitSettingsDocSchema.safeParse(set).success).toBe(true);
    const { timeZone, deadlines, rules, holidays } = set;
    expect(
      applySettings(set, { timeZone, deadlines, rules, holidays }, saved, manager).identityRetentionMonths,
    ).toBe(36);
    for (const identityRetentionMonths of [0, 121, 2.5, '24']) {
      expect(
        unitSettingsDocSchema.safeParse({ ...doc, identityRetentionMonths }).success,
        String(identityRetentionMonths),
      ).toBe(false);
    }
  });
});

describe('device budget', () => {
  it('takes everything, or a whole number of months from 1 to 120, and says so otherwise', () => {
    expect(validateDeviceBudgetInput({ keep: 'everything', months: 'whatever' })).toEqual({
      ok: true,
      value: null,
    });
    expect(validateDeviceBudgetInput({ keep: 'months', months: ' 12 ' })).toEqual({ ok: true, value: 12 });
    expect(validateDeviceBudgetInput({ keep: 'months', months: '1' })).toEqual({ ok: true, value: 1 });
    expect(validateDeviceBudgetInput({ keep: 'months', months: '120' })).toEqual({ ok: true, value: 120 });
    for (const bad of ['', '0', '121', '1,5', '1.5', '-3', 'enam', '1000']) {
      const result = validateDeviceBudgetInput({ keep: 'months', months: bad });
      expect(result.ok, bad).toBe(false);
      if (result.ok) continue;
      expect(result.issues).toEqual([
        {
          path: 'deviceBudgetMonths',
          key: 'unitSettings.deviceBudget.invalid',
          params: { min: 1, max: 120 },
        },
      ]);
      expectReadableMessages(result.issues);
    }
  });

  it('is absent from a new unit (everything), set and taken back by a manager, kept by a later save, refused out of bounds', () => {
    expect(doc.deviceBudgetMonths).toBeUndefined();
    const set = applyDeviceBudget(doc, 18, saved, other);
    expect(set).toMatchObject({ deviceBudgetMonths: 18, updatedAt: saved.toISOString(), updatedBy: other });
    expect(unitSettingsDocSchema.safeParse(set).success).toBe(true);
    const { timeZone, deadlines, rules, holidays } = set;
    expect(
      applySettings(set, { timeZone, deadlines, rules, holidays }, saved, manager).deviceBudgetMonths,
    ).toBe(18);
    const back = applyDeviceBudget(set, null, saved, manager);
    expect('deviceBudgetMonths' in back).toBe(false);
    expect(unitSettingsDocSchema.safeParse(back).success).toBe(true);
    for (const deviceBudgetMonths of [0, 121, 2.5, '12', null]) {
      expect(
        unitSettingsDocSchema.safeParse({ ...doc, deviceBudgetMonths }).success,
        String(deviceBudgetMonths),
      ).toBe(false);
    }
  });
});
