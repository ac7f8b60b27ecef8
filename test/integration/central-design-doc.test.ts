/**
 * The design documents' build properties that need Node: the same bytes from another process and
 * another TypeScript toolchain (tsx/esbuild there, vitest/vite here), and embedded functions and
 * patterns that CouchDB 3.x's ES5 JavaScript engine can run.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../shared/couch/canonical-json';
import { nationalDesignDocJson } from '../../shared/couch/national-design-doc';
import { NATIONAL_VALIDATE_SOURCE } from '../../shared/couch/national-sources';
import { CLOSED_MAP, COMPLAINTS_MAP, DEVICES_MAP } from '../../shared/couch/stages-design-doc';
import { unitDesignDoc, unitDesignDocJson } from '../../shared/couch/unit-design-doc';
import { VALIDATE_DOC_UPDATE_SOURCE } from '../../shared/couch/validate-doc-update-source';

const run = promisify(execFile);

const SOURCES = {
  validate_doc_update: VALIDATE_DOC_UPDATE_SOURCE,
  'national validate_doc_update': NATIONAL_VALIDATE_SOURCE,
  'stages view closed': CLOSED_MAP,
  'stages view complaints': COMPLAINTS_MAP,
  'stages view devices': DEVICES_MAP,
};

/** Library calls newer than ES5 that parse fine but fail in an ES5 engine. */
const NEWER_THAN_ES5 =
  /\.(includes|startsWith|endsWith|padStart|padEnd|repeat|find|findIndex|fill|flat|flatMap|trimStart|trimEnd)\(|Object\.(assign|entries|values|fromEntries)|Array\.from|Number\.is|Symbol|Promise|=>/;

function patternsOf(value: Json, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value as readonly Json[]) patternsOf(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'pattern' && typeof item === 'string') found.push(item);
      else patternsOf(item, found);
    }
  }
  return found;
}

describe('design documents', () => {
  it('are the same bytes when built by another process with another toolchain', async () => {
    const script = `Promise.all([import('./shared/couch/unit-design-doc.ts'), import('./shared/couch/national-design-doc.ts')])
      .then(([unit, national]) => process.stdout.write(JSON.stringify([unit.unitDesignDocJson('KTB'), national.nationalDesignDocJson()])))`;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '-e', script], { timeout: 60_000 });
    expect(JSON.parse(stdout)).toEqual([unitDesignDocJson('KTB'), nationalDesignDocJson()]);
  });

  it.each(Object.entries(SOURCES))('%s is ES5 and uses no newer library calls', (_name, source) => {
    const messages = new Linter().verify(`var fn = ${source};`, {
      languageOptions: { ecmaVersion: 5, sourceType: 'script' },
    });
    expect(messages.map((message) => `${message.line}:${message.column} ${message.message}`)).toEqual([]);
    expect(source.match(NEWER_THAN_ES5)).toBeNull();
  });

  it('holds only ES5 regular expressions', () => {
    const patterns = patternsOf(unitDesignDoc('KTB').meja_aduan as Json);
    expect(patterns.length).toBeGreaterThan(10);
    for (const pattern of new Set(patterns)) {
      expect(() => new RegExp(pattern), pattern).not.toThrow();
      expect(pattern, pattern).not.toMatch(/\(\?<|\\p\{|\\u\{|\\k</); // lookbehind, named groups, Unicode escapes
    }
  });
});
