/**
 * The repository explains itself: no file points at notes a person who clones it does not have.
 * Comments and documents cite docs/ (docs/domain.md, docs/architecture.md, docs/decisions/), never
 * the design or style notes kept outside the repository, and never an issue number of a tracker
 * the clone does not carry. This walks every tracked file and fails on any such mention, naming the
 * file and line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/**
 * What a self-contained file never mentions: the outside notes by name or path, and issue numbers
 * ("issue 5", "Issues 3", "issue #4"). Built from parts so that this file does not match itself.
 */
const FORBIDDEN: readonly Readonly<{ what: string; pattern: RegExp }>[] = [
  { what: 'the design notes', pattern: new RegExp(['design', 'md'].join('\\.'), 'i') },
  { what: 'the style notes', pattern: new RegExp(['style', 'md'].join('\\.'), 'i') },
  { what: 'the notes folder', pattern: new RegExp(['\\.\\.', 'shared', '(design|style)'].join('/'), 'i') },
  { what: 'an issue number', pattern: new RegExp(['\\b', 'issues?', '\\s*#?\\s*\\d+'].join(''), 'i') },
];

/**
 * Files allowed to match, each with the reason. The test harness locates the CouchDB release
 * archive in `../shared/couchdb/` (test/support, .ci/run), which matches none of the patterns and
 * needs no entry; only this file, which spells the patterns out in its comments, is listed.
 */
const ALLOWED: ReadonlyMap<string, string> = new Map([
  ['scripts/self-contained.test.ts', 'describes the forbidden mentions'],
]);

/** Folders never walked when git is not available (build output and dependencies). */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'dist-electron', 'release', 'coverage', '.git']);

/** The tracked files (git ls-files), or every file outside build output when git is missing. */
function repositoryFiles(): string[] {
  try {
    const listed = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
    return listed.split('\0').filter((path) => path !== '');
  } catch {
    const files: string[] = [];
    const walk = (folder: string): void => {
      for (const name of readdirSync(folder)) {
        const full = join(folder, name);
        if (statSync(full).isDirectory()) {
          if (!SKIPPED_FOLDERS.has(name)) walk(full);
        } else {
          files.push(relative(ROOT, full).split(sep).join('/'));
        }
      }
    };
    walk(ROOT);
    return files;
  }
}

/** `path: line: text` for every forbidden mention in the text files among `paths`. */
function mentionsIn(paths: readonly string[]): string[] {
  const found: string[] = [];
  for (const path of paths) {
    if (ALLOWED.has(path)) continue;
    const full = join(ROOT, path);
    // A tracked file another change deleted or moved in the working tree is not there to read.
    if (!existsSync(full) || !statSync(full).isFile()) continue;
    const bytes = readFileSync(full);
    if (bytes.includes(0)) continue; // binary: images, archives
    const lines = bytes.toString('utf8').split('\n');
    lines.forEach((line, index) => {
      for (const { what, pattern } of FORBIDDEN) {
        if (pattern.test(line)) found.push(`${path}:${index + 1}: ${what}: ${line.trim().slice(0, 160)}`);
      }
    });
  }
  return found;
}

const files = repositoryFiles();
const inRenderer = (path: string): boolean => path.startsWith('renderer/');

describe('the repository is self-contained', () => {
  it('finds files to check', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('docs/domain.md');
  });

  it('mentions no outside notes and no issue numbers outside renderer/', () => {
    expect(mentionsIn(files.filter((path) => !inRenderer(path)))).toEqual([]);
  });

  it('mentions no outside notes and no issue numbers in renderer/', () => {
    expect(mentionsIn(files.filter(inRenderer))).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const samples = [
      ['see ', 'design', '.md §3'],
      ['(', 'style', '.md §7)'],
      ['../shared/', 'design'],
      ['Issue', ' 4: halve on 413'],
      ['(issues ', '3 and 5)'],
      ['issue ', '#12'],
    ].map((parts) => parts.join(''));
    for (const sample of samples) {
      expect(
        FORBIDDEN.some(({ pattern }) => pattern.test(sample)),
        sample,
      ).toBe(true);
    }
    for (const clean of [
      '../shared/couchdb/',
      'validation issues',
      'an issue per file',
      'BENCH_SCALE=design',
    ]) {
      expect(
        FORBIDDEN.some(({ pattern }) => pattern.test(clean)),
        clean,
      ).toBe(false);
    }
  });
});
