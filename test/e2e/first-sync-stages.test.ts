/**
 * A unit's first download in stages, in Chromium at 1366×768 against the test central (Apache
 * CouchDB 3.5 on loopback). The central holds 2,000 of the unit's complaints with their events and
 * sealed reporters (half of them closed), loaded straight into it with the app's real document
 * shapes (shared/couch/documents.fixtures, written as the devices that made them), its stage views
 * indexed. The manager's desk, set up on a new machine, enrols: its first sync is the staged
 * download, with the desk open all along. A MutationObserver in the page records every text of
 * the status bar's sync link and every notice as it appears: the stages show in order ("Unduhan
 * pertama · Tahap 3/3: riwayat · …"), the notices say once that the desk can take complaints, and
 * the officer logs a complaint while the history is still downloading (the status bar's text at
 * the moment the receipt appears is stage 3's); the device ends with every complaint (the list's
 * count is the central's). Then a second device joins with its enrolment code: its desk opens once
 * the unit's own documents are here, and the same is seen there from stage 2 on: an intake during
 * the history, and every complaint in the end.
 *
 * So that none of this depends on how fast the machine is, the page's `_bulk_get` requests to the
 * central are held (a slow network): on the first desk the unit's documents until stage 1 shows;
 * the open complaints until the officer saw stage 2 and was told; the history from the moment its
 * stage shows until the receipt is there. The status bar at 1366×768 is checked meanwhile.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import {
  CLOSED_VIEW,
  COMPLAINTS_VIEW,
  DEVICES_VIEW,
  STAGES_DESIGN_DOC_ID,
} from '../../shared/couch/stages-design-doc';
import { intakeDocuments, workflowEvents } from '../../shared/couch/documents.fixtures';
import type { WorkflowAction } from '../../shared/workflow/workflow-actions';
import {
  addCentralDevice,
  setupCentralUnit,
  startCentralServer,
  TEST_ADMIN,
  writeAllAsDevices,
  type CentralServer,
} from '../support/central-server';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, shownDeviceCode, signIn, UNIT } from './app-steps';
import { logComplaint, type NewComplaint } from './workflow-steps';

afterAll(stopBrowserHost);

/** Complaints on the central before the second device joins (about 11,000 documents). */
const COMPLAINTS = 2_000;
/** Documents per `_bulk_docs` request when loading them. */
const LOAD_CHUNK = 1_000;
/** What the notices say once the unit's own documents are here. */
const DESK_READY = 'Perangkat siap menerima pengaduan; riwayat masih diunduh.';
const CLOSE: readonly WorkflowAction[] = ['verify', 'follow-up', 'respond', 'record-reply', 'close'];

/** 401/404 answers (a replication checkpoint not there yet) are expected, not the app's problems. */
const EXPECTED_HTTP = /^console: Failed to load resource: the server responded with a status of (401|404) /;
const appProblems = (app: LaunchedApp): readonly string[] =>
  app.problems().filter((problem) => !EXPECTED_HTTP.test(problem));

async function syncState(page: Page): Promise<string | null> {
  return page.getByTestId('status-sync').getAttribute('data-sync-state');
}

/**
 * `COMPLAINTS` complaints of the unit, written to the central as the devices that made them:
 * even ones open (new, or verified), odd ones closed (the whole workflow) or archived; one in four
 * anonymous, the others with their reporter sealed as stored.
 */
async function loadComplaints(central: CentralServer): Promise<void> {
  const docs: { _id: string }[] = [];
  for (let index = 0; index < COMPLAINTS; index += 1) {
    const intake = intakeDocuments(UNIT.code, index + 1, index % 4 === 1 ? 'anonymous' : 'named');
    const actions: readonly WorkflowAction[] =
      index % 2 === 0 ? (index % 4 === 0 ? [] : ['verify']) : index % 4 === 1 ? CLOSE : ['archive'];
    docs.push(
      intake.complaint,
      ...(intake.reporter ? [intake.reporter] : []),
      intake.received,
      ...workflowEvents(intake, actions),
    );
  }
  for (let start = 0; start < docs.length; start += LOAD_CHUNK) {
    await writeAllAsDevices(central, UNIT.code, docs.slice(start, start + LOAD_CHUNK));
  }
}

/** A GET of the unit's database on the central as its administrator; its answer's JSON. */
async function adminGet(central: CentralServer, path: string): Promise<unknown> {
  const auth = Buffer.from(`${TEST_ADMIN.name}:${TEST_ADMIN.password}`).toString('base64');
  const response = await fetch(`${central.url}${unitDatabaseName(UNIT.code)}/${path}`, {
    headers: { Authorization: `Basic ${auth}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** The complaints on the central, as its administrator counts them. */
async function centralComplaints(central: CentralServer): Promise<number> {
  const range = `startkey=${encodeURIComponent('"complaint:"')}&endkey=${encodeURIComponent('"complaint:\ufff0"')}`;
  const body = (await adminGet(central, `_all_docs?${range}`)) as { rows: unknown[] };
  return body.rows.length;
}

/**
 * Brings the central's stage views up to date (a central indexes in the background; a new device
 * asks them without waiting: while they are far behind it counts every complaint open, and a
 * joining device's code is checked only after the whole download).
 */
async function indexStageViews(central: CentralServer): Promise<void> {
  await adminGet(central, `${STAGES_DESIGN_DOC_ID}/_view/${CLOSED_VIEW}?limit=1`);
  await adminGet(central, `${STAGES_DESIGN_DOC_ID}/_view/${COMPLAINTS_VIEW}`);
  await adminGet(central, `${STAGES_DESIGN_DOC_ID}/_view/${DEVICES_VIEW}?limit=1`);
}

/** What the page's observer saw (see `watchDesk`). */
type Seen = Readonly<{
  /** Every text of the status bar's sync link, in order, each once per change. */
  status: string[];
  /** Every notice, as it appeared. */
  notices: string[];
  /** The sync link's text when the receipt's tracking number first appeared; null before. */
  atReceipt: string | null;
}>;

/**
 * Records in the page, as the DOM changes (no polling, so no text is missed): the sync link's
 * texts, the notices raised, and the sync link's text at the moment the receipt appears. Each new
 * sync text is also handed to `firstSyncStatus` (exposed by the test).
 */
async function watchDesk(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { status: string[]; notices: string[]; atReceipt: string | null } = {
      status: [],
      notices: [],
      atReceipt: null,
    };
    const host = window as unknown as {
      firstSyncSeen: typeof seen;
      firstSyncStatus: (text: string) => Promise<void>;
    };
    host.firstSyncSeen = seen;
    const record = (mutations: readonly MutationRecord[]): void => {
      const status = document.querySelector('[data-testid="status-sync"]')?.textContent ?? null;
      if (status !== null && seen.status.at(-1) !== status) {
        seen.status.push(status);
        void host.firstSyncStatus(status);
      }
      for (const mutation of mutations) {
        for (const node of Array.from(mutation.addedNodes)) {
          if (!(node instanceof HTMLElement)) continue;
          const notices = [node, ...Array.from(node.querySelectorAll('.notice'))];
          for (const notice of notices.filter((element) => element.matches('.notice'))) {
            seen.notices.push(notice.textContent);
          }
        }
      }
      if (seen.atReceipt === null && document.querySelector('[data-testid="tracking-number"]')) {
        seen.atReceipt = status ?? '';
      }
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    record([]);
  });
}

/** Waits until the list (Daftar Pengaduan, nothing searched) counts `expected` complaints. */
async function expectListed(page: Page, expected: number): Promise<void> {
  await page.keyboard.press('Alt+3');
  await page.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
  const count = page.getByTestId('result-count');
  // The complaint index catches up with the records in batches (about a minute at a load of 12).
  await expect
    .poll(async () => Number((await count.innerText()).replace(/\D/g, '')), {
      timeout: 240_000,
      interval: 1_000,
    })
    .toBe(expected);
}

async function seenOf(page: Page): Promise<Seen> {
  return page.evaluate(() => (window as unknown as { firstSyncSeen: Seen }).firstSyncSeen);
}

/** The stage numbers the status bar showed, in order, each once per run of the same stage. */
function stagesShown(texts: readonly string[]): number[] {
  const stages: number[] = [];
  for (const text of texts) {
    const stage = /Tahap (\d)\/3/.exec(text)?.[1];
    if (stage !== undefined && stages.at(-1) !== Number(stage)) stages.push(Number(stage));
  }
  return stages;
}

/**
 * Holds the page's `_bulk_get` requests to the central while `holds` says so for their body (a
 * slow network); `update()` lets through every held request it no longer holds.
 */
class CentralValve {
  readonly #waiting: { body: string; go: () => void }[] = [];
  held = 0;

  constructor(private readonly holds: (body: string) => boolean) {}

  update(): void {
    for (const request of [...this.#waiting]) {
      if (this.holds(request.body)) continue;
      this.#waiting.splice(this.#waiting.indexOf(request), 1);
      request.go();
    }
  }

  async pass(route: Route): Promise<void> {
    const body = route.request().postData() ?? '';
    if (this.holds(body)) {
      this.held += 1;
      await new Promise<void>((go) => this.#waiting.push({ body, go }));
    }
    await route.continue();
  }
}

/** Whether a `_bulk_get` asks for complaints (the open complaints' and the history's pages). */
const asksForComplaints = (body: string): boolean => body.includes('"complaint:');

/**
 * Holds `page`'s first download stage by stage (see the file comment): with `unitShown`, the
 * unit's documents until the status bar showed stage 1 (a desk open from the start; a joining
 * device has no status bar before them); the open complaints until `told`; the history from the
 * moment its stage shows until `receiptShown`.
 */
async function stageByStage(page: Page, central: CentralServer, unitShown: boolean) {
  const state = { stageShown: 0, told: false, receipt: false };
  const valve = new CentralValve((body) => {
    if (state.stageShown === 3) return !state.receipt;
    return asksForComplaints(body) ? !state.told : unitShown && state.stageShown < 1;
  });
  await page.route(
    (url) => url.href.startsWith(central.url) && url.pathname.endsWith('/_bulk_get'),
    (route) => valve.pass(route),
  );
  await page.exposeBinding('firstSyncStatus', (_source, text: string) => {
    const stage = Number(/Tahap (\d)\/3/.exec(text)?.[1] ?? 0);
    if (stage <= state.stageShown) return;
    state.stageShown = stage;
    valve.update();
  });
  await watchDesk(page);
  return {
    valve,
    stageShown: (): number => state.stageShown,
    told: (): void => {
      state.told = true;
      valve.update();
    },
    receiptShown: (): void => {
      state.receipt = true;
      valve.update();
    },
  };
}

/**
 * On a desk whose first download `stages` holds: stage 2 on the status bar and the notice, then
 * stage 3 (its line fitting the status bar at 1366×768), an intake during it, and the rest up to
 * the end. Returns the tracking number and what the page's observer saw.
 */
async function intakeDuringHistory(
  page: Page,
  stages: Awaited<ReturnType<typeof stageByStage>>,
  complaint: NewComplaint,
): Promise<{ trackingNumber: string; seen: Seen }> {
  const sync = page.getByTestId('status-sync');
  await expect
    .poll(() => sync.innerText(), { timeout: 60_000 })
    .toMatch(/^Unduhan pertama · Tahap 2\/3: pengaduan terbuka · [\d.]+(\/[\d.]+)? dokumen/);
  // Said through the notices (recorded as it appears: a notice goes after a few seconds).
  await expect
    .poll(async () => (await seenOf(page)).notices.some((text) => text.includes(DESK_READY)), {
      timeout: 30_000,
    })
    .toBe(true);
  stages.told();

  // The history is downloading (and held): the status bar names stage 3.
  await expect.poll(() => stages.stageShown(), { timeout: 180_000 }).toBe(3);
  await expect
    .poll(() => sync.innerText())
    .toMatch(/^Unduhan pertama · Tahap 3\/3: riwayat · [\d.]+(\/[\d.]+ dokumen \(\d+%\)| dokumen)/);
  expect(await sync.getAttribute('data-first-sync-stage')).toBe('history');
  expect(await sync.getAttribute('title')).toMatch(/^Seluruh unduhan: [\d.]+/);

  // At 1366×768 the stage's line fits the status bar: one line, the bar inside the window.
  const link = await sync.boundingBox();
  const bar = await page.locator('footer.status-bar').boundingBox();
  const lineHeight = await sync.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  if (!link || !bar) throw new Error('the status bar is not laid out');
  expect(link.height).toBeLessThan(lineHeight * 1.5);
  expect(link.x + link.width).toBeLessThanOrEqual(1366);
  expect(bar.y + bar.height).toBeLessThanOrEqual(768);

  // The officer logs a complaint while the history is still on its way.
  const trackingNumber = await logComplaint(page, complaint);
  expect((await seenOf(page)).atReceipt).toMatch(/^Unduhan pertama · Tahap 3\/3: riwayat · /);
  expect(await syncState(page)).toBe('syncing');

  // The rest comes; the device ends in step with the central.
  stages.receiptShown();
  expect(stages.valve.held).toBeGreaterThan(0);
  await expect.poll(() => syncState(page), { timeout: 180_000 }).toBe('up-to-date');
  return { trackingNumber, seen: await seenOf(page) };
}

describe.each(appHosts().filter((host) => host.name === 'browser'))('$name host', (host) => {
  let central: CentralServer;
  const apps: LaunchedApp[] = [];
  beforeEach(async () => {
    central = await startCentralServer();
    await setupCentralUnit(central, UNIT.code);
    await loadComplaints(central);
    await indexStageViews(central);
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await central.stop();
  });

  it('shows each stage of a first download on the status bar and takes an intake during the history, on a new desk and on a second device joining', async () => {
    expect(await centralComplaints(central)).toBe(COMPLAINTS);
    // Device A: the manager's desk, set up on a new machine, joins the central that holds the
    // unit's records: its first sync is the staged download, with the desk open all along.
    const first = await host.launch();
    apps.push(first);
    const a = first.page;
    await central.allowOrigins([new URL(a.url()).origin]);
    await completeSetup(a);

    const stagesA = await stageByStage(a, central, true);
    const { code: codeA } = await addCentralDevice(central, UNIT.code, await shownDeviceCode(a));
    await a.keyboard.press('Alt+6');
    await a.getByRole('heading', { name: 'Sinkronisasi', level: 1 }).waitFor();
    await a.getByLabel('Kode pendaftaran perangkat').fill(codeA);
    await a.getByRole('button', { name: 'Simpan dan sinkronkan' }).click();
    const onA = await intakeDuringHistory(a, stagesA, {
      title: 'Lampu jalan mati',
      chronology: 'Lampu jalan di Jl. Merdeka mati sejak seminggu.',
      reporterName: 'Ani Wijaya',
      phone: '0812-3333-4444',
    });
    expect(onA.trackingNumber).toMatch(new RegExp(`^${UNIT.code}-`));
    expect(stagesShown(onA.seen.status)).toEqual([1, 2, 3]);
    expect(onA.seen.notices.filter((text) => text.includes(DESK_READY))).toHaveLength(1);

    // Every complaint is on the device: the list counts as many as the central holds.
    await expect.poll(() => centralComplaints(central), { timeout: 60_000 }).toBe(COMPLAINTS + 1);
    await expectListed(a, COMPLAINTS + 1);
    expect(appProblems(first)).toEqual([]);
    await first.close();
    apps.splice(apps.indexOf(first), 1);

    // Device B joins the unit with its enrolment code: its desk opens once the unit's own
    // documents are here (stage 1 runs under the join screen); the manager signs in there (the
    // roster came with the unit) and takes an intake while the history downloads.
    const second = await host.launch();
    apps.push(second);
    const b = second.page;
    const stagesB = await stageByStage(b, central, false);
    await b.getByRole('heading', { name: 'Penyiapan Awal' }).waitFor();
    await b.getByRole('radio', { name: /^Unit yang sudah ada/ }).check();
    const { code: codeB } = await addCentralDevice(central, UNIT.code, 'B45');
    await b.getByLabel('Kode pendaftaran perangkat').fill(codeB);
    await b.locator('#field-officerName').fill(UNIT.officer);
    await b.getByRole('button', { name: 'Bergabung dan unduh data unit' }).click();
    await b.getByRole('heading', { name: 'Siapa yang bertugas di meja ini?' }).waitFor({ timeout: 120_000 });
    await signIn(b);
    // Anonymous: this device has no unit key yet to seal a name with (it is moved to it by hand).
    const onB = await intakeDuringHistory(b, stagesB, {
      title: 'Trotoar rusak',
      chronology: 'Trotoar di depan pasar berlubang.',
      privacy: 'Anonim',
    });
    expect(onB.trackingNumber).toMatch(new RegExp(`^${UNIT.code}-\\d{6}-B45-`));
    expect(stagesShown(onB.seen.status)).toEqual([2, 3]);
    expect(onB.seen.notices.some((text) => text.includes(DESK_READY))).toBe(true);
    await expect.poll(() => centralComplaints(central), { timeout: 60_000 }).toBe(COMPLAINTS + 2);
    await expectListed(b, COMPLAINTS + 2);
    expect(appProblems(second)).toEqual([]);
  }, 600_000);
});
