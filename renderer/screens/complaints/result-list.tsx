/**
 * The list's results as a table whose rows are virtualised (@tanstack/react-virtual): only the rows
 * in view and a few around them are in the document, however many the unit has; spacer rows keep
 * the scroll height. The next page is asked for when the rows shown come near the end of those
 * read. ↑/↓ (and Page Up/Down, Home/End) move the focus between rows, scrolling the focused row
 * into view; ↑ on the first row goes back to the search box; Enter opens the row's complaint.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import type { SearchHit } from '../../core/client-core';
import { ComplaintListHead, ComplaintRow } from './complaint-row';

/** A row's height before it is measured (one line of text and a badge). */
const ROW_ESTIMATE_PX = 41;
const OVERSCAN = 10;
/**
 * The next page is read once the last row in view (not counting the overscan) is this close to the
 * last one read: a first page of 20 fills the view without reading the next one.
 */
const LOAD_AHEAD = 5;
/** Rows Page Up/Down move. */
const PAGE_ROWS = 10;

export type ResultListHandle = Readonly<{ focusRow: (index: number) => void }>;

export function ResultList({
  ref,
  ...props
}: {
  hits: readonly SearchHit[];
  hasMore: boolean;
  loadingMore: boolean;
  /** The rows shown answer an earlier query while a new one runs. */
  busy: boolean;
  onLoadMore: () => void;
  /** ↑ on the first row. */
  onLeaveTop: () => void;
  caption: string;
  ref?: Ref<ResultListHandle>;
}): ReactNode {
  const { hits, hasMore, loadingMore, onLoadMore } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  // The sticky header's height: rows start below it, and a row scrolled to is not hidden under it.
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => {
    setHeadHeight(head.current?.offsetHeight ?? 0);
  }, []);
  // The row to focus once it is rendered (it may first have to be scrolled to or read).
  const [pendingFocus, setPendingFocus] = useState<number>();
  // The app is not built with the React Compiler; nothing below memoizes the virtualiser's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    getItemKey: (index) => hits[index]?.row.id ?? index,
    overscan: OVERSCAN,
    paddingStart: headHeight,
    scrollPaddingStart: headHeight,
    // Rows are measured from their ref callbacks, while React commits: no synchronous re-render there.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  // The last row in view (the virtualiser's range leaves out the overscan rendered around it).
  const lastShown = virtualizer.range?.endIndex ?? items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= hits.length - LOAD_AHEAD) onLoadMore();
  }, [hasMore, loadingMore, lastShown, hits.length, onLoadMore]);

  const focusRow = (index: number): void => {
    if (hits.length === 0) return;
    const target = Math.max(0, Math.min(index, hits.length - 1));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    setPendingFocus(target);
  };
  useImperativeHandle(ref, () => ({ focusRow }));

  useEffect(() => {
    if (pendingFocus === undefined) return;
    const link = scroller.current?.querySelector<HTMLAnchorElement>(
      `tr[data-index="${pendingFocus}"] a[data-row-link]`,
    );
    if (!link) return;
    // The virtualiser scrolled the list; focusing scrolls the page too if the list is cut off.
    link.focus();
    setPendingFocus(undefined);
  }, [pendingFocus, items]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>): void => {
    const row = (event.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_ROWS,
      PageUp: index - PAGE_ROWS,
      Home: 0,
      End: hits.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    if (next < 0) {
      props.onLeaveTop();
      return;
    }
    if (next >= hits.length && hasMore) onLoadMore();
    focusRow(next);
  };

  const first = items[0];
  const last = items[items.length - 1];
  const before = first ? first.start - headHeight : 0;
  const after = last ? virtualizer.getTotalSize() - last.end : 0;
  return (
    <div ref={scroller} className="list__scroller" data-testid="complaint-scroller">
      <table className="table list__table" data-testid="complaint-table" aria-busy={props.busy}>
        <caption className="visually-hidden">{props.caption}</caption>
        <ComplaintListHead ref={head} />
        <tbody onKeyDown={onKeyDown}>
          {before > 0 ? <Spacer height={before} /> : null}
          {items.map((item) => {
            const hit = hits[item.index];
            return hit ? (
              <ComplaintRow
                key={item.key}
                ref={virtualizer.measureElement}
                index={item.index}
                row={hit.row}
                matches={hit.matches}
              />
            ) : null;
          })}
          {after > 0 ? <Spacer height={after} /> : null}
        </tbody>
      </table>
    </div>
  );
}

/** Stands in for the rows above or below those rendered. */
function Spacer(props: { height: number }): ReactNode {
  return (
    <tr className="list__spacer" aria-hidden="true">
      <td colSpan={7} style={{ height: props.height }} />
    </tr>
  );
}
