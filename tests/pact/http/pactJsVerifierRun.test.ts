import { EXAMPLE_SECRET } from '../../../src/pact/http';
import { runPactJsVerifier } from '../../../src/pact/http/runPactJsVerifier';
import { soundReceiver } from '../../checks/support/receivers';
import { closeAfterEach, serve } from '../../support/servers';
import { testPact, writeTempPact } from './support/pacts';

// hookproof's helper for pact-js users: the real pact-js Verifier (16.5) in a child process, against
// receivers on loopback. A sound run exits by itself; the run pact-js leaves hanging after SIG-8's
// re-serialised body (its proxy forwards the original Content-Length, so the request to the
// receiver never completes) is ended after its result with a one-line cause; a run that gives no
// result is ended at the deadline. The bounds are generous: the machine is loaded.

jest.setTimeout(150_000);

const pactFile = writeTempPact(testPact({ types: ['ping'] }));

describe("runPactJsVerifier: pact-js's Verifier, bounded", () => {
  const closing = closeAfterEach();

  it('passes a sound receiver and the verifier exits by itself (SIG-8 skipped by the documented filter)', async () => {
    const receiver = await closing(soundReceiver([EXAMPLE_SECRET]));
    const output: string[] = [];
    const run = await runPactJsVerifier({ verifierOptions: { providerBaseUrl: receiver.origin, pactUrls: [pactFile], logLevel: 'error' }, output: (t) => output.push(t) });
    expect(run).toEqual({ passed: true, ending: 'exited', failed: [], cause: undefined });
    expect(output.join('')).not.toContain('SIG-8 an event');
  });

  it('ends the verifier that stays alive after the SIG-8 body it cannot send, naming the cause in one line', async () => {
    const receiver = await closing(soundReceiver([EXAMPLE_SECRET]));
    const run = await runPactJsVerifier({
      // A 5 s request timeout instead of pact-js's 30 s: the failure comes sooner, the hang is the same.
      verifierOptions: { providerBaseUrl: receiver.origin, pactUrls: [pactFile], logLevel: 'error', timeout: 5_000 },
      skipSig8: false,
      deadlineMs: 120_000,
      exitGraceMs: 5_000,
      output: () => undefined,
    });
    expect([run.passed, run.ending, run.failed]).toEqual([false, 'ended-after-result', ['SIG-8']]);
    expect(run.cause?.split('\n')).toEqual([
      expect.stringMatching(/^pact-js's Verifier failed 1 interaction\(s\): SIG-8; pact-js's Verifier did not exit within 5 s of its result and was ended/),
    ]);
  });

  it('ends a verifier that gives no result within the deadline', async () => {
    // A receiver that reads the request and never answers; pact-js would wait its 120 s timeout.
    const silent = await closing(serve((req) => req.resume()));
    const run = await runPactJsVerifier({
      verifierOptions: { providerBaseUrl: silent.origin, pactUrls: [pactFile], logLevel: 'error', timeout: 120_000 },
      deadlineMs: 10_000,
      output: () => undefined,
    });
    expect(run).toEqual({ passed: false, ending: 'ended-at-deadline', failed: [], cause: "pact-js's Verifier gave no result within 10 s and was ended" });
  });
});
