import { createReferenceHandler } from '../../src/receiver';
import { SECRET } from '../checks/support/receivers';
import { certify } from '../checks/support/runCheck';
import { closeAfterAll, serve } from '../support/servers';

describe('a sound receiver that sends interim responses before its answer is certified (RFC 9110 §15.2)', () => {
  const closing = closeAfterAll();

  // A sample of the catalogue (a full run costs ~20 s on a loaded machine): the delivery checks that
  // send one, two and several requests at once, and a signature check that expects a 401.
  it('100 Continue and 103 Early Hints before every answer: DLV-1, DLV-4, DLV-6, SIG-1 and SIG-3 pass', async () => {
    const sound = createReferenceHandler({ secrets: [SECRET] });
    let interims = 0;
    const receiver = await closing(
      serve((req, res) => {
        // What frameworks and proxies do unasked: a 100 Continue, then early hints, then the answer.
        res.writeContinue();
        res.writeEarlyHints({ link: '</receipt.css>; rel=preload; as=style' });
        interims += 2;
        sound(req, res);
      }),
    );
    const report = await certify(receiver.url, { runs: 3, checks: ['DLV-1', 'DLV-4', 'DLV-6', 'SIG-1', 'SIG-3'], types: ['ping'] });
    expect(interims).toBeGreaterThan(0);
    expect(report.checks.map((c) => `${c.requirement} ${c.status} ${c.failures[0]?.actual ?? c.note ?? ''}`.trim())).toEqual([
      'SIG-1 pass',
      'SIG-3 pass',
      'DLV-1 pass',
      'DLV-4 pass',
      'DLV-6 pass',
    ]);
    expect(report.verdict).toBe('pass');
  });
});
