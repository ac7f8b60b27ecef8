/**
 * The bounds of the unit's identity retention setting (`identityRetentionMonths` in the
 * unit-settings document; the rule in ./identity-retention). At least 1 month: a closed complaint
 * may still get a satisfaction rating or be reopened in the weeks after closure, and the unit must
 * be able to call the complainant back. At most 120 months (10 years): longer is no longer a
 * retention period in the sense of UU 27/2022 (kept no longer than the purpose needs), and no
 * complaint-handling rule the project found asks for more. 24 where the unit has set nothing.
 * Apart from the rule so that the schemas (../unit/unit-settings, ../workflow/payload-fields) can
 * import the bounds without the workflow types the rule reads.
 */
export const IDENTITY_RETENTION_MONTHS = { default: 24, min: 1, max: 120 } as const;

/** Whether `months` is a valid setting (a whole number within the bounds). */
export function isRetentionMonths(months: unknown): months is number {
  return (
    typeof months === 'number' &&
    Number.isInteger(months) &&
    months >= IDENTITY_RETENTION_MONTHS.min &&
    months <= IDENTITY_RETENTION_MONTHS.max
  );
}
