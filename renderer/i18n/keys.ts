/**
 * Typed help for translation keys built at run time. Most need none: a key built from a domain
 * union type-checks as it is (`t(\`complaintStatus.${status}\`)` with `status: ComplaintStatus`),
 * and a string from storage is narrowed first with the domain's own guard (`isChannel`,
 * `isRole`, `isWorkflowAction`) or `isOneOf` over its vocabulary. What is left are names the
 * domain keeps as plain strings (an action's field names, a packet draft's field paths): those
 * are checked against the Indonesian resources, the source of truth, with `labelUnder` or
 * `isTranslationKey`, falling back to the name itself when it has no label.
 */
import type { ParseKeys, TFunction } from 'i18next';
import { resourcesFor } from './resources';

/** Every key `t()` accepts (plural keys without their `_one`/`_other` suffix). */
export type TranslationKey = Exclude<ParseKeys, `${string}:${string}`>;

/** Whether `value` is one of `vocabulary` (a domain list such as DEADLINE_STAGES), narrowing it. */
export function isOneOf<const V extends string>(vocabulary: readonly V[], value: unknown): value is V {
  return (vocabulary as readonly unknown[]).includes(value);
}

const INDONESIAN = resourcesFor('id');

/** Whether `key` names a string of the (Indonesian) resources; plural keys need a suffix here. */
export function isTranslationKey(key: string): key is TranslationKey {
  let node: unknown = INDONESIAN;
  for (const segment of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'string';
}

/**
 * The label `${prefix}.${name}` in the current language, or `fallback` (the name itself) when
 * the name has none: for names the domain keeps as plain strings.
 */
export function labelUnder(t: TFunction, prefix: string, name: string, fallback: string = name): string {
  const key = `${prefix}.${name}`;
  return isTranslationKey(key) ? t(key) : fallback;
}
