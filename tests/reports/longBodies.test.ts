import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { INLINE_BODY_BYTES, printableCurl } from '../../src/checks/reproduce';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { SECRET, defectiveReceiver } from '../checks/support/receivers';
import { closeAfterAll } from '../support/servers';

// A screen is about 200 columns at most; the longest line a failure prints otherwise is the
// X-Signature header line of a rotation case (5 digests of 128 hex digits, written as $SIGn).
const SCREEN = 400;

describe('the console never prints a curl line longer than a screen', () => {
  const closing = closeAfterAll();

  it('a body above 2 KB goes to <report dir>/bodies/<case>.body, and the printed snippet copies it from there', async () => {
    // A receiver whose body parser refuses anything above 2 KB (a small framework limit): EVT-4's
    // long strings fail, and its shrunk failure still has a body above 2 KB.
    const receiver = await closing(defectiveReceiver((_req, body, res) => (body.length > INLINE_BODY_BYTES ? (res.writeHead(413).end('payload too large'), true) : false)));
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-long-'));
    const io = { ...memoryIO(), env: { HOOKPROOF_SECRET: SECRET } };
    const code = await runCli(['certify', '--url', receiver.url, '--allow-http', '--checks', 'EVT-4', '--runs', '6', '--types', 'ping,ev/plugged', '--report-dir', dir], io);
    expect(code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as CertificationReport;
    const failure = report.checks[0]?.failures[0];
    expect(failure).toBeDefined();
    if (failure === undefined) return;
    const body = Buffer.from(failure.request.bodyBase64, 'base64');
    expect(body.length).toBeGreaterThan(INLINE_BODY_BYTES);
    expect(failure.reproduce.bodyFile).toBe(join(dir, 'bodies', `${failure.case.replace('#', '-')}.body`));
    // The file holds exactly the bytes sent; report.json's own curl stays self-contained.
    expect(existsSync(failure.reproduce.bodyFile ?? '')).toBe(true);
    expect(sha256(readFileSync(failure.reproduce.bodyFile ?? ''))).toBe(sha256(body));
    expect(failure.reproduce.curl).toContain(failure.request.bodyBase64);

    const lines = io.stdout.join('\n').split('\n');
    // Prose (a finding's title) wraps on a terminal; a shell line cannot, so those stay within a screen.
    expect(Math.max(...lines.filter((l) => !/^ {2}\d+\. /.test(l)).map((l) => l.length))).toBeLessThan(SCREEN);
    // Every long body the case sends (the judged delivery, its control) is copied from a file that holds it.
    const copies = lines.flatMap((l) => {
      const copied = /^\s*cp '([^']+)' hookproof-case[-\d]*\.body {2}# the body, too long to print here$/.exec(l)?.[1];
      return copied === undefined ? [] : [copied];
    });
    expect(copies.length).toBeGreaterThan(0);
    for (const copied of copies) expect(existsSync(copied)).toBe(true);
    expect(lines.some((l) => l.includes('base64 -d'))).toBe(false);
    // The JUnit failure text is printed by CI too: the same short snippet.
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/hookproof-case[-\d]*\.body {2}# the body, too long to print here/);
    expect(junit).not.toContain(failure.request.bodyBase64);
  }, 60_000);

  it('short bodies stay inline, and without a written report the long body is not printed either', () => {
    const short = { curl: "printf '%s' 'e30=' | base64 -d > hookproof-case.body\ncurl …", replay: 'npx …' };
    expect(printableCurl(short)).toBe(short.curl);
    expect(printableCurl({ ...short, bodyFile: 'out/bodies/x.body' })).toBe(short.curl);
    const big = Buffer.alloc(INLINE_BODY_BYTES + 1, 'a').toString('base64');
    const long = {
      curl: `# 1/2 judged\nprintf '%s' '${big}' | base64 -d > hookproof-case-1.body\ncurl …\n# 2/2 control\nprintf '%s' 'e30=' | base64 -d > hookproof-case-2.body\ncurl …`,
      replay: 'npx …',
      bodyFile: 'out/bodies/evt-boundary-values-1.body',
    };
    const printed = printableCurl(long).split('\n');
    expect(printed[1]).toBe("cp 'out/bodies/evt-boundary-values-1-1.body' hookproof-case-1.body  # the body, too long to print here");
    expect(printed[4]).toBe("printf '%s' 'e30=' | base64 -d > hookproof-case-2.body");
    expect(printableCurl(long, false).split('\n')[1]).toMatch(/^# the body is too long to print here: .*hookproof-case-1\.body$/);
  });
});

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
