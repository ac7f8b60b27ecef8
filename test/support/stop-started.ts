/**
 * Teardown for the servers a test file starts in its `beforeAll`. The file keeps them in `let`
 * variables typed as started, but a `beforeAll` that failed early left some undefined: those are
 * skipped, so the failure that matters is the one reported.
 */
type Started = Readonly<{ stop: () => Promise<unknown> }> | Readonly<{ close: () => Promise<unknown> }>;

/** Stops (or closes) every one of `servers` that was started, all at once. */
export async function stopStarted(...servers: readonly (Started | undefined)[]): Promise<void> {
  await Promise.all(
    servers.map((server) => {
      if (server === undefined) return Promise.resolve();
      return 'stop' in server ? server.stop() : server.close();
    }),
  );
}
