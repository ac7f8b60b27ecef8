/**
 * A short complaint table from the index, every row rendered (Perlu Perhatian: what is due soon or
 * overdue, never the whole unit); ↑/↓ move between rows, Enter opens one. The complaint list
 * itself, which can hold the whole unit, is virtualised (./result-list).
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { ComplaintIndexRow } from '../../core/client-core';
import { ComplaintListHead, ComplaintRow } from './complaint-row';

export function moveRowFocus(event: KeyboardEvent<HTMLTableSectionElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = Array.from(event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-row-link]'));
  const index = links.findIndex((link) => link === document.activeElement);
  const next = links[index + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

export function IndexTable(props: {
  rows: readonly ComplaintIndexRow[];
  caption: string;
  testId: string;
}): ReactNode {
  const body = useRef<HTMLTableSectionElement>(null);
  const hasRows = props.rows.length > 0;
  // Where work starts: once the rows are there, the first one has the focus unless the officer
  // is already somewhere on the screen, so ↑/↓ move at once.
  useEffect(() => {
    const active = document.activeElement;
    if (!hasRows || (active && active !== document.body && active.id !== 'main')) return;
    body.current?.querySelector<HTMLAnchorElement>('a[data-row-link]')?.focus();
  }, [hasRows]);
  return (
    <table className="table" data-testid={props.testId}>
      <caption className="visually-hidden">{props.caption}</caption>
      <ComplaintListHead />
      <tbody ref={body} onKeyDown={moveRowFocus}>
        {props.rows.map((row) => (
          <ComplaintRow key={row.id} row={row} />
        ))}
      </tbody>
    </table>
  );
}
