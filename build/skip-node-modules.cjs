// electron-builder `beforeBuild` hook. Resolving to false tells electron-builder that
// node_modules are handled elsewhere: it then neither rebuilds nor copies them. Vite bundles the
// renderer and esbuild bundles main and preload (scripts/build-electron.ts), so the packaged
// app needs nothing from node_modules.
module.exports = async function skipNodeModules() {
  return false;
};
