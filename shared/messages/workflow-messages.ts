/**
 * Messages of the complaint workflow (refused actions, action forms), merged into
 * VALIDATION_MESSAGES. Keys start with `workflow.`; Indonesian first.
 */
export const WORKFLOW_MESSAGES = {} as const satisfies Record<string, Readonly<{ id: string; en: string }>>;
