/**
 * dependency-cruiser rules: the layers of Meja Aduan, checked by `npm run lint:deps` (a step of
 * `npm test`, right after `lint`). Every rule says why it exists in its `comment`.
 *
 * The layers, from the bottom up:
 *   shared/    pure domain code (runs in Node, in the browser and in CouchDB's validation); imports
 *              no other folder of the repository.
 *   electron/  the desktop shell (main process and preload); never the renderer.
 *   central/   the CouchDB server tooling (`npm run central`); never the renderer.
 *   renderer/  the React app. Inside it:
 *                core/        the client core: storage, sync, sessions. No React, no screens.
 *                app/         the app: routes, providers; wires screens to the core.
 *                screens/     one folder or file per route; reach the core only through
 *                             renderer/core/client-core.ts.
 *                components/  and hooks/: reusable pieces; never screens.
 *              It reaches the platform (Electron or the browser) only through the contract in
 *              shared/platform/, never electron/.
 *   scripts/, bench/, test/    tools and tests; they may import any of the above.
 * Test fixtures are named `*.fixtures.ts(x)` and only tests (and other fixtures) import them.
 *
 * Known violations: `.dependency-cruiser-known-violations.json` lists breaches the tree had when
 * a rule was written (the renderer's old layout had 28: renderer/data, renderer/sync,
 * renderer/app/*-session.ts, screens/routes.ts, a session <-> sync-session cycle); `lint:deps`
 * ignores only those (`--ignore-known`), any new breach fails. The baseline must shrink to empty,
 * and is empty since the restructure into renderer/core/ and renderer/app/. After fixing a breach,
 * regenerate it with `npm run lint:deps:baseline`; never add a violation to it by hand (a new rule
 * that today's tree breaks may start with a baseline, which then shrinks the same way).
 */

/** Test code: unit tests next to the code, the test/ tree, benchmarks, and fixtures. */
const TEST_CODE = ['\\.test\\.tsx?$', '^test/', '^bench/', '\\.fixtures\\.tsx?$'];
/** Production code: what ships in the app (renderer/, electron/, shared/) or runs a server (central/). */
const PRODUCTION = '^(renderer|electron|shared|central)/';
/** Code inside those folders that never ships: tests, fixtures, build configuration (vite.config.ts). */
const NOT_SHIPPED = [...TEST_CODE, '\\.config\\.[cm]?[jt]s$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycles make the load order matter, hide which module is the lower layer and drag a ' +
        'whole loop into every test and bundle. Move the shared part into a module both sides import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'An import that does not resolve to a file or an installed package fails at run time ' +
        '(or only in the build). Fix the path or add the package.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment:
        'shared/ is the pure domain code that the renderer, Electron, the server tooling and the ' +
        'tests all build on; if it imported any of them, the layers would turn into a loop and the ' +
        'domain could no longer run everywhere. (ESLint also forbids Node, DOM and UI packages there.)',
      from: { path: '^shared/' },
      to: { path: '^(renderer|electron|central|scripts|test|bench)/' },
    },
    {
      name: 'electron-central-not-renderer',
      severity: 'error',
      comment:
        'electron/ (main process, preload) and central/ (server tooling) run in Node, not in the ' +
        'page: code they share with the renderer belongs in shared/, not in renderer/.',
      from: { path: '^(electron|central)/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'renderer-not-electron',
      severity: 'error',
      comment:
        'The renderer runs in a sandboxed page and in a plain browser; it reaches the platform only ' +
        'through the contract in shared/platform/ (window.mejaAduan), never through electron/ code or ' +
        'the electron package.',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', '(^|/)node_modules/electron/'] },
    },
    {
      name: 'core-no-react',
      severity: 'error',
      comment:
        'renderer/core/ is the client core: storage, sync and the use cases behind plain TypeScript ' +
        'interfaces, testable in Node without a DOM. React, i18next bindings, the router and ' +
        "zustand's React entry belong to the UI; the core may use 'zustand/vanilla'.",
      from: { path: '^renderer/core/' },
      to: {
        path: [
          '(^|/)node_modules/(react|react-dom|react-i18next|wouter|scheduler|use-sync-external-store)/',
          '(^|/)node_modules/zustand/',
        ],
        pathNot: ['(^|/)node_modules/zustand/(esm/)?vanilla'],
      },
    },
    {
      name: 'core-not-ui',
      severity: 'error',
      comment:
        'The client core sits below the UI: if it imported screens, components, hooks or the app, ' +
        'the UI and the core would form a loop and the core could not be tested or reused alone.',
      from: { path: '^renderer/core/' },
      to: { path: '^renderer/(screens|components|hooks|app)/' },
    },
    {
      name: 'ui-through-client-core',
      severity: 'error',
      comment:
        'Screens, components and hooks see the core only through its interface, ' +
        'renderer/core/client-core.ts; its internals (databases, repositories, sync machinery) may ' +
        'change without touching the UI, and a test can hand the UI a fake core.',
      from: { path: '^renderer/(screens|components|hooks)/' },
      to: { path: '^renderer/core/', pathNot: '^renderer/core/client-core\\.ts$' },
    },
    {
      name: 'ui-not-old-core-locations',
      severity: 'error',
      comment:
        'renderer/data/, renderer/sync/ and renderer/app/*-session.ts are the old homes of what is ' +
        'now the client core (renderer/core/); screens, components and hooks reach it only through ' +
        'renderer/core/client-core.ts.',
      from: { path: '^renderer/(screens|components|hooks)/' },
      to: { path: ['^renderer/(data|sync)/', '^renderer/app/[^/]+-session\\.ts$'] },
    },
    {
      name: 'components-not-screens',
      severity: 'error',
      comment:
        'Components and hooks are reusable pieces that screens are built from; if they imported ' +
        'screens (or the route table kept among them), the pieces would depend on the pages. Routes ' +
        'live with the app in renderer/app/.',
      from: { path: '^renderer/(components|hooks)/' },
      to: { path: '^renderer/screens/' },
    },
    {
      name: 'screens-only-from-app',
      severity: 'error',
      comment:
        'Only the app (renderer/app/, which owns the routes) and other screens import screens; ' +
        'the core, the store, components and hooks never do.',
      from: { path: '^renderer/', pathNot: ['^renderer/(app|screens|components|hooks)/', ...TEST_CODE] },
      to: { path: '^renderer/screens/' },
    },
    {
      name: 'fixtures-only-in-tests',
      severity: 'error',
      comment:
        'Files named *.fixtures.ts(x) hold test data and test helpers: only tests, test/, bench/ and ' +
        'other fixtures import them, so none of it reaches the app, the preload or the server tooling.',
      from: { pathNot: TEST_CODE },
      to: { path: '\\.fixtures\\.tsx?$' },
    },
    {
      name: 'production-not-tests',
      severity: 'error',
      comment:
        'Production code (renderer/, electron/, shared/, central/) never imports a test file or the ' +
        'test/ tree: it would ship test code and make the tests a dependency of what they test. ' +
        "scripts/ are developers' tools and may reuse test/support/ (central:dev starts the test CouchDB).",
      from: { path: PRODUCTION, pathNot: TEST_CODE },
      to: { path: ['\\.test\\.tsx?$', '^test/'] },
    },
    {
      name: 'production-not-to-dev-dep',
      severity: 'error',
      comment:
        "package.json's `dependencies` are the list of what ships in the app (renderer/, electron/, " +
        'shared/): what electron-builder packs, whose licences and advisories matter. Shipped code ' +
        'that imported a devDependency would make that list wrong (or miss from the packaged app). ' +
        'central/ runs from a checkout with tsx (itself a devDependency), but it holds to the same ' +
        'rule today, which keeps the server tooling small; scripts/, bench/ and tests may use ' +
        "anything. Exceptions: the 'electron' package (electron-builder wants it in devDependencies " +
        'and the Electron runtime provides it), type-only imports (erased by the build) and build ' +
        'configuration (renderer/vite.config.ts).',
      from: { path: PRODUCTION, pathNot: NOT_SHIPPED },
      to: {
        dependencyTypes: ['npm-dev'],
        dependencyTypesNot: ['type-only'],
        pathNot: ['(^|/)node_modules/electron/'],
      },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^(dist|dist-electron|release|coverage|\\.tmp)/'] },
    // Type-only imports count too: a layer that needs another's types depends on it.
    tsPreCompilationDeps: true,
    // Resolve the way the bundlers and tsx do (moduleResolution "Bundler", exports conditions).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
