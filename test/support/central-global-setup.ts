/**
 * vitest globalSetup of the integration and E2E projects: decides the central server once for the
 * run (./couchdb-release: extracts the CouchDB archive and installs libicu72 here, before the
 * workers start) and prints, in one line, which one the tests use. The workers decide the same way
 * from the same environment (they inherit it from this process, so they do not repeat the notice).
 */
import { chooseCentral, describeCentral } from './couchdb-release';

export default function setup(): void {
  // This line says it all, fallback included: chooseCentral's own notice is not needed.
  process.env.MEJA_ADUAN_CENTRAL_NOTICE_SHOWN = '1';
  console.log(`central server for tests: ${describeCentral(chooseCentral())}`);
}
