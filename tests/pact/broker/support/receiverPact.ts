import { join } from 'node:path';
import { gridxMessagePact } from '../../../../src/pact/messages/gridxMessagePact';
import { defaultEngine } from '../../../support/engine';
import { tempPactDir } from '../../messages/support/pactFiles';

/** A real V4 message pact, written by the receiver-side helper and the Pact core, to publish. */
export async function writeReceiverPact(): Promise<{ dir: string; path: string; cleanup(): void }> {
  const temp = tempPactDir();
  const pact = gridxMessagePact({ consumer: 'acme-receiver', provider: 'gridx-webhooks', dir: temp.dir, engine: defaultEngine() });
  await pact.expectsEvent('ev/plugged', { fields: ['/data/state', '/data/assetID'] }).verify(() => undefined);
  return { dir: temp.dir, path: join(temp.dir, 'acme-receiver-gridx-webhooks.json'), cleanup: () => temp.cleanup() };
}
