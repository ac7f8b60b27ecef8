/**
 * `npm run central -- <command>`: provisioning of the central CouchDB (docs/central.md).
 *
 *   setup    --url <admin URL> --unit <CODE> [--device <DEV>] [--public-url <URL>] [--valid-hours 72]
 *   device add    --url <admin URL> --unit <CODE> --device <DEV> [--public-url <URL>] [--valid-hours 72]
 *   device list   --url <admin URL> [--unit <CODE>]
 *   device revoke --url <admin URL> --unit <CODE> --device <DEV>
 *   device sweep  --url <admin URL>
 *   national --url <admin URL> [--units KTB,KBM] [--projector-password <password>]   (or MEJA_ADUAN_PROJECTOR_PASSWORD)
 *   national-projector --url <projector or admin URL> [--once] [--interval 10] [--batch-size 500]
 *   update-validation --url <admin URL> [--units KTB,KBM]
 *   purge-identities --url <admin URL> [--units KTB,KBM] [--grace-days 30]
 *   calendar import <file.json> --url <admin URL>
 *   calendar show <year> --url <admin URL>
 *
 * Exit status: 0 done; 1 a problem explained in one sentence (unreachable server, wrong admin
 * credentials, invalid unit code, ...); 2 wrong usage. Passwords are never printed.
 */
import { randomInt } from 'node:crypto';
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
import {
  copyNationalCalendars,
  importNationalCalendar,
  readCalendarFile,
  showNationalCalendar,
} from './national-calendar';
import { connectAsAdmin } from './server-admin';
import { checkUnitCode, setupUnit, type StepResult } from './unit-setup';
import {
  DEFAULT_VALID_HOURS,
  addDevice,
  checkDeviceCode,
  listDevices,
  revokeDevice,
  sweepDevices,
  type AddedDevice,
} from './device-accounts';
import { generateDeviceCode } from '../shared/ids/tracking-number';
import type { CouchHttp } from './couch-http';

const USAGE = `Usage:
  npm run -s central -- setup --url <CouchDB URL with admin credentials> --unit <CODE> [--device <DEV>] [--public-url <URL devices use>] [--valid-hours 72]
  npm run -s central -- device add --url <admin URL> --unit <CODE> --device <DEV> [--public-url <URL devices use>] [--valid-hours 72]
  npm run -s central -- device list --url <admin URL> [--unit <CODE>]
  npm run -s central -- device revoke --url <admin URL> --unit <CODE> --device <DEV>
  npm run -s central -- device sweep --url <admin URL>
  npm run -s central -- national --url <CouchDB URL with admin credentials> [--units KTB,KBM] [--projector-password <password>]
  npm run -s central -- national-projector --url <CouchDB URL of the projector user or an admin> [--once] [--interval 10] [--batch-size 500]
  npm run -s central -- update-validation --url <CouchDB URL with admin credentials> [--units KTB,KBM]
  npm run -s central -- purge-identities --url <CouchDB URL with admin credentials> [--units KTB,KBM] [--grace-days 30]
  npm run -s central -- calendar import <file.json> --url <CouchDB URL with admin credentials>
  npm run -s central -- calendar show <year> --url <CouchDB URL with admin credentials>

setup               creates or repairs one unit: database, security, validation (idempotent); removes
                    the former shared unit user; for a unit without devices, adds the first device
                    (--device, or a generated code) and prints its enrolment code
device add          a device account with a one-time password; prints the enrolment code, valid for
                    --valid-hours (default 72); for an existing device, a new code (the old one stops)
device list         every device account: created, enrolled, pending or expired, revoked
device revoke       the device can no longer sign in or sync; other devices are not touched
device sweep        disables pending accounts whose enrolment code expired (schedule it, see
                    docs/central.md; central:dev runs it every minute)
national            the national database, its projector user and unit registry (idempotent); removes
                    the former national replications (--replicate-via is gone: nothing replicates)
national-projector  writes the national projection of every registered unit: --once catches up and
                    exits (for cron and tests); without it, runs every --interval seconds until
                    SIGINT/SIGTERM
update-validation   rewrites the validation and stage-view design documents of every unit (after an
                    app update)
purge-identities    removes deleted reporters' identity from the server: compacts, and purges the
                    revision trees of deletions first seen more than --grace-days ago (idempotent;
                    schedule it daily, see docs/central.md)
calendar import     checks a year's national holidays and cuti bersama (JSON: year, source, entries of
                    date, weekday, name id/en, kind holiday|cuti-bersama) and writes it into every
                    unit database and the national database; the same content again writes nothing,
                    changed content is the next version (see docs/central.md, "The national calendar")
calendar show       the year's national calendar at the central and the version each database holds

--public-url is the server address devices use, put in the enrolment code (default: --url without
its credentials). The projector's password may come from MEJA_ADUAN_PROJECTOR_PASSWORD instead of
--projector-password (for national) or of the password in --url (for national-projector: give the
URL with the user name only).
-s keeps npm from echoing the command line; shell history still keeps what you type.

Example:
  npm run -s central -- setup --url http://admin:secret@127.0.0.1:5984 --unit KTB --public-url https://pusat.example.go.id`;

class UsageError extends Error {}

/** A number in [0, 1) from the operating system's random source. */
const secureUnit = (): number => randomInt(1_000_000) / 1_000_000;

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
    throw new UsageError(`Missing --${option}.`);
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

/** The enrolment code, printed so that it can be copied as one line. */
function printEnrolment(added: AddedDevice): void {
  const { unitCode, deviceCode, serverUrl, expiresAt } = added.enrolment;
  console.log(
    `Device ${deviceCode} of unit ${unitCode}: account ${added.user} ${added.outcome}, server ${serverUrl}, ` +
      `valid for enrolment until ${expiresAt}. Enrolment code (give it to the unit's manager; it is shown once):`,
  );
  console.log(`\n  ${added.code}\n`);
}

function validHoursOf(text: string | undefined): number {
  return text === undefined ? DEFAULT_VALID_HOURS : positiveNumber(text, 'valid-hours');
}

function publicUrlOf(text: string | undefined, http: CouchHttp): string {
  return text ?? http.baseUrl;
}

async function deviceCommand(
  subcommand: string | undefined,
  text: (name: string) => string | undefined,
): Promise<void> {
  const url = required(text('url'), 'url');
  switch (subcommand) {
    case 'add': {
      const unitCode = checkUnitCode(required(text('unit'), 'unit'));
      const deviceCode = checkDeviceCode(required(text('device'), 'device'));
      const validHours = validHoursOf(text('valid-hours'));
      const { http } = await connectAsAdmin(url);
      printEnrolment(
        await addDevice(http, {
          unitCode,
          deviceCode,
          validHours,
          serverUrl: publicUrlOf(text('public-url'), http),
        }),
      );
      return;
    }
    case 'list': {
      const unitText = text('unit');
      const unitCode = unitText === undefined ? undefined : checkUnitCode(unitText);
      const { http, server } = await connectAsAdmin(url);
      const devices = await listDevices(http, { unitCode });
      console.log(`Meja Aduan central: ${devices.length} device account(s) on ${http.baseUrl} (${server})`);
      if (devices.length === 0) return;
      console.log(
        table([
          { what: 'unit device', name: 'created', outcome: 'status' },
          ...devices.map((device) => ({
            what: `${device.unitCode} ${device.deviceCode}`,
            name: device.createdAt,
            outcome:
              device.status === 'enrolled'
                ? `enrolled ${device.enrolledAt ?? ''}`
                : device.status === 'revoked'
                  ? `revoked ${device.revokedAt ?? ''}${device.enrolledAt ? ` (enrolled ${device.enrolledAt})` : ''}`
                  : device.status === 'expired'
                    ? `expired ${device.expiresAt}${device.expiredAt ? ' (disabled)' : ' (not swept yet)'}`
                    : `pending until ${device.expiresAt}`,
          })),
        ]),
      );
      return;
    }
    case 'revoke': {
      const unitCode = checkUnitCode(required(text('unit'), 'unit'));
      const deviceCode = checkDeviceCode(required(text('device'), 'device'));
      const { http } = await connectAsAdmin(url);
      const outcome = await revokeDevice(http, unitCode, deviceCode);
      console.log(
        outcome === 'already'
          ? `Device ${deviceCode} of unit ${unitCode} was already revoked.`
          : `Device ${deviceCode} of unit ${unitCode} revoked: it can no longer sign in or sync. The unit's other devices are not affected.`,
      );
      return;
    }
    case 'sweep': {
      const { http } = await connectAsAdmin(url);
      const swept = await sweepDevices(http);
      console.log(
        swept.length === 0
          ? 'No pending device account with an expired enrolment code.'
          : `Disabled ${swept.length} device account(s) whose enrolment code expired: ${swept.map((device) => `${device.unitCode} ${device.deviceCode}`).join(', ')}.`,
      );
      return;
    }
    default:
      throw new UsageError(
        `Unknown device command ${JSON.stringify(subcommand ?? '')}: add, list, revoke or sweep.`,
      );
  }
}

async function calendarCommand(
  subcommand: string | undefined,
  argument: string | undefined,
  text: (name: string) => string | undefined,
): Promise<void> {
  if (subcommand !== 'import' && subcommand !== 'show') {
    throw new UsageError(`Unknown calendar command ${JSON.stringify(subcommand ?? '')}: import or show.`);
  }
  if (argument === undefined || argument.startsWith('--')) {
    throw new UsageError(
      subcommand === 'import'
        ? 'Missing the calendar file: calendar import <file.json>.'
        : 'Missing the year: calendar show <year>.',
    );
  }
  const url = required(text('url'), 'url');
  if (subcommand === 'import') {
    // The file is checked before the server is reached: a wrong file writes nothing anywhere.
    const content = await readCalendarFile(argument);
    const { http, server } = await connectAsAdmin(url);
    const result = await importNationalCalendar(http, content, new Date());
    console.log(
      `Meja Aduan central: national calendar ${result.year} on ${http.baseUrl} (${server}): ` +
        (result.changed ? `version ${result.version}` : `unchanged, version ${result.version}`) +
        `, ${content.entries.length} date(s), source ${content.source}`,
    );
    console.log(table(result.steps));
    return;
  }
  const { http, server } = await connectAsAdmin(url);
  const shown = await showNationalCalendar(http, argument);
  console.log(`Meja Aduan central: national calendar ${argument} on ${http.baseUrl} (${server})`);
  if (shown.steps.length > 0) console.log(table(shown.steps));
  const doc = shown.doc;
  if (!doc) {
    console.log(`No national calendar for ${argument}: devices count with the list shipped with the app.`);
    return;
  }
  console.log(`Version ${doc.version}, imported ${doc.importedAt}, source ${doc.source}:`);
  console.log(
    table(
      doc.entries.map((entry) => ({
        what: `${entry.date} ${entry.weekday}`,
        name: entry.kind,
        outcome: `${entry.name.id} / ${entry.name.en}`,
      })),
    ),
  );
}

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...afterCommand] = argv;
  const withSubcommand = command === 'device' || command === 'calendar';
  const subcommand = withSubcommand ? afterCommand[0] : undefined;
  // `calendar import <file>` and `calendar show <year>` take one argument after the subcommand.
  const argument = command === 'calendar' ? afterCommand[1] : undefined;
  const rest = withSubcommand ? afterCommand.slice(command === 'calendar' ? 2 : 1) : afterCommand;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        url: { type: 'string' },
        unit: { type: 'string' },
        device: { type: 'string' },
        'public-url': { type: 'string' },
        'valid-hours': { type: 'string' },
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
      const deviceText = text('device');
      const firstDevice = deviceText === undefined ? undefined : checkDeviceCode(deviceText);
      const validHours = validHoursOf(text('valid-hours'));
      const { http, server } = await connectAsAdmin(url);
      const result = await setupUnit(http, unit);
      const registry = await registerUnitNationally(http, result.unitCode);
      // A unit set up after `calendar import` counts with the imported calendars at once.
      const calendars = await copyNationalCalendars(http, result.unitCode);
      console.log(`Meja Aduan central: unit ${result.unitCode} on ${http.baseUrl} (${server})`);
      console.log(
        table([
          ...result.steps,
          { what: 'national registry', name: result.unitCode, outcome: registry },
          { what: 'national calendars', name: result.database, outcome: calendars },
        ]),
      );
      const devices = await listDevices(http, { unitCode: result.unitCode });
      if (firstDevice === undefined && devices.length > 0) {
        console.log(
          `Unit ${result.unitCode} has ${devices.length} device account(s) (central device list); add more with central device add.`,
        );
        return;
      }
      const taken = new Set(devices.map((device) => device.deviceCode));
      let deviceCode = firstDevice ?? generateDeviceCode(secureUnit);
      while (firstDevice === undefined && taken.has(deviceCode)) deviceCode = generateDeviceCode(secureUnit);
      printEnrolment(
        await addDevice(http, {
          unitCode: result.unitCode,
          deviceCode,
          validHours,
          serverUrl: publicUrlOf(text('public-url'), http),
        }),
      );
      console.log(
        `The first device takes this code when it sets up the new unit ("Unit baru"); further devices get theirs from central device add.`,
      );
      return;
    }
    case 'device':
      await deviceCommand(subcommand, text);
      return;
    case 'calendar':
      await calendarCommand(subcommand, argument, text);
      return;
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
