import './support/esmShim';
import { memoryIO } from '../../../src/cli/memoryIO';
import { runCli } from '../../../src/cli/runCli';
import { closeAfterAll, serve } from '../../support/servers';
import { testPact, writeTempPact } from './support/pacts';

// The native Pact core prints each interaction's description in its own report; it runs in a
// process of its own whose output hookproof reads and escapes, so the whole hostile set is safe here.
const HOSTILE = 'evil\u001b]0;pwned\u0007\u001b[2J\u0000\b\u009b31m\u202e\u2066gnp.exe\r!';
// eslint-disable-next-line no-control-regex -- finding raw control characters is the point
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("pact verify: what hookproof prints of the Pact core's results", () => {
  const closing = closeAfterAll();

  it('reach stdout and stderr escaped, interaction descriptions from the pact file included', async () => {
    const receiver = await closing(
      serve((_req, res) => {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(HOSTILE);
      }),
    );
    const pact = testPact({ types: ['ping'] });
    const [first, ...rest] = pact.interactions;
    if (first === undefined) throw new Error('the test pact has no interaction');
    const file = writeTempPact({ ...pact, interactions: [{ ...first, description: `${first.description} ${HOSTILE}` }, ...rest.slice(0, 1)] });
    const io = { ...memoryIO(), env: { HOOKPROOF_SECRET: 'pact-hostile-secret-5a1e' } };
    const code = await runCli(['pact', 'verify', '--url', receiver.url, '--pact', file], io);
    const lines = [...io.stdout, ...io.stderr];
    expect(code).toBe(1);
    expect(lines.filter((line) => RAW.test(line))).toEqual([]);
    // The description did reach the output, escaped: in hookproof's line and in the core's own report.
    const escaped = /evil.*pwned\\u0007.*\\u0000\\u0008\\u009B31m\\u202E\\u2066gnp\.exe\\r!/;
    expect(lines.filter((line) => escaped.test(line)).length).toBeGreaterThanOrEqual(2);
    // The core's report itself came through the writer (its summary names the failed interaction).
    expect(io.stdout.some((line) => /Failures:|There were \d+ pact failures/.test(line))).toBe(true);
  });
});
