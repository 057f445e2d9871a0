import { describeCause, HookproofError } from '../../errors';

/** The Pact CLI binary (from @pact-foundation/pact-cli) is not installed for this platform or cannot be started. */
export class PactCliUnavailableError extends HookproofError {
  constructor(reason: string, cause?: unknown) {
    super('INTERNAL', `cannot run the Pact CLI: ${reason}${cause === undefined ? '' : ` (${describeCause(cause)})`}`, cause === undefined ? undefined : { cause });
  }
}
