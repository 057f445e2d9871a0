import { readFileSync, statSync } from 'node:fs';
import { InputUnreadableError } from '../../errors';
import { isSchemaObject } from '../../spec/types';
import { PactFileInvalidError } from '../../errors';

/** Who a pact file is between, read before anything is sent to a broker. */
export interface PactParties {
  readonly path: string;
  readonly consumer: string;
  readonly provider: string;
}

/**
 * Checks that every file to publish is a readable pact (JSON with consumer.name and provider.name)
 * and says who each is between. Throws InputUnreadableError or PactFileInvalidError.
 */
export function readPactParties(paths: readonly string[]): PactParties[] {
  return paths.map((path) => {
    let text: string;
    try {
      if (!statSync(path).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new InputUnreadableError(path, error);
    }
    let pact: unknown;
    try {
      pact = JSON.parse(text);
    } catch {
      throw new PactFileInvalidError(path, 'is not a pact file: it is not JSON');
    }
    const name = (party: unknown): string | undefined => (isSchemaObject(party) && typeof party.name === 'string' && party.name !== '' ? party.name : undefined);
    const consumer = isSchemaObject(pact) ? name(pact.consumer) : undefined;
    const provider = isSchemaObject(pact) ? name(pact.provider) : undefined;
    if (consumer === undefined || provider === undefined) throw new PactFileInvalidError(path, 'is not a pact file: it has no consumer.name and provider.name');
    return { path, consumer, provider };
  });
}
