/**
 * The desk as officers read it, in Chromium at 1366×768: Alt+1 … Alt+7 open the sidebar's screens
 * in the order shown and F1 lists every one; the list's search box has the focus and ↓ moves to
 * the first row at once; tracking numbers never wrap and the list does not overflow sideways; a
 * notice never covers the form field being typed into and Escape dismisses it.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, focusedId } from './app-steps';
import { addOfficer, logComplaint, OFFICER } from './workflow-steps';

afterAll(stopBrowserHost);

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
    await completeSetup(app.page);
  });
  afterEach(async () => {
    await app.close();
  });

  it('opens the N-th screen of the sidebar with Alt+N, and F1 lists every shortcut', async () => {
    const { page } = app;
    const sidebar = page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link');
    const labels = (await sidebar.allInnerTexts()).map((text) => text.split('\n')[0]?.trim() ?? '');
    expect(labels).toHaveLength(7);
    for (const [index, label] of labels.entries()) {
      await page.keyboard.press(`Alt+${index + 1}`);
      const current = page.locator('.nav__link[aria-current="page"]');
      await expect.poll(() => current.innerText()).toContain(label);
      expect(await current.locator('kbd').innerText()).toBe(`Alt+${index + 1}`);
      // The focus is on the screen (never left on the sidebar or lost to the page).
      expect(
        await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement)),
      ).toBe(true);
    }
    await page.keyboard.press('Control+n');
    await page.getByRole('heading', { name: 'Pengaduan Baru' }).waitFor();

    await page.keyboard.press('F1');
    const rows = page.getByTestId('shortcuts-table').locator('tr');
    await rows.first().waitFor();
    const listed = await rows.allInnerTexts();
    for (const index of labels.keys()) {
      expect(
        listed.some((row) => row.includes(`Alt+${index + 1}`)),
        `Alt+${index + 1}`,
      ).toBe(true);
    }
    expect(listed.some((row) => row.includes('Ctrl+N'))).toBe(true);
    // The F1 list names the screens in the sidebar's order.
    const keyed = listed.filter((row) => /Alt\+\d/.test(row)).map((row) => /Alt\+(\d)/.exec(row)?.[1]);
    expect(keyed).toEqual(labels.map((_, index) => String(index + 1)));
    expect(app.problems()).toEqual([]);
  });

  it('puts the focus in the list where work starts: the search box, and ↓ moves to the first row', async () => {
    const { page } = app;
    const first = await logComplaint(page, {
      title: 'Lampu jalan mati di Jl. Kenanga',
      chronology: 'Sudah seminggu lampu jalan mati.',
    });
    await logComplaint(page, { title: 'Sampah menumpuk', chronology: 'Sampah tidak diangkut.' });
    await page.keyboard.press('Alt+3');
    // The list follows the records as the index catches up: both complaints listed, then ↓.
    await expect
      .poll(() => page.getByTestId('complaint-table').locator('tbody tr[data-tracking-number]').count())
      .toBe(2);
    expect(await focusedId(page)).toBe('complaint-search');
    await page.keyboard.press('ArrowDown');
    const focusedRow = () =>
      page.evaluate(() => document.activeElement?.closest('tr')?.dataset.trackingNumber);
    expect(await focusedRow()).not.toBe(first); // newest first
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBe(first);
    expect(app.problems()).toEqual([]);
  });

  it('keeps tracking numbers on one line and the list within 1366 px', async () => {
    const { page } = app;
    expect(page.viewportSize()).toEqual({ width: 1366, height: 768 });
    for (let n = 0; n < 3; n += 1) {
      await logComplaint(page, {
        title: `Jalan berlubang di depan pasar induk, kendaraan roda dua sering terjatuh (${n})`,
        chronology: 'Lubang besar sejak bulan lalu.',
      });
    }
    await page.keyboard.press('Alt+3');
    const table = page.getByTestId('complaint-table');
    await table.locator('tbody tr').nth(2).waitFor();
    const lines = await table.locator('a[data-row-link]').evaluateAll((links) =>
      links.map((link) => {
        const style = getComputedStyle(link);
        const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2;
        return {
          boxes: link.getClientRects().length,
          height: link.getBoundingClientRect().height,
          lineHeight,
        };
      }),
    );
    for (const line of lines) {
      expect(line.boxes).toBe(1);
      expect(line.height).toBeLessThanOrEqual(line.lineHeight + 1);
    }
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      // The content area scrolls inside the shell (shell.css): nothing in it may be wider either.
      content: (() => {
        const main = document.getElementById('main');
        return main ? main.scrollWidth - main.clientWidth : 0;
      })(),
      table: (() => {
        const element = document.querySelector('[data-testid="complaint-table"]');
        const main = document.getElementById('main');
        return element && main
          ? element.getBoundingClientRect().right - main.getBoundingClientRect().right
          : 0;
      })(),
    }));
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(overflow.content).toBeLessThanOrEqual(0);
    expect(overflow.table).toBeLessThanOrEqual(0);

    // The detail's heading and the receipt's number: one line as well.
    await table.locator('a[data-row-link]').first().press('Enter');
    const heading = page.locator('#detail-title');
    await heading.waitFor();
    expect(await heading.evaluate((element) => element.getClientRects().length)).toBe(1);
    const headingLines = await heading.evaluate((element) => {
      const style = getComputedStyle(element);
      return element.getBoundingClientRect().height / Number.parseFloat(style.lineHeight);
    });
    expect(headingLines).toBeLessThan(1.5);
    expect(app.problems()).toEqual([]);
  });

  it("names a confidential complaint's mode once on its receipt and in its list row", async () => {
    const { page } = app;
    const number = await logComplaint(page, {
      title: 'Pungutan di loket perizinan',
      chronology: 'Diminta uang tambahan.',
      privacy: 'Rahasia',
    });
    await page.keyboard.press('Enter'); // the saved screen's "print receipt"
    const receipt = page.locator('.receipt');
    await receipt.waitFor();
    const mentions = (text: string): number => (text.match(/rahasia/gi) ?? []).length;
    expect(await receipt.innerText()).toContain('Pungutan di loket perizinan');
    expect(mentions(await receipt.innerText())).toBe(1);
    await page.keyboard.press('Alt+3');
    const row = page.locator(`tr[data-tracking-number="${number}"]`);
    expect(mentions(await row.innerText())).toBe(1);
    expect(app.problems()).toEqual([]);
  });

  it('shows one notice, never over the field being typed into, and Escape dismisses it', async () => {
    const { page } = app;
    await addOfficer(page, OFFICER);
    await addOfficer(page, { name: 'Rina Wulandari', role: 'Petugas' });
    const notices = page.getByTestId('notices');
    await expect.poll(() => notices.innerText()).toContain('Rina Wulandari');
    expect(await notices.locator('.notice').count()).toBe(1);
    expect(await page.locator('[aria-live]').count()).toBe(1);

    await page.locator('#new-officer').focus();
    const overlaps = await page.evaluate(() => {
      const notice = document.querySelector('[data-testid="notices"] .notice')?.getBoundingClientRect();
      if (!notice) return ['no notice'];
      const fields = Array.from(
        document.querySelectorAll('#main input, #main select, #main textarea, #main button'),
      );
      return fields
        .filter((field) => {
          const box = field.getBoundingClientRect();
          return (
            box.width > 0 &&
            box.left < notice.right &&
            box.right > notice.left &&
            box.top < notice.bottom &&
            box.bottom > notice.top
          );
        })
        .map((field) => field.id || field.outerHTML.slice(0, 60));
    });
    expect(overlaps).toEqual([]);
    expect(await focusedId(page)).toBe('new-officer');
    await page.keyboard.press('Escape');
    await expect.poll(() => notices.locator('.notice').count()).toBe(0);
    expect(app.problems()).toEqual([]);
  });
});
