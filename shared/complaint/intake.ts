/**
 * What the intake form (Pengaduan Baru) submits, and `validateIntake`, which checks it against
 * the rules of docs/domain.md, 'Complaints and intake', and reports every problem at once, in form order.
 */
import { z } from 'zod';
import type { ValidationIssue } from '../messages/validation-messages';
import { isIsoDate } from '../time/local-date';
import { ALLOWED_ATTACHMENT_TYPES } from './attachment-types';
import { CATEGORY_MAX, CHRONOLOGY_MAX, LOCATION_MAX, TARGET_OFFICE_MAX, TITLE_MAX } from './complaint-limits';
import { checkAttachments } from './intake-attachments';
import { checkChoice, checkIncidentDate, checkReporter, checkText, isRecord } from './intake-checks';
import type { IssueCollector } from './intake-checks';
import { CHANNELS, PRIVACY_MODES, REPORT_TYPES, isChannel, isPrivacyMode, isReportType } from './vocabulary';

/**
 * The shape of a validated intake: structure and vocabularies only. It gives `IntakeInput` its
 * type and guards `validateIntake`'s output; the rules themselves are in `validateIntake`.
 */
export const intakeInputSchema = z
  .object({
    channel: z.enum(CHANNELS),
    reportType: z.enum(REPORT_TYPES),
    privacyMode: z.enum(PRIVACY_MODES),
    reporter: z
      .object({
        name: z.string(),
        nik: z.string(),
        phone: z.string(),
        email: z.string(),
        address: z.string(),
      })
      .strict(),
    title: z.string(),
    chronology: z.string(),
    incidentDate: z.string(),
    location: z.string(),
    category: z.string(),
    targetOffice: z.string(),
    attachments: z.array(
      z
        .object({
          name: z.string(),
          mimeType: z.enum(ALLOWED_ATTACHMENT_TYPES),
          size: z.number().int().min(0),
        })
        .strict(),
    ),
  })
  .strict();
export type IntakeInput = z.infer<typeof intakeInputSchema>;
export type IntakeAttachment = IntakeInput['attachments'][number];

export type IntakeContext = Readonly<{
  /** The unit-local date of intake, YYYY-MM-DD (see ../time/local-date `localDateOf`). */
  today: string;
}>;

export type IntakeResult =
  | { ok: true; value: IntakeInput; warnings: readonly ValidationIssue[] }
  | { ok: false; issues: readonly ValidationIssue[]; warnings: readonly ValidationIssue[] };

/**
 * Checks an intake form submission and returns the trimmed value, or every issue found, in form
 * order (channel, report type, privacy mode, reporter, title, chronology, incident date,
 * location, category, target office, attachments). Warnings (an incident older than 30 days)
 * never block saving. Absent text fields count as ''; unknown extra fields are dropped. Throws a
 * RangeError if `context.today` is not a date: that is the caller's bug, not the officer's.
 */
export function validateIntake(input: unknown, context: IntakeContext): IntakeResult {
  if (!isIsoDate(context.today))
    throw new RangeError(`validateIntake: invalid today ${JSON.stringify(context.today)}`);
  if (!isRecord(input)) return { ok: false, issues: [{ path: '', key: 'validation.invalid' }], warnings: [] };
  const out: IssueCollector = { issues: [], warnings: [] };

  const channel = checkChoice(input.channel, 'channel', isChannel, 'validation.channel.unknown', out);
  const reportType = checkChoice(
    input.reportType,
    'reportType',
    isReportType,
    'validation.reportType.unknown',
    out,
  );
  const privacyMode = checkChoice(
    input.privacyMode,
    'privacyMode',
    isPrivacyMode,
    'validation.privacyMode.unknown',
    out,
  );
  const reporter = checkReporter(input.reporter, privacyMode, out);
  const title = checkText(
    input.title,
    'title',
    { required: 'validation.title.required', max: TITLE_MAX, tooLong: 'validation.title.tooLong' },
    out,
  );
  const chronology = checkText(
    input.chronology,
    'chronology',
    {
      required: 'validation.chronology.required',
      max: CHRONOLOGY_MAX,
      tooLong: 'validation.chronology.tooLong',
    },
    out,
  );
  const incidentDate = checkIncidentDate(input.incidentDate, context.today, out);
  const location = checkText(
    input.location,
    'location',
    { max: LOCATION_MAX, tooLong: 'validation.location.tooLong' },
    out,
  );
  const category = checkText(
    input.category,
    'category',
    { required: 'validation.category.required', max: CATEGORY_MAX },
    out,
  );
  const targetOffice = checkText(input.targetOffice, 'targetOffice', { max: TARGET_OFFICE_MAX }, out);
  const attachments = checkAttachments(input.attachments, out);

  if (out.issues.length > 0 || channel === null || reportType === null || privacyMode === null) {
    return { ok: false, issues: out.issues, warnings: out.warnings };
  }
  const value = intakeInputSchema.parse({
    channel,
    reportType,
    privacyMode,
    reporter,
    title,
    chronology,
    incidentDate,
    location,
    category,
    targetOffice,
    attachments,
  });
  return { ok: true, value, warnings: out.warnings };
}
