/**
 * Hostile input to the intake check (`validateIntake`), 10,000 generated inputs per property,
 * seeded (../testing/hostile-input.fixtures): arbitrary JSON values, a valid intake with any field
 * replaced by a wrong type, a huge string, control and bidirectional characters, lone surrogates
 * or prototype keys. It never throws; a refusal names every problem with a known message key that
 * has Indonesian and English text; and whatever it accepts becomes documents that pass the
 * document schemas (the ones the repository writes and the central server's validator derives
 * from), with no lone surrogate in them. `validateIntake` stores nothing: the intake screen saves
 * only what it accepted (../../renderer/screens/intake/intake-screen.tsx), so a refusal leaves the
 * database as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VALIDATION_MESSAGES, isMessageKey, type ValidationIssue } from '../messages/validation-messages';
import {
  HOSTILE_RUNS,
  PROTOTYPE_KEYS,
  hostileJson,
  HOSTILE_TIMEOUT_MS,
  hostileRuns,
  hugeText,
  nastyText,
  throughJson,
} from '../testing/hostile-input.fixtures';
import { complaintDocSchema, reporterDocSchema } from './complaint-schema';
import { validateIntake } from './intake';
import { buildIntakeDocuments } from './intake-documents';

const TODAY = '2026-12-06';

const VALID = {
  channel: 'walk-in',
  reportType: 'complaint',
  privacyMode: 'named',
  reporter: {
    name: 'Budi Santoso',
    nik: '3201012345678901',
    phone: '0812-3456-7890',
    email: '',
    address: '',
  },
  title: 'Pungutan di loket KTP',
  chronology: 'Petugas meminta uang untuk mempercepat pembuatan KTP-el.',
  incidentDate: '2026-12-01',
  location: 'Kantor Disdukcapil, loket 3',
  category: 'illegal-levies',
  targetOffice: 'Dinas Kependudukan dan Pencatatan Sipil',
  attachments: [{ name: 'kuitansi.jpg', mimeType: 'image/jpeg', size: 250_000 }],
} as const;

const FIELDS = Object.keys(VALID) as (keyof typeof VALID)[];
const REPORTER_FIELDS = Object.keys(VALID.reporter) as (keyof typeof VALID.reporter)[];

/** A value of the wrong kind, or text that breaks parsers. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileJson,
  nastyText,
  hugeText,
  fc.constantFrom(undefined, null, '', '   ', [], {}, 0, -1, 1.5, true, 'named', 'anonymous', '2026-02-30'),
);

/** A valid intake with some fields (top level, reporter or an attachment) replaced or added. */
const mutatedIntake: fc.Arbitrary<unknown> = fc
  .record({
    top: fc.dictionary(
      fc.oneof(fc.constantFrom(...FIELDS), fc.constantFrom(...PROTOTYPE_KEYS)),
      hostileValue,
      {
        maxKeys: 3,
      },
    ),
    reporter: fc.dictionary(fc.constantFrom(...REPORTER_FIELDS, ...PROTOTYPE_KEYS), hostileValue, {
      maxKeys: 2,
    }),
    attachment: fc.dictionary(fc.constantFrom('name', 'mimeType', 'size', '__proto__'), hostileValue, {
      maxKeys: 2,
    }),
    privacyMode: fc.constantFrom('named', 'anonymous', 'confidential'),
    viaJson: fc.boolean(),
  })
  .map(({ top, reporter, attachment, privacyMode, viaJson }) => {
    const anonymous = privacyMode === 'anonymous';
    const input: Record<string, unknown> = {
      ...VALID,
      privacyMode,
      reporter: {
        ...(anonymous ? { name: '', nik: '', phone: '', email: '', address: '' } : VALID.reporter),
        ...reporter,
      },
      attachments: [{ ...VALID.attachments[0], ...attachment }],
      ...top,
    };
    return viaJson ? throughJson(input) : input;
  });

/** Every issue or warning names a message with Indonesian and English text. */
function expectKnownMessages(issues: readonly ValidationIssue[]): void {
  for (const issue of issues) {
    expect(isMessageKey(issue.key), issue.key).toBe(true);
    expect(VALIDATION_MESSAGES[issue.key].id).not.toBe('');
    expect(VALIDATION_MESSAGES[issue.key].en).not.toBe('');
    expect(typeof issue.path).toBe('string');
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

let sequence = 0;

/** Checks one input: no throw, known messages, and what is accepted builds valid documents. */
function checkIntake(input: unknown): boolean {
  const result = validateIntake(input, { today: TODAY });
  expectKnownMessages(result.warnings);
  if (!result.ok) {
    expect(result.issues.length).toBeGreaterThan(0);
    expectKnownMessages(result.issues);
    return false;
  }
  sequence += 1;
  const documents = buildIntakeDocuments(result.value, {
    unitCode: 'KBM',
    deviceCode: 'X7Q',
    sequence,
    eventSequence: sequence,
    officer: { officerId: 'o1', name: 'Rina' },
    receivedAt: new Date('2026-12-06T03:00:00.000Z'),
    localDate: TODAY,
  });
  expect(complaintDocSchema.safeParse(documents.complaint).success).toBe(true);
  if (documents.reporter) expect(reporterDocSchema.safeParse(documents.reporter).success).toBe(true);
  expect(JSON.stringify(documents)).not.toMatch(LONE_SURROGATE);
  return true;
}

describe('validateIntake under hostile input', () => {
  it(
    `never throws on ${HOSTILE_RUNS.toLocaleString('en-US')} arbitrary values, and refuses each with known messages`,
    () => {
      fc.assert(
        fc.property(hostileJson, (input) => {
          checkIntake(input);
        }),
        hostileRuns,
      );
    },
    HOSTILE_TIMEOUT_MS,
  );

  it(
    `refuses or accepts ${HOSTILE_RUNS.toLocaleString('en-US')} mutated intakes cleanly; what it accepts builds valid documents`,
    () => {
      let accepted = 0;
      fc.assert(
        fc.property(mutatedIntake, (input) => {
          if (checkIntake(input)) accepted += 1;
        }),
        hostileRuns,
      );
      // The generator reaches both sides of the check.
      expect(accepted).toBeGreaterThan(HOSTILE_RUNS / 20);
      expect(accepted).toBeLessThan(HOSTILE_RUNS);
    },
    HOSTILE_TIMEOUT_MS,
  );

  it('reads prototype keys as data, never as the prototype', () => {
    const input = JSON.parse(
      '{"__proto__":{"title":"dari prototipe"},"constructor":{"prototype":{"x":1}}}',
    ) as unknown;
    const result = validateIntake(input, { today: TODAY });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toContain('title');
    expect(({} as Record<string, unknown>).title).toBeUndefined();
  });
});
