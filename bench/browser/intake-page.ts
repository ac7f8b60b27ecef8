/**
 * The Chromium page of the intake-save measurement (bundled and served by ../chromium-page
 * for ../intake-save): opens a unit database with the app's own factory
 * (renderer/core/data/database: pouchdb-browser over IndexedDB, the app's options) and runs
 * ../intake-save-run in it. The Node side calls `globalThis.mejaAduanIntakeBench.run(options)`.
 */
import { openUnitDatabase } from '../../renderer/core/data/database';
import { measureIntakeSaves, type IntakeSaveOptions, type IntakeSaveResult } from '../intake-save-run';
import { benchUnitCode } from './bench-unit-code';
import { pageLog } from './page-log';

export type IntakePageApi = Readonly<{
  run: (options: IntakeSaveOptions) => Promise<IntakeSaveResult & { userAgent: string }>;
}>;

const api: IntakePageApi = {
  run: async (options) => {
    const db = openUnitDatabase(benchUnitCode('BN'));
    try {
      const result = await measureIntakeSaves(db, options, pageLog);
      return { ...result, userAgent: globalThis.navigator.userAgent };
    } finally {
      await db.destroy();
    }
  },
};

(globalThis as typeof globalThis & { mejaAduanIntakeBench?: IntakePageApi }).mejaAduanIntakeBench = api;
