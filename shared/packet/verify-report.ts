/**
 * What `npm run packet -- verify` prints for a result of `verifyPacket`, and its exit status
 * (docs/packet.md, "Verifying a packet"). Every piece of text that comes from the file (the
 * manifest's unit name, generator, dates, file paths, ZIP entry names in a refusal) is printed
 * through `terminalSafe`, so a hostile packet cannot move the cursor, rewrite an earlier line with
 * CR or ANSI escapes, or reverse a name with a bidirectional override.
 */
import { terminalSafe } from '../text/terminal-safe';
import type { PacketProblem, PacketVerification } from './verify-packet';

/** Exit status of `verify`: 0 intact, 1 files do not match, 3 not a packet (or refused). */
export const VERIFY_EXIT = { intact: 0, mismatch: 1, notAPacket: 3 } as const;

export type VerifyReport = Readonly<{
  exitCode: number;
  /** The line(s) for standard output (intact) or standard error (otherwise). */
  stream: 'stdout' | 'stderr';
  text: string;
}>;

/** One line per problem: `altered    evidence/x.pdf  (SHA-256 differs from the manifest)`. */
export function describeProblem(problem: PacketProblem): string {
  return `${problem.kind.padEnd(10)} ${terminalSafe(problem.path)}  (${terminalSafe(problem.detail)})`;
}

/** The report on `result` for the file given as `fileLabel` (the path the judge typed). */
export function verifyReport(fileLabel: string, result: PacketVerification): VerifyReport {
  const file = terminalSafe(fileLabel);
  if (result.status === 'not-a-packet') {
    return {
      exitCode: VERIFY_EXIT.notAPacket,
      stream: 'stderr',
      text: `${file} is not a Meja Aduan packet: ${terminalSafe(result.message)}.`,
    };
  }
  const { summary } = result;
  const safe = terminalSafe;
  const about = [
    `unit       ${safe(summary.unit.name)} (${safe(summary.unit.code)})`,
    `period     ${safe(summary.period.from)} to ${safe(summary.period.to)}`,
    `entry      Kompetisi P4 ${summary.competition.year}, ${summary.competition.category}` +
      (summary.origin === 'command-line' ? ' (built on the command line: no narratives)' : ''),
    `files      ${summary.fileCount} listed in manifest.json, ${summary.complaintRows} complaint rows`,
    `generator  ${safe(summary.generator.name)} ${safe(summary.generator.version)}, ${safe(summary.createdAt)}`,
  ].join('\n');
  if (result.status === 'intact') {
    return {
      exitCode: VERIFY_EXIT.intact,
      stream: 'stdout',
      text: `${file}: OK, every file matches manifest.json (SHA-256).\n${about}`,
    };
  }
  return {
    exitCode: VERIFY_EXIT.mismatch,
    stream: 'stderr',
    text:
      `${file}: FAILED, ${result.problems.length} file(s) do not match manifest.json:\n` +
      result.problems.map((problem) => `  ${describeProblem(problem)}`).join('\n') +
      `\nThe manifest says:\n${about}`,
  };
}
