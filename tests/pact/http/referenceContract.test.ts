import './support/esmShim';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryIO } from '../../../src/cli/memoryIO';
import { runCli } from '../../../src/cli/runCli';
import { REFERENCE_CONTRACT_FILE, REFERENCE_PROVIDER, referenceContractJson, verifyHttpPact } from '../../../src/pact/http';
import { startReferenceReceiver } from '../../../src/receiver';
import { ROOT } from '../../cli/paths';
import { defaultEngine } from '../../support/engine';
import { tempDir } from './support/pacts';

const committedPath = join(ROOT, REFERENCE_CONTRACT_FILE);

describe(REFERENCE_CONTRACT_FILE, () => {
  it('is what the generator writes today (never stale: regenerate with `node bin/hookproof.js pact generate --provider hookproof-reference-receiver --out contracts`)', () => {
    expect(readFileSync(committedPath, 'utf8')).toBe(referenceContractJson(defaultEngine().catalogue));
  });

  it('is exactly what that command writes', async () => {
    const out = tempDir();
    const io = memoryIO();
    expect(await runCli(['pact', 'generate', '--provider', REFERENCE_PROVIDER, '--out', out], io)).toBe(0);
    expect(readFileSync(join(out, 'gridx-webhooks-hookproof-reference-receiver.json'), 'utf8')).toBe(readFileSync(committedPath, 'utf8'));
  });

  it('passes against the reference receiver', async () => {
    const secret = 'reference-contract-secret';
    const receiver = await startReferenceReceiver({ secrets: [secret] });
    try {
      const result = await verifyHttpPact({ url: receiver.url, secrets: [secret], pactFiles: [committedPath] });
      expect(result.interactions.filter((i) => !i.passed)).toEqual([]);
      expect(result.passed).toBe(true);
    } finally {
      await receiver.close();
    }
  });
});
