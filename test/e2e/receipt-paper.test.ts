/**
 * The receipt prints on the paper chosen for the desk (Pengaturan → Kertas tanda terima), end to
 * end in Chromium (the browser host): A5 until chosen, the 80 mm roll once chosen with the
 * keyboard. With print media the receipt fits the paper's printable width (A5: 148 mm less 12 mm
 * margins; roll: 72 mm), its tracking number on one line, and nothing but the receipt is shown
 * (sidebar, top bar and status bar hidden); the PDF Chromium prints is one page of that paper's size.
 */
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, signIn } from './app-steps';
import { logComplaint, openComplaint } from './workflow-steps';

afterAll(stopBrowserHost);

const MM_PER_CSS_PX = 25.4 / 96;
const PT_PER_MM = 72 / 25.4;
/** A 10-character unit code and a 15-digit sequence (shared/ids/tracking-number). */
const LONGEST_TRACKING_NUMBER = 'KABUPATENX-261206-QK4-999999999999999';

type PrintedLayout = Readonly<{
  paper: string | null;
  receiptWidthMm: number;
  /** How far right of the receipt's left edge its furthest line, rule or box reaches. */
  widestMm: number;
  receiptOverflows: boolean;
  trackingNumberOverflows: boolean;
  trackingNumberLines: number;
  /** Whether the longest tracking number the scheme allows (37 characters) would overflow its line. */
  longestNumberOverflows: boolean;
  receiptText: string;
  pageText: string;
  chromeShown: string[];
}>;

/** The receipt as laid out for print (Chromium's print media on the screen's layout). */
async function printedLayout(page: Page): Promise<PrintedLayout> {
  await page.emulateMedia({ media: 'print' });
  try {
    const layout = await page.evaluate((longest) => {
      const receipt = document.querySelector<HTMLElement>('.receipt');
      const number = document.querySelector<HTMLElement>('[data-testid="receipt-tracking-number"]');
      if (!receipt || !number) throw new Error('no receipt on the page');
      const lineHeight = parseFloat(getComputedStyle(number).lineHeight);
      // The receipt screen gives a number this long the class tracking-number--long.
      const longestNumber = number.cloneNode() as HTMLElement;
      longestNumber.textContent = longest;
      longestNumber.classList.add('tracking-number--long');
      number.after(longestNumber);
      const longestNumberOverflows = longestNumber.scrollWidth > longestNumber.clientWidth;
      longestNumber.remove();
      const shown = (element: Element): boolean => {
        const box = element.getBoundingClientRect();
        return getComputedStyle(element).display !== 'none' && box.width > 0 && box.height > 0;
      };
      return {
        paper: receipt.getAttribute('data-paper'),
        receiptWidth: receipt.getBoundingClientRect().width,
        widest: Math.max(
          ...[...receipt.querySelectorAll('*')].map(
            (element) => element.getBoundingClientRect().right - receipt.getBoundingClientRect().left,
          ),
        ),
        receiptOverflows: receipt.scrollWidth > receipt.clientWidth,
        trackingNumberOverflows: number.scrollWidth > number.clientWidth,
        trackingNumberLines: Math.round(number.getBoundingClientRect().height / lineHeight),
        longestNumberOverflows,
        receiptText: receipt.innerText.trim(),
        pageText: document.body.innerText.trim(),
        chromeShown: ['.nav', '.topbar', '.status-bar', '.notices', '.no-print', '.skip-link'].filter(
          (selector) => [...document.querySelectorAll(selector)].some(shown),
        ),
      };
    }, LONGEST_TRACKING_NUMBER);
    const { receiptWidth, widest, ...rest } = layout;
    return { ...rest, receiptWidthMm: receiptWidth * MM_PER_CSS_PX, widestMm: widest * MM_PER_CSS_PX };
  } finally {
    // Back to no emulation: emulated screen media would also apply to page.pdf.
    await page.emulateMedia({ media: null });
  }
}

/** The page sizes (mm) of the PDF Chromium prints of the page, with the CSS page size. */
async function printedPages(page: Page): Promise<{ width: number; height: number }[]> {
  const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pdf = await PDFDocument.load(new Uint8Array(bytes));
  return pdf.getPages().map((sheet) => {
    const { width, height } = sheet.getSize();
    return { width: Math.round(width / PT_PER_MM), height: Math.round(height / PT_PER_MM) };
  });
}

describe.each(appHosts().filter((host) => host.name === 'browser'))('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
    await completeSetup(app.page);
  });
  afterEach(async () => {
    await app.close();
  });

  it('prints the receipt on A5 until the desk chooses the 80 mm roll, and then on the roll', async () => {
    const { page } = app;
    const trackingNumber = await logComplaint(page, {
      title: 'Pelayanan KTP elektronik tertunda tiga bulan tanpa kejelasan di kantor kecamatan',
      chronology: 'Sudah tiga kali datang.',
    });
    await page.getByRole('link', { name: 'Cetak tanda terima' }).click();
    await page.getByRole('heading', { name: 'TANDA TERIMA PENGADUAN' }).waitFor();
    expect(await page.getByTestId('receipt-paper-note').innerText()).toBe(
      'Dicetak pada kertas A5. Ganti kertas di Pengaturan (Alt+7).',
    );

    const a5 = await printedLayout(page);
    expect(a5.paper).toBe('a5');
    expect(a5.receiptWidthMm).toBeGreaterThan(100);
    expect(a5.receiptWidthMm).toBeLessThanOrEqual(148 - 2 * 12 + 0.5);
    expect(a5.widestMm).toBeLessThanOrEqual(148 - 2 * 12 + 0.5);
    expect(a5.receiptOverflows).toBe(false);
    expect(a5.trackingNumberOverflows).toBe(false);
    expect(a5.trackingNumberLines).toBe(1);
    expect(a5.longestNumberOverflows).toBe(false);
    expect(a5.receiptText).toContain(trackingNumber);
    expect(a5.pageText).toBe(a5.receiptText);
    expect(a5.chromeShown).toEqual([]);
    expect(await printedPages(page)).toEqual([{ width: 148, height: 210 }]);

    // Pengaturan → Kertas tanda terima, with the keyboard: the arrow key moves and stores the choice.
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Kertas tanda terima: A5 / struk 80 mm' }).waitFor();
    const a5Option = page.getByRole('radio', { name: /^A5/ });
    expect(await a5Option.isChecked()).toBe(true);
    await a5Option.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByText('Tersimpan: tanda terima dicetak pada struk 80 mm.').waitFor();
    expect(await page.getByRole('radio', { name: /^Struk 80 mm/ }).isChecked()).toBe(true);

    // Kept on this device: still chosen after a reload.
    await page.reload();
    await signIn(page);
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Kertas tanda terima: A5 / struk 80 mm' }).waitFor();
    await expect.poll(() => page.getByRole('radio', { name: /^Struk 80 mm/ }).isChecked()).toBe(true);

    await openComplaint(page, trackingNumber);
    await page.getByRole('link', { name: 'Cetak ulang tanda terima' }).click();
    await page.getByRole('heading', { name: 'TANDA TERIMA PENGADUAN' }).waitFor();
    expect(await page.getByTestId('receipt-paper-note').innerText()).toBe(
      'Dicetak pada struk 80 mm. Ganti kertas di Pengaturan (Alt+7).',
    );

    const roll = await printedLayout(page);
    expect(roll.paper).toBe('roll80');
    expect(roll.receiptWidthMm).toBeGreaterThan(60);
    expect(roll.receiptWidthMm).toBeLessThanOrEqual(72 + 0.5);
    expect(roll.receiptOverflows).toBe(false);
    expect(roll.trackingNumberOverflows).toBe(false);
    expect(roll.trackingNumberLines).toBe(1);
    expect(roll.longestNumberOverflows).toBe(false);
    expect(roll.receiptText).toContain(trackingNumber);
    expect(roll.pageText).toBe(roll.receiptText);
    expect(roll.chromeShown).toEqual([]);
    // Every line of the receipt, the signature line and the stamp box inside the roll's 72 mm.
    expect(roll.widestMm).toBeLessThanOrEqual(72 + 0.5);
    expect(await printedPages(page)).toEqual([{ width: 80, height: 297 }]);

    expect(app.problems()).toEqual([]);
  });
});
