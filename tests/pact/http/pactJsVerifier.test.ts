import { execFile } from 'node:child_process';
import { EXAMPLE_SECRET, WITHOUT_SIG8_FILTER } from '../../../src/pact/http';
import { soundReceiver } from '../../checks/support/receivers';
import { closeAfterEach } from '../../support/servers';
import { testPact, writeTempPact } from './support/pacts';

// pact-js's own Verifier, as a partner on pact-js runs it (no hookproof code in the child): its
// proxy re-serialises request bodies, so it cannot send SIG-8. With the documented description
// filter, or on the `--for pact-js` variant, it passes a sound receiver holding the example secret,
// and the process exits by itself (a run that hung would hit the execFile timeout).

jest.setTimeout(120_000);

const SCRIPT = `
const { Verifier } = require('@pact-foundation/pact');
new Verifier({ providerBaseUrl: process.argv[1], pactUrls: [process.argv[2]], logLevel: 'error' })
  .verifyProvider()
  .then(() => console.log('PASSED'), (e) => { console.log('FAILED ' + String(e && e.message).split('\\n')[0]); process.exitCode = 1; });
`;

function pactJsVerify(origin: string, file: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['-e', SCRIPT, origin, file],
      { env: { ...process.env, PACT_DO_NOT_TRACK: 'true', ...env }, timeout: 90_000, cwd: process.cwd() },
      (error, stdout) => resolve({ code: child.exitCode ?? (error === null ? 0 : 1), stdout }),
    );
  });
}

describe("pact-js's Verifier on hookproof's contract", () => {
  const closing = closeAfterEach();

  it('passes a sound receiver and exits, with the documented filter on the full contract and on the --for pact-js variant', async () => {
    const receiver = await closing(soundReceiver([EXAMPLE_SECRET]));
    const filtered = await pactJsVerify(receiver.origin, writeTempPact(testPact({ types: ['ping'] })), { PACT_DESCRIPTION: WITHOUT_SIG8_FILTER });
    expect([filtered.code, filtered.stdout.trim().split('\n').at(-1)]).toEqual([0, 'PASSED']);
    const variant = await pactJsVerify(receiver.origin, writeTempPact(testPact({ types: ['ping'], for: 'pact-js' })));
    expect([variant.code, variant.stdout.trim().split('\n').at(-1)]).toEqual([0, 'PASSED']);
  });
});
