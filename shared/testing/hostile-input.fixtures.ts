/**
 * Helpers of the hostile-input property tests (imported by tests only): the seed every property
 * runs with (fast-check's `seed`, so a failure is reproduced by the same run), the number of
 * generated inputs, a watch on unhandled promise rejections (Node's process event, reached without
 * importing Node so that shared/ stays pure), and generators of the text that breaks parsers:
 * control and bidirectional characters, lone surrogates, huge strings and prototype keys.
 */
import fc from 'fast-check';

/** Generated inputs per property. */
export const HOSTILE_RUNS = 10_000;
/** The seed of every hostile-input property: change it to explore, keep it to reproduce. */
export const HOSTILE_SEED = 20_261_206;

/** fast-check parameters of a hostile-input property: seeded, reproducible, 10,000 runs. */
export const hostileRuns = { numRuns: HOSTILE_RUNS, seed: HOSTILE_SEED } as const;

type RejectionListener = (reason: unknown) => void;
type NodeProcessEvents = Readonly<{
  on(event: 'unhandledRejection', listener: RejectionListener): unknown;
  off(event: 'unhandledRejection', listener: RejectionListener): unknown;
}>;

/** Collects unhandled rejections from `start()` to `stop()`; `settle()` lets pending ones surface. */
export function unhandledRejections(): Readonly<{
  seen: unknown[];
  start(): void;
  stop(): void;
  settle(): Promise<void>;
}> {
  const seen: unknown[] = [];
  const listener: RejectionListener = (reason) => seen.push(reason);
  const events = (globalThis as unknown as { process?: NodeProcessEvents }).process;
  return {
    seen,
    start: () => events?.on('unhandledRejection', listener),
    stop: () => events?.off('unhandledRejection', listener),
    settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
  };
}

/** Characters that break naive parsers and terminals. */
const NASTY = [
  '\u0000',
  '\u0007',
  '\u001b[2K',
  '\r',
  '\n',
  '\t',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  '=',
  '+',
  '-',
  '@',
  '"',
  "'",
  ',',
  '\\',
  '/',
  '%',
  '{{x}}',
] as const;

/** Text with control, bidirectional and formula characters and lone surrogates mixed in. */
export const nastyText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 12 })
  .map((parts) => parts.join(''));

/** A huge string (up to 60,000 characters: over every field limit, the chronology's 50,000 too). */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(nastyText, fc.integer({ min: 1, max: 60_000 }))
  .map(([seed, length]) => {
    const unit = seed === '' ? 'x' : seed;
    return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  });

/** Time a hostile-input property may take (10,000 runs), for vitest's per-test timeout. */
export const HOSTILE_TIMEOUT_MS = 300_000;

/** Keys that pollute prototypes when copied naively. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
] as const;

/** Any JSON-like value, with prototype keys and hostile text among its keys and strings. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity),
    fc.double(),
    nastyText,
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), nastyText), tie('value'), {
      maxKeys: 5,
      noNullPrototype: false,
    }),
  ),
})).value;

/**
 * `value` passed through JSON text and back, the way it arrives from a file or the network: own
 * `__proto__` keys survive as data (JSON.parse makes them own properties), NaN becomes null.
 */
export function throughJson(value: unknown): unknown {
  // JSON.stringify gives undefined for undefined and functions (its type says string).
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}
