import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { reportDigest } from '../../src/attest/reportDigest';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { closeAfterAll, serve, type RunningReceiver } from '../support/servers';
import { tmp } from '../recheck/support';
import { fixtureSpec } from './paths';

/**
 * What a hostile peer or file puts in a string: OSC retitle + BEL, clear screen, NUL, backspace,
 * a C1 CSI (U+009B), a bidi override and isolate, a CR that would overwrite the line.
 */
const HOSTILE = 'evil\u001b]0;pwned\u0007\u001b[2J\u0000\b\u009b31m\u202e\u2066gnp.exe\r!';
/** The same in a JSON string, with a lone surrogate JSON can carry (YAML cannot). */
const HOSTILE_JSON = JSON.stringify(HOSTILE).slice(1, -1) + '\\udead';

/**
 * Written independently of src/text: any C0 or C1 control, DEL, bidi control or lone surrogate. A
 * CLI line never holds a line break either (io.out writes one line).
 */
// eslint-disable-next-line no-control-regex -- finding raw control characters is the point
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** What a reader sees instead: the visible escape of ESC. */
const SHOWN = '\\u001B]0;pwned';
/** RAW less the white space markup shows as white space: what report.html and junit.xml must not hold. */
const RAW_IN_MARKUP =
  // eslint-disable-next-line no-control-regex -- as above
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const SECRET = 'hostile-text-secret-9f2c';
const ENV = { HOOKPROOF_SECRET: SECRET, HOSTILE_SECRET: SECRET };
const dir = tmp('hookproof-hostile-text-');

interface Run {
  readonly code: number;
  readonly lines: readonly string[];
}

async function cli(args: readonly string[], stdin = ''): Promise<Run> {
  const io = { ...memoryIO(stdin), env: ENV };
  const code = await runCli(args, io);
  return { code, lines: [...io.stdout, ...io.stderr] };
}

/** No line holds a raw control character; `shown`: the hostile text did reach the output, escaped. */
function expectSafe(run: Run, shown: boolean): void {
  expect(run.lines.filter((line) => RAW.test(line))).toEqual([]);
  if (shown) expect(run.lines.join('\n')).toContain(SHOWN);
}

describe('text from outside reaches stdout and stderr only through the terminal-safe writer', () => {
  const closing = closeAfterAll();
  let receiver: RunningReceiver;
  let plainReceiver: RunningReceiver;
  const hostileSpec = join(dir, 'hostile-spec.yaml');

  beforeAll(async () => {
    // A receiver whose every answer is a JSON error message full of control characters.
    receiver = await closing(
      serve((_req, res) => {
        res.writeHead(400, { 'content-type': 'application/json' }).end(`{"error":"${HOSTILE_JSON}","id":"${HOSTILE_JSON}"}`);
      }),
    );
    // One that answers the raw characters as plain text.
    plainReceiver = await closing(
      serve((_req, res) => {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(HOSTILE);
      }),
    );
    // A spec whose new event type is named with the same characters (YAML double-quoted escapes).
    const yamlHostile = '"evil\\e]0;pwned\\a\\e[2J\\0\\b\\x9b31m\\u202E\\u2066gnp.exe\\r!"';
    writeFileSync(hostileSpec, readFileSync(fixtureSpec('future-spec.yaml'), 'utf8').replaceAll("'battery/health'", yamlHostile).replaceAll('battery/health:', `${yamlHostile}:`));
  });

  it('certify: the receiver\'s decoded error message, in "What to fix first" and every failure', async () => {
    const run = await cli(['certify', '--url', receiver.url, '--allow-http', '--checks', 'EVT-1', '--types', 'ping', '--runs', '2', '--report-dir', join(dir, 'certify')]);
    expect(run.code).toBe(1);
    expectSafe(run, true);
    const plain = await cli([
      'certify',
      '--url',
      plainReceiver.url,
      '--allow-http',
      '--checks',
      'EVT-1',
      '--types',
      'ping',
      '--runs',
      '2',
      '--report-dir',
      join(dir, 'certify-plain'),
    ]);
    expectSafe(plain, true);
    // The same answers in the page, in JUnit and in report.json: escaped there too.
    for (const reportDir of ['certify', 'certify-plain']) {
      // report.json too: a `cat report.json` must not act on the terminal (escapes are plain JSON).
      for (const file of ['report.html', 'junit.xml', 'report.json']) {
        const text = readFileSync(join(dir, reportDir, file), 'utf8');
        expect(text).toContain('pwned');
        expect(RAW_IN_MARKUP.exec(text)).toBeNull();
      }
    }
  });

  it('send: the answer of the receiver', async () => {
    const run = await cli(['send', '--url', plainReceiver.url, '--allow-http', '--type', 'ping']);
    expectSafe(run, true);
  });

  it('report verify and recheck: strings of a report file (digest, case labels, titles, answers)', async () => {
    const report = JSON.parse(readFileSync(join(dir, 'certify', 'report.json'), 'utf8')) as Record<string, unknown> & { checks: Array<Record<string, unknown>> };
    const hostile = JSON.parse(`"${HOSTILE_JSON}"`) as string;
    for (const check of report.checks) {
      check.title = hostile;
      for (const failure of (check.failures ?? []) as Array<Record<string, unknown>>) {
        failure.label = hostile;
        failure.caseId = `${String(failure.caseId)}${hostile}`;
      }
    }
    const rehashed = join(dir, 'rehashed.json');
    writeFileSync(rehashed, JSON.stringify({ ...report, digest: reportDigest({ ...report, digest: undefined }) }));
    const forged = join(dir, 'forged.json');
    writeFileSync(forged, JSON.stringify({ ...report, digest: hostile }));
    const failing = report.checks.find((c) => Array.isArray(c.failures) && c.failures.length > 0);
    const failingCheckId = typeof failing?.id === 'string' ? failing.id : 'none';
    for (const file of [rehashed, forged]) {
      expectSafe(await cli(['report', 'verify', file]), false);
      expectSafe(await cli(['recheck', file, '--url', receiver.url, '--allow-http', '--secret-env', 'HOSTILE_SECRET', '--report-dir', join(dir, 'recheck')]), false);
      expectSafe(await cli(['replay', file, `${failingCheckId}#1`, '--url', receiver.url]), false);
    }
    // The one that verifies is rechecked: its labels and titles reach the console, escaped.
    expectSafe(await cli(['recheck', rehashed, '--url', receiver.url, '--allow-http', '--secret-env', 'HOSTILE_SECRET', '--report-dir', join(dir, 'recheck2')]), false);
  });

  it('validate: the type of an event read from standard input', async () => {
    const run = await cli(['validate', '-'], `{"type":"${HOSTILE_JSON}","id":"${HOSTILE_JSON}"}`);
    expect(run.code).not.toBe(0);
    expectSafe(run, true);
  });

  it('types, diff and lint-spec: type names from a spec file', async () => {
    const types = await cli(['types', '--spec', hostileSpec]);
    expectSafe(types, true);
    const diff = await cli(['diff', fixtureSpec('future-spec.yaml'), hostileSpec, '--no-empirical']);
    expectSafe(diff, true);
    expectSafe(await cli(['lint-spec', '--spec', hostileSpec]), false);
  });

  it('pact verify-messages: consumer name and descriptions from a pact file', async () => {
    const pact = join(dir, 'pact.json');
    const hostile = JSON.parse(`"${HOSTILE_JSON}"`) as string;
    writeFileSync(
      pact,
      JSON.stringify({
        consumer: { name: hostile },
        provider: { name: 'gridx-webhooks' },
        interactions: [{ type: 'Asynchronous/Messages', description: hostile, contents: { content: { type: hostile }, contentType: 'application/json', encoded: false } }],
        metadata: { pactSpecification: { version: '4.0' } },
      }),
    );
    const run = await cli(['pact', 'verify-messages', '--pact', pact]);
    expectSafe(run, true);
  });

  it('fleet: target names from a targets file', async () => {
    const targets = join(dir, 'targets.yaml');
    const hostile = JSON.parse(`"${JSON.stringify(HOSTILE).slice(1, -1)}"`) as string;
    // Plain http without allowHttp: refused before anything is sent, and the row names the target.
    writeFileSync(targets, stringify({ targets: [{ name: hostile, url: receiver.url, secretEnv: 'HOSTILE_SECRET' }] }));
    const run = await cli(['fleet', targets, '--report-dir', join(dir, 'fleet')]);
    expectSafe(run, true);
  });

  it("listen: a sender's delivery (its id, type and body)", async () => {
    const lines: string[] = [];
    const io = { ...memoryIO(), env: ENV, out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const running = runCli(['listen', '--port', '0', '--count', '1', '--for', '60s', '--report-dir', join(dir, 'listen')], io);
    // The first line names the address; wait for it (generously: the machine may be loaded).
    for (let i = 0; i < 600 && !lines.some((line) => line.startsWith('hookproof listen on ')); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const url = /listen on (\S+):/.exec(lines[0] ?? '')?.[1] ?? '';
    const body = `{"id":"${HOSTILE_JSON}","type":"${HOSTILE_JSON}"}`;
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': 'sha512=00' }, body });
    expect(await running).toBe(1);
    expectSafe({ code: 1, lines }, true);
  });

  it('an error message quoting user input (an unknown check id) is one safe line', async () => {
    const run = await cli(['certify', '--url', receiver.url, '--allow-http', '--checks', JSON.parse(`"${HOSTILE_JSON}"`) as string]);
    expect(run.code).toBe(2);
    expectSafe(run, true);
  });
});
