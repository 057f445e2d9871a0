import { describeCause, UsageError } from '../../errors';

/**
 * A failure to listen on `--host`/`--port` as the user's mistake it is (port in use, no such
 * address, no permission), instead of an internal error.
 */
export function listenError(host: string, port: number, cause: unknown): UsageError {
  const code = typeof cause === 'object' && cause !== null ? (cause as NodeJS.ErrnoException).code : undefined;
  const why =
    code === 'EADDRINUSE'
      ? 'the port is in use (pick another --port, or 0 for a free one)'
      : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'no such address on this machine (check --host)'
        : code === 'EACCES'
          ? 'permission denied (ports below 1024 need privileges; pick another --port)'
          : describeCause(cause);
  return new UsageError(`cannot listen on ${host}:${port}: ${why}`);
}
