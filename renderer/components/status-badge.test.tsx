// @vitest-environment happy-dom
/**
 * The status badge (list rows, dashboard, detail) says "verified, not yet disposed" for a
 * complaint verified without a disposition, and "verified/disposed" only after one.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import { StatusBadge } from './status-badge';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const badge = (office: string | null): string => {
  render(withCore(fakeCore(), <StatusBadge status="verified" office={office} />));
  const text = screen.getByText(/Diverifikasi|Verified/).textContent;
  cleanup();
  return text;
};

describe('StatusBadge', () => {
  it('has its own word for a verification without a disposition', () => {
    expect(badge(null)).toBe('Diverifikasi, belum didisposisi');
    expect(badge('')).toBe('Diverifikasi, belum didisposisi');
    expect(badge('Dinas Kesehatan')).toBe('Diverifikasi/didisposisi');
  });

  it('says it in English too', async () => {
    const { default: i18next } = await import('i18next');
    await i18next.changeLanguage('en');
    try {
      expect(badge(null)).toBe('Verified, not yet disposed');
    } finally {
      await i18next.changeLanguage('id');
    }
  });
});
