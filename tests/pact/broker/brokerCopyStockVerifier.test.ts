import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishPacts } from '../../../src/pact/broker/publishPacts';
import { EXAMPLE_SECRET, httpPactJson } from '../../../src/pact/http';
import { signatureIgnoringReceiver, soundReceiver } from '../../checks/support/receivers';
import { closeAfterEach } from '../../support/servers';
import { requirementOf, tempDir, testPact } from '../http/support/pacts';
import { stockVerify } from '../http/support/stockVerifier';
import { startFakeBroker, type FakeBroker } from '../support/fakeBroker';
import { cleanEnv } from './support/cli';

// The proof, with the broker's copy: generate → publish (exact bytes) → fetch the copy the
// broker serves → the stock Rust verifier, no hookproof code in between, passes a sound receiver
// and fails one that ignores signatures on exactly SIG-2, SIG-3 and SIG-4. A broker copy with
// re-serialised bodies (what the Pact CLI's upload left) fails a sound receiver instead.

jest.setTimeout(180_000);

const pact = testPact({ types: ['ping'] });

async function brokerCopy(broker: FakeBroker): Promise<string> {
  const file = join(tempDir(), 'gridx-webhooks-test-receiver.json');
  writeFileSync(file, httpPactJson(pact));
  const published = await publishPacts({ files: [file], brokerUrl: broker.url }, cleanEnv());
  const response = await fetch(`${broker.url}/pacts/provider/test-receiver/consumer/gridx-webhooks/version/${encodeURIComponent(published.version)}`);
  const copy = join(tempDir(), 'broker-copy.json');
  writeFileSync(copy, await response.text());
  return copy;
}

describe("the stock Rust verifier on the broker's copy", () => {
  const closing = closeAfterEach();

  it('passes a sound receiver and fails a signature-ignoring one on exactly its defects', async () => {
    const copy = await brokerCopy(await closing(startFakeBroker()));
    const sound = await stockVerify(copy, (await closing(soundReceiver([EXAMPLE_SECRET]))).url);
    expect(sound.filter((v) => !v.passed)).toEqual([]);
    expect(sound).toHaveLength(pact.interactions.length);
    const ignoring = await stockVerify(copy, (await closing(signatureIgnoringReceiver())).url);
    expect(ignoring.filter((v) => !v.passed).map((v) => requirementOf(v.description))).toEqual(['SIG-2', 'SIG-3', 'SIG-4', 'SIG-12']);
  });

  it('fails a sound receiver when the broker re-serialised the bodies, which --check-roundtrip catches', async () => {
    const copy = await brokerCopy(await closing(startFakeBroker({ copy: 'bodies-parsed' })));
    const sound = await stockVerify(copy, (await closing(soundReceiver([EXAMPLE_SECRET]))).url);
    expect(sound.filter((v) => !v.passed).length).toBeGreaterThan(0);
  });
});
