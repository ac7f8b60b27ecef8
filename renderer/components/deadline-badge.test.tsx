/**
 * The detail screen's deadline line, rendered to markup with the real translations: a complaint
 * whose records hold a date the deadline code cannot read says so instead of "no deadline".
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintSla } from '../../shared/sla/complaint-sla';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import { DeadlineLine } from './deadline-badge';

beforeAll(async () => {
  // initI18n sets <html lang>; the node environment has no document.
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});

const render = (sla: ComplaintSla): string =>
  renderToStaticMarkup(
    withCore(fakeCore(), <DeadlineLine sla={sla} hold={null} replyWindowWorkingDays={10} />),
  );

describe('DeadlineLine', () => {
  it('says the deadline is unknown when a date could not be read', () => {
    const html = render({ status: 'verified', autoClose: null, deadline: null, deadlineUnknown: true });
    expect(html).toContain('data-testid="deadline-unknown"');
    expect(html).toContain('Tenggat tidak diketahui');
    expect(html).not.toContain('Tidak ada tenggat berjalan');
  });

  it('says no deadline runs when none does', () => {
    const html = render({ status: 'closed', autoClose: null, deadline: null });
    expect(html).toContain('Tidak ada tenggat berjalan');
    expect(html).not.toContain('deadline-unknown');
  });
});
