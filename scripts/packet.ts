/**
 * `npm run packet -- <command>`: competition packets (Kompetisi P4) without the UI
 * (docs/packet.md).
 *
 *   verify <packet.zip>   every file matches manifest.json? Prints a summary, or each missing,
 *                         extra, altered or unreadable file.
 *   build --data <records.ndjson | CouchDB database URL> --unit <CODE> --from <YYYY-MM-DD>
 *         --to <YYYY-MM-DD> --out <packet.zip> [--year <YYYY>] [--category <category>]
 *         [--time-zone <zone>]
 *                         the same builder as the app, for central administrators: narrative
 *                         sections, evidence and example cases are empty and flagged in the PDF.
 *
 * Exit status: 0 done / packet intact; 1 the packet's files do not match its manifest, or a
 * problem explained in one sentence; 2 wrong usage; 3 the file is not a packet at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { computeIndicators } from '../shared/indicators/compute-indicators';
import { isValidUnitCode, normaliseCode } from '../shared/ids/tracking-number';
import { PacketBuildError, buildPacketZip } from '../shared/packet/build-packet';
import { formatLongDate } from '../shared/packet/packet-labels';
import {
  COMPETITION_CATEGORIES,
  defaultCategory,
  emptyPacketDraft,
  type CompetitionCategory,
  type PacketGenerator,
} from '../shared/packet/packet-types';
import { sha256Hex } from '../shared/packet/sha256';
import { collectUnitRecords } from '../shared/packet/unit-records';
import { verifyPacket } from '../shared/packet/verify-packet';
import { verifyReport } from '../shared/packet/verify-report';
import { INDONESIAN_TIME_ZONES, isIsoDate, type IndonesianTimeZone } from '../shared/time/local-date';
import { defaultUnitSettings } from '../shared/unit/unit-settings';
import { calendarVersions, effectiveHolidays } from '../shared/calendar/calendar-precedence';
import { PacketCliError, loadDocuments } from './packet-data';

const USAGE = `Usage:
  npm run -s packet -- verify <packet.zip>
  npm run -s packet -- build --data <records.ndjson | CouchDB database URL> --unit <CODE>
                             --from <YYYY-MM-DD> --to <YYYY-MM-DD> --out <packet.zip>
                             [--year <YYYY>] [--category ${COMPETITION_CATEGORIES.join('|')}]
                             [--time-zone ${INDONESIAN_TIME_ZONES.join('|')}]

verify   checks that every file of the packet matches its manifest.json (size and SHA-256)
build    builds a packet from the unit's records: indicators, complaint tables and the PDF;
         narrative sections, evidence and example cases stay empty and are flagged in the PDF

The records file is the app's "export all records" file: one JSON document per line. A database
URL may carry credentials (https://user:password@host/unit-db); they are never printed.
--year defaults to the year of --to, --category to the unit's usual one (UPP for a service unit,
IP Umum otherwise), --time-zone (used only when the data has no unit-settings document) to WIB.

Exit status: 0 ok; 1 the packet does not match its manifest, or another problem; 2 wrong usage;
3 not a packet.`;

const EXIT = { ok: 0, problem: 1, usage: 2, notAPacket: 3 } as const;

class UsageError extends Error {}

/** The app's name and version, from package.json, for the manifest. */
function generator(): PacketGenerator {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    productName?: string;
    version?: string;
  };
  return { name: pkg.productName ?? 'Meja Aduan', version: pkg.version ?? '0.0.0' };
}

function readZip(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error);
    throw new PacketCliError(`cannot read ${path}: ${reason}`, EXIT.notAPacket);
  }
}

async function verify(args: readonly string[]): Promise<number> {
  if (args.length !== 1 || args[0] === undefined || args[0].startsWith('--')) {
    throw new UsageError('verify takes exactly one file: npm run packet -- verify <packet.zip>');
  }
  const path = args[0];
  const report = verifyReport(path, await verifyPacket(readZip(path)));
  if (report.stream === 'stdout') console.log(report.text);
  else console.error(report.text);
  return report.exitCode;
}

type BuildOptions = Readonly<{
  data: string;
  unit: string;
  from: string;
  to: string;
  out: string;
  year: number | undefined;
  category: CompetitionCategory | undefined;
  timeZone: IndonesianTimeZone;
}>;

function buildOptions(args: readonly string[]): BuildOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        data: { type: 'string' },
        unit: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        year: { type: 'string' },
        category: { type: 'string' },
        'time-zone': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const required = (name: string): string => {
    const value = values[name];
    if (value === undefined || value.trim() === '') throw new UsageError(`Missing --${name}.`);
    return value.trim();
  };
  const unit = normaliseCode(required('unit'));
  if (!isValidUnitCode(unit)) throw new UsageError(`--unit ${unit} is not a valid unit code.`);
  const from = required('from');
  const to = required('to');
  for (const [name, date] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isIsoDate(date)) throw new UsageError(`--${name} ${date} is not a date written YYYY-MM-DD.`);
  }
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}.`);
  const yearText = values.year;
  const year = yearText === undefined ? undefined : Number(yearText);
  if (year !== undefined && (!Number.isInteger(year) || year < 2018 || year > 2100)) {
    throw new UsageError(`--year ${yearText} is not a competition year.`);
  }
  const categoryText = values.category;
  const category = COMPETITION_CATEGORIES.find((known) => known === categoryText);
  if (categoryText !== undefined && !category) {
    throw new UsageError(`--category must be one of ${COMPETITION_CATEGORIES.join(', ')}.`);
  }
  const zoneText = values['time-zone'] ?? 'Asia/Jakarta';
  const timeZone = INDONESIAN_TIME_ZONES.find((zone) => zone === zoneText);
  if (!timeZone) throw new UsageError(`--time-zone must be one of ${INDONESIAN_TIME_ZONES.join(', ')}.`);
  return { data: required('data'), unit, from, to, out: required('out'), year, category, timeZone };
}

async function build(args: readonly string[]): Promise<number> {
  const options = buildOptions(args);
  const now = new Date();
  const docs = await loadDocuments(options.data);
  const records = collectUnitRecords(docs, options.unit);
  const { profile, skipped } = records;
  if (skipped.reporter > 0) {
    console.error(`note: ${skipped.reporter} reporter document(s) ignored (identity never enters a packet).`);
  }
  if (skipped.invalid > 0) {
    console.error(
      `warning: ${skipped.invalid} document(s) of unit ${options.unit} failed their schema and were left out: ` +
        records.invalidIds.join(', ') +
        (skipped.invalid > records.invalidIds.length ? ', …' : ''),
    );
  }
  if (!profile) {
    const others =
      skipped.otherUnit > 0 ? ` (${skipped.otherUnit} document(s) of other units were found)` : '';
    throw new PacketCliError(`the data has no unit-profile document of unit ${options.unit}${others}`);
  }
  let settings = records.settings;
  if (!settings) {
    console.error(
      `warning: no unit-settings document: default deadlines and holidays, time zone ${options.timeZone}.`,
    );
    settings = defaultUnitSettings(options.unit, options.timeZone, now, {
      officerId: 'packet-cli',
      name: 'npm run packet',
    });
  }
  const period = { from: options.from, to: options.to };
  const indicators = computeIndicators({
    complaints: records.complaints,
    events: records.events,
    unit: { code: profile.unitCode, name: profile.unitName },
    // Each year's national list (the central's calendar in the data, else the app's) plus the
    // unit's own dates, as in the app (shared/calendar/calendar-precedence).
    settings: {
      ...settings,
      holidays: effectiveHolidays(settings.holidays, records.nationals),
      calendar: calendarVersions(settings.holidays, records.nationals),
    },
    period,
    computedAt: now,
  });
  const year = options.year ?? Number(options.to.slice(0, 4));
  const draft = emptyPacketDraft(
    profile,
    year,
    period,
    options.category ?? defaultCategory(profile.entityType),
  );
  const zip = await buildPacketZip(
    {
      draft,
      complaints: records.complaints,
      events: records.events,
      indicators,
      evidence: new Map(),
      generator: generator(),
      createdAt: now,
      origin: 'command-line',
    },
    (progress) => {
      if (process.stderr.isTTY)
        process.stderr.write(`\r[${Math.round(progress.fraction * 100)}%] ${progress.label}   `);
    },
  );
  if (process.stderr.isTTY) process.stderr.write('\n');
  try {
    writeFileSync(options.out, zip);
  } catch (error) {
    throw new PacketCliError(
      `cannot write ${options.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  console.log(
    [
      `Wrote ${options.out} (${zip.length} bytes).`,
      `unit       ${profile.unitName} (${profile.unitCode})`,
      `period     ${formatLongDate(period.from)} to ${formatLongDate(period.to)}`,
      `complaints ${indicators.totals.received} received in the period (of ${records.complaints.length} in the data)`,
      `narratives empty: build the packet in the app to add them`,
      `sha256     ${await sha256Hex(zip)}`,
    ].join('\n'),
  );
  return EXIT.ok;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'verify':
      return verify(rest);
    case 'build':
      return build(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? EXIT.usage : EXIT.ok;
    default:
      throw new UsageError(`Unknown command ${JSON.stringify(command)}.`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exitCode = EXIT.usage;
    } else if (error instanceof PacketCliError) {
      console.error(`packet: ${error.message}.`);
      process.exitCode = error.exitCode;
    } else if (error instanceof PacketBuildError) {
      console.error(
        `packet: the packet cannot be built:\n${error.problems.map((line) => `  ${line}`).join('\n')}`,
      );
      process.exitCode = EXIT.problem;
    } else {
      console.error(`packet: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = EXIT.problem;
    }
  },
);
