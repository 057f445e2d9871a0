import { runCapacity } from '../../src/capacity';
import { warmSendPath, WARM_UP_DELIVERIES } from '../../src/capacity/warmUp';
import { defaultEngine } from '../support/engine';
import { closeAfterEach } from '../support/servers';
import { SECRET, tokenBucketReceiver } from './capacityReceivers';

const closing = closeAfterEach();
const target = { secrets: [SECRET], signatureHeader: 'X-Signature' };

describe('capacity warms its own send path before the clock starts', () => {
  it('runs every warm-up delivery against a sink of its own on loopback', async () => {
    await expect(warmSendPath(target)).resolves.toBe(WARM_UP_DELIVERIES);
  });

  it('does nothing for a run already aborted', async () => {
    await expect(warmSendPath({ ...target, signal: AbortSignal.abort() })).resolves.toBe(0);
  });

  it('sends the receiver nothing but its one preflight event and the phase: every other event it sees is one the phase counted', async () => {
    const receiver = await closing(tokenBucketReceiver(1000, 200));
    const report = await runCapacity({ url: receiver.url, secrets: [SECRET], allowHttp: true, engine: defaultEngine(), types: ['ping'], seed: 3, rate: 20, durationMs: 500 });
    expect(report.phases[0]?.sent).toBe(10);
    expect(receiver.seen.ids.size).toBe(1 + 10);
    expect([...receiver.seen.ids.values()].every((n) => n === 1)).toBe(true);
  });
});
