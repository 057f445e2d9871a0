import { defectiveReceiver } from '../support/receivers';
import { closeAfterEach } from '../../support/servers';
import { runCheck, runCheckOnReference } from '../support/runCheck';

interface Envelope {
  readonly id: string;
  readonly type: string;
  readonly time: string;
  readonly source: string;
  readonly accountID: string;
  readonly specVersion: string;
}

const envelope = (body: Buffer): Envelope => JSON.parse(body.toString('utf8')) as Envelope;

describe('dlv-out-of-order (DLV-5)', () => {
  const closing = closeAfterEach();

  it('passes against the reference receiver, sending each pair newer first about one subject', async () => {
    const received: Envelope[] = [];
    const recording = await closing(
      defectiveReceiver((_req, body) => {
        received.push(envelope(body));
        return false;
      }),
    );
    const report = await runCheck('dlv-out-of-order', recording.url, { runs: 10 });
    expect(report).toMatchObject({ status: 'pass', requirement: 'DLV-5', cases: 20, failures: [] });
    for (let i = 0; i < received.length; i += 2) {
      const [newer, older] = [received[i], received[i + 1]];
      if (newer === undefined || older === undefined) throw new Error('odd number of requests');
      expect(Date.parse(newer.time)).toBeGreaterThan(Date.parse(older.time));
      expect(older).toMatchObject({ type: newer.type, source: newer.source, accountID: newer.accountID, specVersion: newer.specVersion });
      expect(older.id).not.toBe(newer.id);
    }
  });

  it('passes against the plain reference receiver', async () => {
    expect(await runCheckOnReference('dlv-out-of-order', { runs: 5 })).toMatchObject({ status: 'pass', cases: 10 });
  });

  it.each([409, 422])('fails against a receiver answering %i to an event older than the last one seen for its subject', async (status) => {
    const latest = new Map<string, number>();
    const stale = await closing(
      defectiveReceiver((_req, body, res) => {
        const event = envelope(body);
        const subject = `${event.type} ${event.accountID} ${event.source}`;
        const time = Date.parse(event.time);
        if (time < (latest.get(subject) ?? -Infinity)) {
          res.writeHead(status).end();
          return true;
        }
        latest.set(subject, time);
        return false;
      }),
    );
    const report = await runCheck('dlv-out-of-order', stale.url, { runs: 5 });
    expect(report).toMatchObject({ status: 'fail', requirement: 'DLV-5' });
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]?.label).toMatch(/^older event sent after a newer one of the same type\/accountID\/source\/specVersion \(time /);
    expect(report.failures[0]?.actual).toMatch(new RegExp(`^${status} permanent`));
    expect(report.failures[0]?.expected).toContain('an older event must be accepted');
  });
});
