/**
 * JSON with object keys sorted at every level: the same value always gives the same bytes,
 * whatever order its keys were built in. Used for the design documents the central server holds,
 * so that a rebuild that changes nothing writes nothing (and compares equal to what is stored).
 */

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** `value` with the keys of every object sorted (code-point order); throws on non-JSON values. */
export function sortKeys(value: unknown): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`sortKeys: not a JSON number: ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const sorted: Record<string, Json> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = sortKeys(item);
    }
    return sorted;
  }
  throw new TypeError(`sortKeys: not a JSON value: ${Object.prototype.toString.call(value)}`);
}

/** `JSON.stringify` of `value` with sorted keys. */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}
