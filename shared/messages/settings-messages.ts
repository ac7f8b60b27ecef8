/**
 * Messages of unit settings (deadlines, holidays, offices), merged into VALIDATION_MESSAGES.
 * Keys start with `unitSettings.` (not `settings.`: the UI strings own that i18next key); Indonesian first.
 */
export const SETTINGS_MESSAGES = {} as const satisfies Record<string, Readonly<{ id: string; en: string }>>;
