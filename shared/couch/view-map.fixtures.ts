/**
 * A design document's view map function, compiled from its source text as CouchDB runs it, for
 * tests: `viewMap(source, emit)(doc)` calls `emit(key, value)` for each row the view holds for `doc`.
 */
type Emit = (key: unknown, value: unknown) => void;

export function viewMap(source: string, emit: Emit): (doc: object) => void {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the view's own source, as CouchDB runs it
  const compile = new Function('emit', `return ${source};`) as (emit: Emit) => (doc: object) => void;
  return compile(emit);
}
