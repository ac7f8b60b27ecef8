// @vitest-environment happy-dom
/**
 * The hash location keeps the query string inside the hash: the route is the path before `?`,
 * `useSearch()` what follows; a text typed replaces the entry, and back returns to the earlier one.
 */
import { act, cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Route, Router, useSearch } from 'wouter';
import { dropHashQuery, navigate, useHashLocation } from './hash-location';

afterEach(cleanup);

function Shown(): ReactNode {
  return <p data-testid="shown">{`list ${useSearch()}`}</p>;
}

const shown = (): string => document.querySelector('[data-testid="shown"]')?.textContent ?? 'none';

describe('hash location with a query string', () => {
  it('matches the route on the path and gives the query to useSearch', () => {
    act(() => navigate('/pengaduan?q=budi&status=new'));
    expect(location.hash).toBe('#/pengaduan?q=budi&status=new');
    expect(location.search).toBe('');
    render(
      <Router hook={useHashLocation}>
        <Route path="/pengaduan" component={Shown} />
      </Router>,
    );
    expect(shown()).toBe('list q=budi&status=new');
    act(() => navigate('/pengaduan?q=sari', { replace: true }));
    expect(shown()).toBe('list q=sari');
    act(() => navigate('/baru'));
    expect(shown()).toBe('none');
  });

  it('drops the query string when asked, keeping the route', () => {
    act(() => navigate('/pengaduan?q=hendra'));
    dropHashQuery();
    expect(location.hash).toBe('#/pengaduan');
  });
});
