/**
 * The dependency rules in .dependency-cruiser.cjs bite: dependency-cruiser, run with the real
 * config on small trees written to a temporary folder, reports a cycle, a component importing a
 * screen, the client core importing React, production code importing a fixture and the rest, and
 * leaves the allowed imports alone. (The repository's own tree is checked by `npm run lint:deps`.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterEach, describe, expect, it } from 'vitest';

const CONFIG = join(dirname(fileURLToPath(import.meta.url)), '..', '.dependency-cruiser.cjs');

/** Fake packages with the layout of the real ones (zustand's entries are in esm/, behind `exports`). */
const PACKAGES: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'fixture',
    type: 'module',
    dependencies: { react: '*', zustand: '*' },
    devDependencies: { vitest: '*' },
  }),
  'node_modules/react/package.json': JSON.stringify({ name: 'react', main: 'index.js' }),
  'node_modules/react/index.js': 'export {};\n',
  'node_modules/vitest/package.json': JSON.stringify({ name: 'vitest', main: 'index.js' }),
  'node_modules/vitest/index.js': 'export {};\n',
  'node_modules/zustand/package.json': JSON.stringify({
    name: 'zustand',
    exports: { '.': { import: './esm/index.mjs' }, './vanilla': { import: './esm/vanilla.mjs' } },
  }),
  'node_modules/zustand/esm/index.mjs': 'export {};\n',
  'node_modules/zustand/esm/vanilla.mjs': 'export {};\n',
};

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

type Violation = Readonly<{ rule: string; from: string; to: string }>;

/** Writes `files` (path → source) into a fresh folder and cruises it with the real rules. */
async function violationsOf(files: Record<string, string>): Promise<Violation[]> {
  const root = mkdtempSync(join(tmpdir(), 'dependency-rules-'));
  folders.push(root);
  for (const [path, text] of Object.entries({ ...PACKAGES, ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const options = await extractDepcruiseOptions(CONFIG);
  const tops = [...new Set(Object.keys(files).map((path) => path.split('/')[0] ?? path))];
  const result = await cruise(tops, { ...options, baseDir: root, validate: true }, {}, {});
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((violation) => ({
    rule: violation.rule.name,
    from: violation.from,
    to: violation.cycle ? violation.cycle.map((step) => step.name).join(' → ') : violation.to,
  }));
}

describe('the dependency rules', () => {
  it('report an import cycle', async () => {
    const violations = await violationsOf({
      'shared/a.ts': "import { b } from './b';\nexport const a = (): number => b + 1;\n",
      'shared/b.ts':
        "import { a } from './a';\nexport const b = 1;\nexport const twice = (): number => a() * 2;\n",
    });
    expect(violations).toContainEqual(expect.objectContaining({ rule: 'no-circular', from: 'shared/a.ts' }));
  });

  it('report a component that imports a screen, and accept the app importing it', async () => {
    const violations = await violationsOf({
      'renderer/screens/home-screen.tsx': 'export const HomeScreen = (): null => null;\n',
      'renderer/components/card.tsx':
        "import { HomeScreen } from '../screens/home-screen';\nexport const Card = HomeScreen;\n",
      'renderer/app/app.tsx':
        "import { HomeScreen } from '../screens/home-screen';\nexport const App = HomeScreen;\n",
    });
    expect(violations).toEqual([
      {
        rule: 'components-not-screens',
        from: 'renderer/components/card.tsx',
        to: 'renderer/screens/home-screen.tsx',
      },
    ]);
  });

  it("report the client core importing React or zustand's React entry, and accept zustand/vanilla", async () => {
    const violations = await violationsOf({
      'renderer/core/store.ts': [
        "import 'react';",
        "import { create } from 'zustand';",
        "import { createStore } from 'zustand/vanilla';",
        'export const stores = [create, createStore];',
        '',
      ].join('\n'),
    });
    expect(violations.filter((violation) => violation.rule === 'core-no-react')).toEqual([
      { rule: 'core-no-react', from: 'renderer/core/store.ts', to: 'node_modules/react/index.js' },
      { rule: 'core-no-react', from: 'renderer/core/store.ts', to: 'node_modules/zustand/esm/index.mjs' },
    ]);
  });

  it("report screens reaching past the client core's interface, and the core importing a screen", async () => {
    const violations = await violationsOf({
      'renderer/core/client-core.ts': 'export interface ClientCore { readonly ready: boolean }\n',
      'renderer/core/data/database.ts': 'export const database = {};\n',
      'renderer/core/session.ts': "import '../screens/home-screen';\nexport {};\n",
      'renderer/screens/home-screen.tsx': [
        "import type { ClientCore } from '../core/client-core';",
        "import { database } from '../core/data/database';",
        'export const HomeScreen = (core: ClientCore): unknown => (core.ready ? database : null);',
        '',
      ].join('\n'),
    });
    const rules = violations.map((violation) => `${violation.rule}: ${violation.from} → ${violation.to}`);
    expect(rules).toContain(
      'ui-through-client-core: renderer/screens/home-screen.tsx → renderer/core/data/database.ts',
    );
    expect(rules).toContain('core-not-ui: renderer/core/session.ts → renderer/screens/home-screen.tsx');
    expect(rules.join('\n')).not.toContain('→ renderer/core/client-core.ts');
  });

  it('report production code importing a fixture, a test or a dev dependency, and let tests use fixtures', async () => {
    const violations = await violationsOf({
      'shared/ids/content-id.fixtures.ts': 'export const SAMPLE_ID = "c1";\n',
      'shared/ids/content-id.ts': [
        "import { SAMPLE_ID } from './content-id.fixtures';",
        "import { helper } from './content-id.test';",
        "import 'vitest';",
        'export const id = SAMPLE_ID + String(helper);',
        '',
      ].join('\n'),
      'shared/ids/content-id.test.ts':
        "import { SAMPLE_ID } from './content-id.fixtures';\nexport const helper = SAMPLE_ID;\n",
      'test/integration/ids.test.ts':
        "import { SAMPLE_ID } from '../../shared/ids/content-id.fixtures';\nSAMPLE_ID;\n",
    });
    expect(violations).toEqual(
      expect.arrayContaining([
        {
          rule: 'fixtures-only-in-tests',
          from: 'shared/ids/content-id.ts',
          to: 'shared/ids/content-id.fixtures.ts',
        },
        {
          rule: 'production-not-tests',
          from: 'shared/ids/content-id.ts',
          to: 'shared/ids/content-id.test.ts',
        },
        {
          rule: 'production-not-to-dev-dep',
          from: 'shared/ids/content-id.ts',
          to: 'node_modules/vitest/index.js',
        },
      ]),
    );
    expect(violations.filter((violation) => violation.from !== 'shared/ids/content-id.ts')).toEqual([]);
  });

  it('report shared/ importing another layer, electron/ importing the renderer, and an unresolvable import', async () => {
    const violations = await violationsOf({
      'renderer/format/format-date.ts': 'export const formatDate = String;\n',
      'shared/time/local-date.ts':
        "import { formatDate } from '../../renderer/format/format-date';\nexport const show = formatDate;\n",
      'electron/menu.ts':
        "import { formatDate } from '../renderer/format/format-date';\nexport const m = formatDate;\n",
      'central/cli.ts': "import { gone } from './missing';\nexport const c = gone;\n",
    });
    const rules = violations.map((violation) => `${violation.rule}: ${violation.from}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'shared-is-pure: shared/time/local-date.ts',
        'electron-central-not-renderer: electron/menu.ts',
        'not-to-unresolvable: central/cli.ts',
      ]),
    );
  });
});
