import { HookproofError } from '../../errors';

/**
 * A file given as a pact is not one hookproof can use: not JSON, not a pact, or not a message pact.
 * Its code is INPUT_UNREADABLE, so the CLI exits 2 with the one-line message.
 */
export class PactFileInvalidError extends HookproofError {
  constructor(path: string, reason: string) {
    super('INPUT_UNREADABLE', `${path} ${reason}`);
  }
}
