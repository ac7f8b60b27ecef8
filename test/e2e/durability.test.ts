/**
 * Durable saves in the built app (docs/decisions/019-strict-durability.md):
 * - an intake save reaches IndexedDB with strict durability: a spy under the app on
 *   `IDBDatabase.prototype.transaction` sees every read-write transaction the save opens on the
 *   unit's records (PouchDB) and on the device's counters and draft (Dexie) created 'strict'
 *   (read back from the transaction Chromium made, `IDBTransaction.durability`);
 * - persistent storage: the app asks for it at start; in the browser host, where headless Chromium
 *   does not grant it, the status bar warns in Indonesian and says what to do; once the browser
 *   grants it (the DevTools protocol's durableStorage permission) the warning is gone. In
 *   Electron the app's own origin is granted it (electron/permission-policy): no warning.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, openIntake, signIn, UNIT } from './app-steps';

type Opened = Readonly<{ db: string; stores: string[]; mode: string; durability: string }>;
type SpiedWindow = Window & { idbTransactions: Opened[] };

const RECORDS_IDB = `_pouch_${unitDatabaseName(UNIT.code)}`;

afterAll(stopBrowserHost);

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
  });
  afterEach(async () => {
    await app.close();
  });

  it("writes an intake's documents, numbers and draft mark with strict durability", async () => {
    const { page } = app;
    await page.addInitScript(() => {
      const opened: Opened[] = [];
      const prototype = IDBDatabase.prototype;
      const native = Object.getOwnPropertyDescriptor(prototype, 'transaction')
        ?.value as IDBDatabase['transaction'];
      prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        const transaction = native.apply(this, args);
        opened.push({
          db: this.name,
          stores: Array.from(transaction.objectStoreNames),
          mode: transaction.mode,
          durability: transaction.durability,
        });
        return transaction;
      };
      (window as unknown as SpiedWindow).idbTransactions = opened;
    });
    await page.reload(); // init scripts apply from the next load on
    await completeSetup(page);
    await openIntake(page);
    await page.locator('#field-reporter-name').fill('Budi Santoso');
    await page.locator('#field-reporter-phone').fill('0812-1111-2222');
    await page.locator('#field-title').fill('Jalan berlubang di depan puskesmas');
    await page.locator('#field-chronology').fill('Lubang besar sejak dua minggu.');
    const date = new Date();
    await page
      .locator('#field-incidentDate')
      .fill(`${date.getDate()}/${date.getMonth() + 1}/${date.getFullYear()}`);
    await page.locator('#field-category').selectOption('illegal-levies');
    // What the form's typing opened is left out: from here on, the save's own transactions.
    await page.evaluate(() => void ((window as unknown as SpiedWindow).idbTransactions.length = 0));
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: 'Pengaduan tersimpan' }).waitFor();

    const opened = await page.evaluate(() => [...(window as unknown as SpiedWindow).idbTransactions]);
    const writes = opened.filter((entry) => entry.mode === 'readwrite');
    const records = writes.filter((entry) => entry.db === RECORDS_IDB);
    // PouchDB's bulkDocs of the complaint, its reporter and its received event: one transaction.
    expect(records.some((entry) => entry.stores.includes('by-sequence'))).toBe(true);
    expect(records.map((entry) => entry.durability)).toEqual(records.map(() => 'strict'));
    // The device's numbers and the draft's mark (Dexie), in their one transaction.
    const numbers = writes.filter(
      (entry) => entry.db === 'meja-aduan-device' && entry.stores.includes('counters'),
    );
    expect(numbers).toHaveLength(1);
    expect(numbers[0]?.durability).toBe('strict');
    // Nothing the save opened read-write is relaxed but the indexes' own batches.
    const others = writes.filter((entry) => entry.durability !== 'strict');
    for (const entry of others) {
      expect(entry.db).toBe('meja-aduan-device');
      expect(
        entry.stores.some((store) =>
          [
            'complaintIndex',
            'searchContent',
            'searchIdentity',
            'searchSnapshot',
            'indicatorRecords',
          ].includes(store),
        ),
      ).toBe(true);
    }
    expect(app.problems()).toEqual([]);
  });

  it('asks for persistent storage and warns on the status bar while the browser has not granted it', async () => {
    const { page } = app;
    const warning = page.getByTestId('storage-not-persistent');
    await completeSetup(page); // the status bar is the desk's, after setup and sign-in
    const answered = (persistence: string) =>
      page.locator(`footer.status-bar[data-storage-persistence="${persistence}"]`).waitFor();
    if (host.name === 'electron') {
      await answered('persistent');
      expect(await page.evaluate(() => navigator.storage.persisted())).toBe(true);
      expect(await warning.count()).toBe(0);
      return;
    }
    await answered('not-persistent');
    const text = await warning.innerText();
    expect(text).toContain('Penyimpanan belum permanen: browser dapat menghapus data');
    expect(text).toContain('Pakai aplikasi desktop Meja Aduan');

    // Granted by the browser (as Chromium does for an installed or bookmarked site): no warning.
    const origin = new URL(page.url()).origin;
    const browser = page.context().browser();
    if (!browser) throw new Error('the browser host runs in a browser');
    const cdp = await browser.newBrowserCDPSession(); // Playwright's own grant has no durableStorage
    await cdp.send('Browser.grantPermissions', { origin, permissions: ['durableStorage'] });
    await page.reload();
    await signIn(page);
    await answered('persistent');
    expect(await page.evaluate(() => navigator.storage.persisted())).toBe(true);
    expect(await warning.count()).toBe(0);
    expect(app.problems()).toEqual([]);
  });
});
