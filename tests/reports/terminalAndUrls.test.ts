import fc from 'fast-check';
import { errorLines } from '../../src/cli/errorLines';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { TargetInvalidError } from '../../src/errors';
import { maskUrlCredentials, terminalSafe } from '../../src/reports';
import { closeAfterAll, serveReadingBody } from '../support/servers';

describe('terminalSafe', () => {
  it('leaves no character a terminal acts on, and keeps printable text as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const safe = terminalSafe(text);
        // eslint-disable-next-line no-control-regex -- asserting that no control character is left is the point
        expect(safe).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: the emoji must stay whole (a lone surrogate is unsafe)
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'abc XYZ 09 -_/:é€😀') }), (text) => expect(terminalSafe(text)).toBe(text)));
  });

  it('shows a screen clear, a title change and a forged line visibly', () => {
    expect(terminalSafe('\u001b[2J\u001b]0;owned\u0007ok\r\nFAIL forged')).toBe('\\u001B[2J\\u001B]0;owned\\u0007ok\\r\\nFAIL forged');
    expect(terminalSafe('\u009b31m \u202eevil')).toBe('\\u009B31m \\u202Eevil');
    // Tab shifts columns; zero-width and bidi marks hide or reorder text; a lone surrogate is not text.
    expect(terminalSafe('a\tb\u200bc\u061cd\ud800e')).toBe('a\\tb\\u200Bc\\u061Cd\\uD800e');
  });
});

describe('maskUrlCredentials', () => {
  it('masks the password of any URL in any text as u:***@, and a bare user as ***@', () => {
    expect(maskUrlCredentials('see http://u:pw@host:8080/p?q=1 and https://tok@h2/x')).toBe('see http://u:***@host:8080/p?q=1 and https://***@h2/x');
    expect(maskUrlCredentials('no credentials: https://host/a@b')).toBe('no credentials: https://host/a@b');
  });

  it('never lets a password through, whatever it holds', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[A-Za-z0-9!$&'()*+,;=%@:-]{6,20}$/), (user, password) => {
        const out = maskUrlCredentials(`failed: POST http://${user}:${password}@127.0.0.1:9/hooks (refused)`);
        expect(out).toBe(`failed: POST http://${user}:***@127.0.0.1:9/hooks (refused)`);
      }),
    );
  });

  it('is applied to every error line the CLI prints', () => {
    const lines = errorLines(new TargetInvalidError('cannot reach https://ci:s3cr3t-pw@receiver.example.com/hooks\u001b[2J'), false);
    expect(lines).toEqual(['hookproof: cannot reach https://ci:***@receiver.example.com/hooks\\u001B[2J']);
  });
});

describe('send escapes what the receiver answers', () => {
  const closing = closeAfterAll();
  let url: string;
  beforeAll(async () => {
    const server = await closing(
      serveReadingBody((_request, _body, response) => {
        response.writeHead(400, { 'content-type': 'text/plain' }).end('\u001b[2J\u001b]0;pwned\u0007\rFAIL nothing to see');
      }, '/hooks'),
    );
    url = server.url;
  });

  it('prints the answer body with control characters escaped', async () => {
    const io = { ...memoryIO(), env: { HOOKPROOF_SECRET: 'send-escape-secret-1' } };
    expect(await runCli(['send', '--url', url, '--allow-http', '--type', 'ping', '--seed', '1'], io)).toBe(1);
    const body = io.stdout.find((line) => line.startsWith('body'));
    expect(body).toBe('body    \\u001B[2J\\u001B]0;pwned\\u0007\\rFAIL nothing to see');
    // eslint-disable-next-line no-control-regex -- asserting that no control character is left is the point
    for (const line of io.stdout) expect(line).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
  });
});
