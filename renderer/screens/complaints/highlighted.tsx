/** A text with the ranges a search matched marked (`<mark>`), for the list's rows. */
import type { ReactNode } from 'react';
import type { TextRange } from '../../core/client-core';

/** `ranges` sorted, clipped to the text and merged where they touch or overlap. */
export function normaliseRanges(ranges: readonly TextRange[], length: number): TextRange[] {
  const sorted = ranges
    .map(([start, end]): TextRange => [Math.max(0, start), Math.min(length, end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export function Highlighted(props: { text: string; ranges: readonly TextRange[] }): ReactNode {
  const ranges = normaliseRanges(props.ranges, props.text.length);
  if (ranges.length === 0) return props.text;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(props.text.slice(at, start));
    parts.push(<mark key={start}>{props.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < props.text.length) parts.push(props.text.slice(at));
  return parts;
}
