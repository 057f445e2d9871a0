import { startReferenceReceiver } from '../../receiver';
import { terminalSafe } from '../../reports';
import { listenError } from '../../sender/listen/listenError';
import type { CommandRegistration } from '../command';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { addListenAddressOptions, addSecretOptions } from '../options';
import { untilSignal } from '../untilSignal';
import { resolveSecrets, type SecretSources } from '../secrets';

export interface ServeOptions extends SecretSources {
  readonly port: number;
  readonly host: string;
  /** Resolves when the server should stop (SIGINT/SIGTERM in the CLI; a test's own promise). */
  readonly until?: Promise<void>;
}

/**
 * `hookproof serve`: runs the reference receiver until interrupted, one line per delivery. Like
 * certify and listen it takes 1 to 5 secrets (gridX's limit), each of at least 8 characters.
 */
export async function runServe(options: ServeOptions, io: CliIO): Promise<ExitCode> {
  const secrets = resolveSecrets(options, io.env ?? process.env);
  let receiver: Awaited<ReturnType<typeof startReferenceReceiver>>;
  try {
    receiver = await startReferenceReceiver({
      secrets,
      port: options.port,
      host: options.host,
      onEvent: (event) => {
        const e = event as { type?: unknown; id?: unknown };
        // The type and id come from the sender: escaped so they cannot drive the terminal.
        io.out(terminalSafe(`accepted ${String(e.type)} ${String(e.id)}`));
      },
    });
  } catch (cause) {
    throw listenError(options.host, options.port, cause);
  }
  io.out(`hookproof reference receiver listening on ${receiver.url} (${secrets.length} secret(s)); Ctrl-C to stop`);
  const signal = options.until === undefined ? untilSignal() : undefined;
  try {
    await (options.until ?? signal?.promise);
  } finally {
    signal?.dispose();
  }
  await receiver.close();
  const stats = receiver.stats();
  io.out(`stopped: ${stats.accepted} accepted, ${stats.duplicates} duplicates, ${stats.rejected} rejected`);
  return EXIT.pass;
}

export const serveCommand: CommandRegistration = {
  name: 'serve',
  define(command) {
    addSecretOptions(
      addListenAddressOptions(command.description('run the reference receiver (the example partners copy)')),
      'a current secret (repeat for a rotation); prefer --secret-env',
    );
  },
  run(parsed, io) {
    // Commander leaves out the options not given (optional means absent), and the flags are named after the fields.
    return runServe(parsed.opts<ServeOptions>(), io);
  },
};
