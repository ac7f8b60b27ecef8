/**
 * `npm run central -- <command>`: provisioning of the central CouchDB (docs/central.md).
 *
 *   setup    --url <admin URL> --unit <CODE> --password <unit password>   (or MEJA_ADUAN_UNIT_PASSWORD)
 *   national --url <admin URL> [--units KTB,KBM] [--replicate-via <admin URL>]
 *   update-validation --url <admin URL> [--units KTB,KBM]
 *
 * Exit status: 0 done; 1 a problem explained in one sentence (unreachable server, wrong admin
 * credentials, invalid unit code, ...); 2 wrong usage. Passwords are never printed.
 */
import { parseArgs } from 'node:util';
import { CentralError } from './central-error';
import { setupNational } from './national-setup';
import { updateValidation } from './validation-update';
import { connectAsAdmin } from './server-admin';
import { checkPassword, checkUnitCode, setupUnit, type StepResult } from './unit-setup';

const USAGE = `Usage:
  npm run -s central -- setup --url <CouchDB URL with admin credentials> --unit <CODE> --password <unit password>
  npm run -s central -- national --url <CouchDB URL with admin credentials> [--units KTB,KBM] [--replicate-via <URL>]
  npm run -s central -- update-validation --url <CouchDB URL with admin credentials> [--units KTB,KBM]

setup              creates or repairs one unit: database, user, security, validation (idempotent)
national           the national database and a filtered replication from every unit into it
update-validation  rewrites the validation design document of every unit (after an app update)

The unit password may also come from the environment variable MEJA_ADUAN_UNIT_PASSWORD instead of
--password (-s keeps npm from echoing the command line; shell history still keeps what you type).

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
      console.log(`Meja Aduan central: unit ${result.unitCode} on ${http.baseUrl} (${server})`);
      console.log(table(result.steps));
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
      const url = required(text('url'), 'url');
      const units = unitList(text('units'));
      units?.forEach(checkUnitCode);
      const { http, server } = await connectAsAdmin(url);
      const result = await setupNational(http, { units, replicateVia: text('replicate-via') });
      console.log(`Meja Aduan central: national database on ${http.baseUrl} (${server})`);
      console.log(table(result.steps));
      console.log(
        `${result.units.length} unit(s) replicate into ${result.database}: ${result.units.join(', ')}. ` +
          'Reporter identity and files stay in the unit databases.',
      );
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
