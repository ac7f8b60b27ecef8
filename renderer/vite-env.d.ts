/**
 * The values the renderer reads from `import.meta.env` beyond Vite's own: renderer/vite.config.ts
 * defines them for the dev server and the build.
 */
interface ImportMetaEnv {
  /** package.json's version; absent where Vite does not build the renderer (the unit tests). */
  readonly VITE_APP_VERSION?: string;
}
