/**
 * The i18next resources of one language, and their type (the Indonesian shape) for the typed
 * `t()` keys declared in `i18next.d.ts`. No DOM here, so unit tests can load it in node.
 */
import { DEFAULT_CATEGORIES } from '../../shared/complaint/vocabulary';
import {
  validationResources,
  type MessageKey,
  type MessageLanguage,
} from '../../shared/messages/validation-messages';
import { en } from './locales/en';
import { id } from './locales/id';

type Head<K extends string> = K extends `${infer H}.${string}` ? H : K;
type Tail<K extends string, H extends string> = K extends `${H}.${infer R}` ? R : never;
/** Dotted keys as the nested object `validationResources` builds: `a.b.c` → `{ a: { b: { c } } }`. */
type KeyTree<K extends string> = {
  readonly [H in Head<K>]: [Tail<K, H>] extends [never] ? string : KeyTree<Tail<K, H>>;
};

/** The validation, workflow, settings and sync messages from shared/messages, nested. */
export type ValidationResources = KeyTree<MessageKey>;

/**
 * Category labels. A unit may add its own categories later, whose codes are not known here: any
 * `category.<code>` key type-checks, and `categoryLabel` falls back to the code itself.
 */
export type CategoryResources = { readonly category: Readonly<Record<string, string>> };

/** The single i18next namespace (`translation`): the UI strings plus the shared messages. */
export type AppResources = typeof id & ValidationResources & CategoryResources;

function categoryResources(language: MessageLanguage): CategoryResources {
  return {
    category: Object.fromEntries(
      DEFAULT_CATEGORIES.map((category) => [category.code, category.label[language]]),
    ),
  };
}

/** Everything `t()` can look up in `language`. */
export function resourcesFor(language: MessageLanguage): Record<string, unknown> {
  return {
    ...(language === 'id' ? id : en),
    ...validationResources(language),
    ...categoryResources(language),
  };
}
