/**
 * Beranda's indicators end to end in Chromium (the browser host), with a controlled clock: after
 * three intakes and a disposition, the period's figures are written as text (received, open, due
 * soon, overdue, by status, offices worst first) and drawn as SVG charts with the same numbers; the
 * period picker works with the arrow keys; with print media the sidebar and the filter are hidden
 * and the charts shown, and Chromium prints the page on A4.
 */
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, signIn, UNIT } from './app-steps';
import { act, addOffices, logComplaint, openComplaint } from './workflow-steps';

/** Monday 23 November 2026, 10:00 WIB. */
const MONDAY = new Date('2026-11-23T03:00:00Z');
/** Friday 27 November 2026, 09:00 WIB. */
const FRIDAY = new Date('2026-11-27T02:00:00Z');
const PT_PER_MM = 72 / 25.4;

afterAll(stopBrowserHost);

const figure = (page: Page, id: string): Promise<string> => page.getByTestId(`figure-${id}`).innerText();

/** What print media shows of the dashboard. */
async function printedView(page: Page) {
  await page.emulateMedia({ media: 'print' });
  try {
    return await page.evaluate(() => {
      const shown = (element: Element): boolean => {
        const box = element.getBoundingClientRect();
        return getComputedStyle(element).display !== 'none' && box.width > 0 && box.height > 0;
      };
      const charts = [...document.querySelectorAll('[data-testid^="chart-"] .recharts-wrapper > svg')];
      return {
        navShown: [...document.querySelectorAll('.nav, .topbar, .status-bar')].some(shown),
        filterShown: [...document.querySelectorAll('.dashboard-filter')].some(shown),
        chartsShown: charts.filter(shown).length,
        widestChartPx: Math.max(...charts.map((chart) => chart.getBoundingClientRect().width)),
        periodShown: [...document.querySelectorAll('[data-testid="dashboard-period"]')].some(shown),
      };
    });
  } finally {
    await page.emulateMedia({ media: null });
  }
}

describe.each(appHosts().filter((host) => host.name === 'browser'))('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
    await app.page.clock.setFixedTime(MONDAY);
    await app.page.reload();
    await completeSetup(app.page);
  });
  afterEach(async () => {
    await app.close();
  });

  it('shows the period’s figures as text and charts, picks periods with the keyboard and prints on A4', async () => {
    const { page } = app;
    await addOffices(page, ['Dinas Kesehatan']);
    await logComplaint(page, { title: 'Antrian puskesmas', chronology: 'Panjang.' });
    const disposed = await logComplaint(page, { title: 'Obat kosong', chronology: 'Tidak tersedia.' });
    await openComplaint(page, disposed);
    await act(page, 'v', 'Verifikasi', async (form) => {
      await form.getByLabel('Disposisi langsung ke kantor').selectOption('Dinas Kesehatan');
    });
    // Friday: the first is overdue (verify due Thursday), the disposed one due soon (follow-up by
    // Monday 30 November); a third comes in today.
    await page.clock.setFixedTime(FRIDAY);
    await page.reload();
    await signIn(page);
    await page.getByRole('heading', { name: `Pengaduan ${disposed}` }).waitFor();
    await logComplaint(page, { title: 'Baru masuk', chronology: 'Hari ini.' });
    await page.keyboard.press('Alt+1');
    await page.getByRole('heading', { name: 'Beranda' }).waitFor();

    // This month (1–27 November): the figures as text.
    await expect.poll(() => figure(page, 'received').catch(() => '')).toBe('3');
    expect(await page.getByTestId('dashboard-period').innerText()).toBe(
      `${UNIT.name} · Periode 1 November 2026 sampai 27 November 2026`,
    );
    expect(await figure(page, 'open')).toBe('3');
    expect(await figure(page, 'overdue')).toBe('1');
    expect(await figure(page, 'due-soon')).toBe('1');
    const byStatus = await page.getByTestId('figures-by-status').innerText();
    expect(byStatus).toMatch(/Baru\s+2/);
    expect(byStatus).toMatch(/Diverifikasi\/didisposisi\s+1/);
    const offices = page.getByTestId('breakdown-office').locator('tbody tr');
    expect(await offices.nth(0).locator('th').innerText()).toBe('Belum didisposisi'); // 1 overdue: worst
    expect(await offices.nth(1).locator('th').innerText()).toBe('Dinas Kesehatan');
    expect(await page.getByTestId('figures-monthly').locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^Nov 2026\s+3\s+0$/),
    ]);

    // The charts: SVG, each bar's value written on it, the same numbers as the text.
    const monthly = page.getByTestId('chart-monthly');
    await monthly.locator('.recharts-wrapper > svg').waitFor();
    expect(await monthly.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await monthly.locator('.recharts-label-list').first().textContent()).toBe('3');
    const statusChart = await page.getByTestId('chart-status').locator('.recharts-wrapper > svg').innerHTML();
    expect(statusChart).toContain('Baru');
    expect(
      await page.getByTestId('chart-status').locator('.recharts-label-list text').allTextContents(),
    ).toEqual(expect.arrayContaining(['2', '1']));
    await page.getByTestId('chart-shares').locator('.recharts-wrapper > svg').waitFor();
    await page.getByTestId('chart-channels').locator('.recharts-wrapper > svg').waitFor();
    await page.getByTestId('chart-ratings').locator('.recharts-wrapper > svg').waitFor();
    // Every label of the bar charts is there in full: a long one wraps onto a second line, none runs
    // past the chart's left edge (they were cut off at 1366×768).
    const labels = await page.locator('.dashboard__charts').evaluate((charts) =>
      [...charts.querySelectorAll('.recharts-wrapper > svg')].flatMap((svg) => {
        const left = svg.getBoundingClientRect().left;
        return [...svg.querySelectorAll('.recharts-yAxis-tick-labels text')].map((text) => ({
          text: [...text.querySelectorAll('tspan')].map((line) => line.textContent).join(' '),
          inside: text.getBoundingClientRect().left >= left - 0.5,
        }));
      }),
    );
    expect(labels.filter((label) => !label.inside)).toEqual([]);
    expect(labels.map((label) => label.text)).toEqual(
      expect.arrayContaining(['Diverifikasi/didisposisi', 'Diverifikasi dan didisposisi ≤ 3 hari kerja']),
    );

    // Last month with the arrow keys: nothing was received in October.
    await page.getByRole('radio', { name: 'Bulan ini' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('dashboard-period').innerText())
      .toBe(`${UNIT.name} · Periode 1 Oktober 2026 sampai 31 Oktober 2026`);
    expect(await figure(page, 'received')).toBe('0');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => figure(page, 'received')).toBe('3');

    // Print: the sidebar and the filter hidden, the period and every chart shown within A4's width.
    const printed = await printedView(page);
    expect(printed).toMatchObject({ navShown: false, filterShown: false, chartsShown: 5, periodShown: true });
    expect(printed.widestChartPx).toBeLessThanOrEqual(((210 - 2 * 12) / 25.4) * 96);
    const pdf = await PDFDocument.load(new Uint8Array(await page.pdf({ preferCSSPageSize: true })));
    const sizes = pdf.getPages().map((sheet) => {
      const { width, height } = sheet.getSize();
      return [Math.round(width / PT_PER_MM), Math.round(height / PT_PER_MM)];
    });
    expect(sizes.length).toBeGreaterThan(0);
    expect(new Set(sizes.map((size) => size.join('x')))).toEqual(new Set(['210x297']));
    expect(app.problems()).toEqual([]);
  });
});
