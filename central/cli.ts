/**
 * `npm run central -- <command>`: provisioning of the central CouchDB (docs/central.md).
 *
 *   setup    --url <admin URL> --unit <CODE> --password <unit password>   (or MEJA_ADUAN_UNIT_PASSWORD)
 *   national --url <admin URL> [--units KTB,KBM] [--projector-password <password>]   (or MEJA_ADUAN_PROJECTOR_PASSWORD)
 *   national-projector --url <projector or admin URL> [--once] [--interval 10] [--batch-size 500]
 *   update-validation --url <admin URL> [--units KTB,KBM]
 *   purge-identities --url <admin URL> [--units KTB,KBM] [--grace-days 30]
 *
 * Exit status: 0 done; 1 a problem explained in one sentence (unreachable server, wrong admin
 * credentials, invalid unit code, ...); 2 wrong usage. Passwords are never printed.
 */
import { parseArgs } from 'node:util';
import { CentralError } from './central-error';
import { registerUnitNationally, setupNational } from './national-setup';
import {
  DEFAULT_BATCH_SIZE,
  PROJECTOR_PASSWORD_VARIABLE,
  connectAsProjector,
  runProjectorLoop,
  runProjectorOnce,
  type UnitRun,
} from './national-projector';
import { updateValidation } from './validation-update';
import { DEFAULT_GRACE_DAYS, purgeIdentities } from './identity-purge';
import { connectAsAdmin } from './server-admin';
import { checkPassword, checkUnitCode, setupUnit, type StepResult } from './unit-setup';

const USAGE = `Usage:
  npm run -s central -- setup --url <CouchDB URL with admin credentials> --unit <CODE> --password <unit password>
  npm run -s central -- national --url <CouchDB URL with admin credentials> [--units KTB,KBM] [--projector-password <password>]
  npm run -s central -- national-projector --url <CouchDB URL of the projector user or an admin> [--once] [--interval 10] [--batch-size 500]
  npm run -s central -- update-validation --url <CouchDB URL with admin credentials> [--units KTB,KBM]
  npm run -s central -- purge-identities --url <CouchDB URL with admin credentials> [--units KTB,KBM] [--grace-days 30]

setup               creates or repairs one unit: database, user, security, validation (idempotent)
national            the national database, its projector user and unit registry (idempotent); removes
                    the former national replications (--replicate-via is gone: nothing replicates)
national-projector  writes the national projection of every registered unit: --once catches up and
                    exits (for cron and tests); without it, runs every --interval seconds until
                    SIGINT/SIGTERM
update-validation   rewrites the validation design document of every unit (after an app update)
purge-identities    removes deleted reporters' identity from the server: compacts, and purges the
                    revision trees of deletions first seen more than --grace-days ago (idempotent;
                    schedule it daily, see docs/central.md)

The unit password may also come from the environment variable MEJA_ADUAN_UNIT_PASSWORD instead of
--password, the projector's from MEJA_ADUAN_PROJECTOR_PASSWORD instead of --projector-password (for
national) or of the password in --url (for national-projector: give the URL with the user name only).
-s keeps npm from echoing the command line; shell history still keeps what you type.

Example:
  npm run -s central -- setup --url http://admin:secret@127.0.0.1:5984 --unit KTB --password 'a long unit password'`;

/** Where the unit password may come from instead of --password (npm echoes the command line). */
const PASSWORD_VARIABLE = 'MEJA_ADUAN_UNIT_PASSWORD';

class UsageError extends Error {}

function table(steps: readonly StepResult[]): string {
  const whatWidth = Math.max(...steps.map((step) => step.what.length));
  const nameWidth = Math.max(...steps.map((step) => step.name.length));
  return steps
    .map((step) => `  ${step.what.padEnd(whatWidth)}  ${step.name.padEnd(nameWidth)}  ${step.outcome}`)
    .join('\n');
}

/** `--units KTB,KBM` as a list, or undefined when not given. */
function unitList(text: string | undefined): string[] | undefined {
  return text
    ?.split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
}

function required(value: string | undefined, option: string): string {
  if (value === undefined || value === '') {
    const alternative = option === 'password' ? ` (or set ${PASSWORD_VARIABLE})` : '';
    throw new UsageError(`Missing --${option}${alternative}.`);
  }
  return value;
}

function positiveNumber(value: string, option: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${option} must be a positive number.`);
  return number;
}

function projectorSummary(units: readonly UnitRun[], written: number, ms: number): string {
  const changes = units.reduce((sum, unit) => sum + unit.changes, 0);
  const complaints = units.reduce((sum, unit) => sum + unit.complaints, 0);
  return `National projection: ${units.length} unit(s), ${changes} change(s) read, ${complaints} complaint(s) projected, ${written} document(s) written in ${ms} ms.`;
}

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        url: { type: 'string' },
        unit: { type: 'string' },
        password: { type: 'string' },
        units: { type: 'string' },
        'replicate-via': { type: 'string' },
        'projector-password': { type: 'string' },
        once: { type: 'boolean' },
        interval: { type: 'string' },
        'batch-size': { type: 'string' },
        'grace-days': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  if (command === undefined || command === 'help' || values.help === true) {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case 'setup': {
      const url = required(text('url'), 'url');
      const unit = checkUnitCode(required(text('unit'), 'unit'));
      const password = required(text('password') ?? process.env[PASSWORD_VARIABLE], 'password');
      checkPassword(password);
      const { http, server } = await connectAsAdmin(url);
      const result = await setupUnit(http, unit, password);
      const registry = await registerUnitNationally(http, result.unitCode);
      console.log(`Meja Aduan central: unit ${result.unitCode} on ${http.baseUrl} (${server})`);
      console.log(
        table([...result.steps, { what: 'national registry', name: result.unitCode, outcome: registry }]),
      );
      console.log(
        `Devices of unit ${result.unitCode} sync with ${http.baseUrl}${result.database} as user ${result.user} ` +
          `(in the app: server ${http.baseUrl}, unit ${result.unitCode}, the unit password).`,
      );
      return;
    }
    case 'update-validation': {
      const url = required(text('url'), 'url');
      const units = unitList(text('units'));
      units?.forEach(checkUnitCode);
      const { http, server } = await connectAsAdmin(url);
      const steps = await updateValidation(http, { units });
      console.log(`Meja Aduan central: validation of ${steps.length} unit(s) on ${http.baseUrl} (${server})`);
      console.log(table(steps));
      return;
    }
    case 'national': {
      if (text('replicate-via') !== undefined) {
        throw new UsageError(
          '--replicate-via is gone: the national database is no longer replicated; the national projector writes it (national-projector).',
        );
      }
      const url = required(text('url'), 'url');
      const units = unitList(text('units'));
      units?.forEach(checkUnitCode);
      const { http, server } = await connectAsAdmin(url);
      const projectorPassword = text('projector-password') ?? process.env[PROJECTOR_PASSWORD_VARIABLE];
      const result = await setupNational(http, {
        units,
        projectorPassword: projectorPassword === '' ? undefined : projectorPassword,
      });
      console.log(`Meja Aduan central: national database on ${http.baseUrl} (${server})`);
      console.log(table(result.steps));
      console.log(
        `${result.units.length} unit(s) in the registry of ${result.database}: ${result.units.join(', ') || 'none yet'}. ` +
          'Only their projection reaches it: confidential complaints as counts, never identity or files.',
      );
      const { user, generatedPassword } = result.projector;
      if (generatedPassword !== null) {
        console.log(
          `Projector user ${user}, generated password (shown once, keep it in the password manager): ${generatedPassword}`,
        );
      }
      const projectorUrl = new URL(http.baseUrl);
      projectorUrl.username = user;
      console.log(
        `Run the projector: ${PROJECTOR_PASSWORD_VARIABLE}=<its password> npm run -s central -- national-projector --url ${projectorUrl.href} --once`,
      );
      return;
    }
    case 'national-projector': {
      const url = required(text('url'), 'url');
      const interval = positiveNumber(text('interval') ?? '10', 'interval');
      const batchSize = positiveNumber(text('batch-size') ?? String(DEFAULT_BATCH_SIZE), 'batch-size');
      if (!Number.isInteger(batchSize)) throw new UsageError('--batch-size must be a whole number.');
      const { http } = await connectAsProjector(url);
      const log = (line: string): void => console.log(`${new Date().toISOString()} ${line}`);
      if (values.once === true) {
        const run = await runProjectorOnce(http, { batchSize, log });
        const failed = run.units.filter((unit) => unit.error !== null);
        console.log(projectorSummary(run.units, run.written, run.ms));
        if (failed.length > 0) {
          throw new CentralError(
            `${failed.length} unit(s) could not be projected: ${failed.map((unit) => `${unit.unitCode} (${unit.error ?? ''})`).join('; ')}`,
          );
        }
        return;
      }
      const controller = new AbortController();
      const stop = (): void => {
        log('stopping after the current step ...');
        controller.abort();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      log(`national projector on ${http.baseUrl}, every ${interval} s (SIGINT/SIGTERM stops it)`);
      await runProjectorLoop(http, {
        batchSize,
        intervalSeconds: interval,
        signal: controller.signal,
        log,
      });
      log('stopped');
      return;
    }
    case 'purge-identities': {
      const url = required(text('url'), 'url');
      const units = unitList(text('units'));
      units?.forEach(checkUnitCode);
      const graceText = text('grace-days') ?? String(DEFAULT_GRACE_DAYS);
      const graceDays = Number(graceText);
      if (graceText.trim() === '' || !Number.isFinite(graceDays) || graceDays < 0) {
        throw new UsageError('--grace-days must be a number of days, 0 or more.');
      }
      const { http, server } = await connectAsAdmin(url);
      const reports = await purgeIdentities(http, { units, graceDays });
      console.log(
        `Meja Aduan central: deleted identities on ${http.baseUrl} (${server}), grace ${graceDays} day(s)`,
      );
      console.log(
        table(
          reports.map((report) => ({
            what: report.unitCode,
            name: report.database,
            outcome:
              `${report.deleted} deleted reporter document(s), ${report.withBody} with a body (bare tombstone written), ` +
              `${report.purged} purged, ${report.waiting} waiting` +
              `${report.nextPurgeAt === null ? '' : ` (next purge from ${report.nextPurgeAt})`}, compaction ${report.compaction}`,
          })),
        ),
      );
      const late = reports.filter((report) => report.compaction === 'timed out');
      if (late.length > 0) {
        throw new CentralError(
          `Compaction did not finish in time for ${late.map((report) => report.unitCode).join(', ')}: run the job again later (it remembers).`,
        );
      }
      return;
    }
    default:
      throw new UsageError(`Unknown command ${JSON.stringify(command)}.`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof CentralError) {
    console.error(`Error: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(
      `Unexpected error (a bug in central/): ${error instanceof Error ? error.message : String(error)}`,
    );
    if (process.env.DEBUG) console.error(error);
    process.exitCode = 1;
  }
});
