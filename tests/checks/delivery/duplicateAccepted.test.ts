import { createReferenceHandler } from '../../../src/receiver';
import { defectiveReceiver, SECRET } from '../support/receivers';
import { closeAfterEach, serve } from '../../support/servers';
import { runCheck } from '../support/runCheck';

describe('dlv-duplicate-accepted (DLV-4)', () => {
  const closing = closeAfterEach();

  it('passes against the reference receiver, which sees every event once new and once as a duplicate', async () => {
    const handler = createReferenceHandler({ secrets: [SECRET] });
    const sound = await closing(serve(handler));
    const report = await runCheck('dlv-duplicate-accepted', sound.url, { runs: 10 });
    expect(report).toMatchObject({ status: 'pass', requirement: 'DLV-4', cases: 20, failures: [] });
    expect(handler.stats()).toEqual({ accepted: 10, duplicates: 10, rejected: 0 });
  });

  it('fails against a receiver that answers 409 to an id it has seen', async () => {
    const seen = new Set<string>();
    const strict = await closing(
      defectiveReceiver((_req, body, res) => {
        const { id } = JSON.parse(body.toString('utf8')) as { id: string };
        if (!seen.has(id)) {
          seen.add(id);
          return false;
        }
        res.writeHead(409).end();
        return true;
      }),
    );
    const report = await runCheck('dlv-duplicate-accepted', strict.url, { runs: 5 });
    expect(report).toMatchObject({ status: 'fail', requirement: 'DLV-4' });
    expect(report.failures).toHaveLength(1);
    const [failure] = report.failures;
    expect(failure?.label).toMatch(/^duplicate delivery \(same id, same bytes/);
    expect(failure?.actual).toMatch(/^409 permanent/);
    expect(failure?.expected).toContain('may deliver an event twice');
  });

  it('is blocked by EVT-1, not failed, when even a new event is refused (the first delivery is the control)', async () => {
    const refusing = await closing(
      defectiveReceiver((_req, _body, res) => {
        res.writeHead(400).end();
        return true;
      }),
    );
    const report = await runCheck('dlv-duplicate-accepted', refusing.url, { runs: 3 });
    expect(report).toMatchObject({ status: 'blocked', blockedBy: ['EVT-1'], failures: [], cases: 3 });
    expect(report.note).toMatch(/^blocked by EVT-1: the first delivery of the event was refused \(400 permanent in \d+ ms\)/);
  });

  it('stops at the first 410 Gone', async () => {
    const gone = await closing(
      defectiveReceiver((_req, _body, res) => {
        res.writeHead(410).end();
        return true;
      }),
    );
    const report = await runCheck('dlv-duplicate-accepted', gone.url, { runs: 5 });
    expect(report).toMatchObject({ status: 'blocked', blockedBy: ['GONE-1'], cases: 1 });
    expect(report.note).toMatch(/^blocked by GONE-1: .*410 gone.*; the receiver answered 410 Gone to first delivery$/);
  });
});
