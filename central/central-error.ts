/**
 * An error the central CLI explains in one plain sentence (printed without a stack trace, exit
 * status 1): the server is unreachable, the admin credentials are wrong, a unit code is invalid,
 * and so on. Anything else that is thrown is a bug and is reported as such.
 */
export class CentralError extends Error {
  override readonly name = 'CentralError';
}
