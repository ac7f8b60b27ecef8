/** The shape a translation must have: the same keys as the Indonesian source, any strings. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
