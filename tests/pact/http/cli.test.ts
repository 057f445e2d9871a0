import './support/esmShim';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryIO } from '../../../src/cli/memoryIO';
import { runCli } from '../../../src/cli/runCli';
import { httpPactJson } from '../../../src/pact/http';
import { defectiveReceiver, signatureIgnoringReceiver, soundReceiver } from '../../checks/support/receivers';
import { closeAfterEach } from '../../support/servers';
import { BIN, ROOT } from '../../cli/paths';
import { leakedForms } from '../../reports/support/secret';
import { tempDir, testPact, writeTempPact } from './support/pacts';

const SECRET = 'cli-pact-Secret-"<&>é\\-77';
const env = { HOOKPROOF_SECRET: SECRET, MY_SECRET: SECRET };

async function cli(args: string[], extraEnv: Record<string, string | undefined> = env): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = { ...memoryIO(), env: extraEnv };
  const code = await runCli(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** bin/hookproof.js in a child process: everything it and the Pact core print, on both streams. */
function hookproof(args: string[], childEnv: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('hookproof pact generate', () => {
  it('writes <consumer>-<provider>.json, then --check says whether it is current', async () => {
    const out = tempDir();
    const run = await cli(['pact', 'generate', '--provider', 'acme-receiver', '--types', 'ping,ev/plugged', '--out', out]);
    const file = join(out, 'gridx-webhooks-acme-receiver.json');
    expect(run).toEqual({ code: 0, out: [`wrote ${file} (${testPact({ types: ['ping', 'ev/plugged'] }).interactions.length} interactions)`], err: [] });
    expect(readFileSync(file, 'utf8')).toBe(httpPactJson(testPact({ provider: 'acme-receiver', types: ['ev/plugged', 'ping'] })));
    const check = ['pact', 'generate', '--provider', 'acme-receiver', '--types', 'ev/plugged', '--types', 'ping', '--out', out, '--check'];
    expect(await cli(check)).toEqual({ code: 0, out: [`${file} is up to date`], err: [] });
    writeFileSync(file, readFileSync(file, 'utf8').replace('ev/plugged', 'ev/plugged '));
    expect(await cli(check)).toEqual({ code: 1, out: [], err: [`${file} is stale: regenerate it with the same options, without --check`] });
  });

  it.each([
    [['pact', 'generate'], "hookproof: required option '--provider <name>' not specified"],
    [['pact', 'generate', '--provider', 'p', '--types', 'ev/nope'], /^hookproof: unknown event type "ev\/nope"; the spec defines: /],
    [['pact', 'generate', '--provider', 'p', '--types', ','], 'hookproof: --types names no event type'],
    [['pact', 'generate', '--provider', 'p', '--path', 'hooks'], /^hookproof: --path must be an absolute path/],
    [['pact', 'generate', '--provider', 'a/b'], /^hookproof: --provider must be a non-empty name/],
    [['pact', 'generate', '--provider', 'p', '--spec', 'no/such.yaml'], /^hookproof: cannot read spec no\/such.yaml/],
  ])('%j exits 2 with one line', async (args, line) => {
    const run = await cli(args);
    expect([run.code, run.out, run.err.length]).toEqual([2, [], 1]);
    expect(run.err[0]).toEqual(typeof line === 'string' ? line : expect.stringMatching(line));
  });
});

describe('hookproof pact verify', () => {
  const verified = testPact({ types: ['ping', 'system/action'] });
  const pactFile = writeTempPact(verified);
  const closing = closeAfterEach();

  it('exits 1 against a receiver that ignores signatures, naming exactly the forged interactions', async () => {
    const receiver = await closing(signatureIgnoringReceiver());
    const run = await cli(['pact', 'verify', '--url', receiver.url, '--secret-env', 'MY_SECRET', '--pact', pactFile]);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([]);
    expect(run.out.filter((l) => l.startsWith('FAIL')).map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual(['FAIL  SIG-2', 'FAIL  SIG-3', 'FAIL  SIG-4', 'FAIL  SIG-12']);
    expect(run.out.filter((l) => l.startsWith('FAIL')).every((l) => l.endsWith(': expected 401 but was 202'))).toBe(true);
    expect(run.out.at(-1)).toBe(`pact verify: ${verified.interactions.length} interactions, 4 failed (verification failed)`);
    expect(leakedForms(run.out.join('\n'), SECRET)).toEqual([]);
  });

  it('--url http://127.0.0.1:PORT/some/path?x=1 reaches exactly that path and query; --report-dir writes report.json and junit.xml', async () => {
    const seen: string[] = [];
    const receiver = await closing(
      defectiveReceiver(
        (req, _body, res) => {
          seen.push(req.url ?? '');
          res.writeHead(202).end(); // ignores signatures: SIG-2, SIG-3, SIG-4, SIG-12 fail
          return true;
        },
        [SECRET],
      ),
    );
    const url = `${new URL(receiver.url).origin}/some/path?x=1`;
    const reports = join(tempDir(), 'pact-report');
    const run = await cli(['pact', 'verify', '--url', url, '--secret-env', 'MY_SECRET', '--pact', pactFile, '--report-dir', reports]);
    expect(run.code).toBe(1);
    expect(new Set(seen)).toEqual(new Set(['/some/path?x=1']));
    expect(seen.length).toBe(verified.interactions.length);
    const report = JSON.parse(readFileSync(join(reports, 'report.json'), 'utf8')) as {
      kind: string;
      verdict: string;
      target: { url: string };
      summary: { interactions: number; failed: number; passed: number; pending: number };
      interactions: Array<{ requirement: string; status: string; problems: string[]; answer?: string }>;
    };
    expect([report.kind, report.verdict, report.target.url]).toEqual(['hookproof-pact-verification', 'fail', url]);
    expect(report.summary).toEqual({ interactions: verified.interactions.length, failed: 4, passed: verified.interactions.length - 4, pending: 0 });
    expect(report.interactions.filter((i) => i.status === 'fail')).toEqual(
      ['SIG-2', 'SIG-3', 'SIG-4', 'SIG-12'].map((requirement): unknown => expect.objectContaining({ requirement, problems: ['expected 401 but was 202'], answer: '202' })),
    );
    const junit = readFileSync(join(reports, 'junit.xml'), 'utf8');
    expect(junit).toContain(`<testsuite name="hookproof pact verify" tests="${verified.interactions.length}" failures="4" errors="0" skipped="0"`);
    expect(junit.match(/<testcase /g)?.length).toBe(verified.interactions.length);
    expect(junit.match(/<failure message="expected 401 but was 202" type="SIG-\d+">/g)?.length).toBe(4);
    expect(leakedForms(readFileSync(join(reports, 'report.json'), 'utf8') + junit + run.out.join('\n'), SECRET)).toEqual([]);
  });

  it('says why when the receiver gives no answer', async () => {
    const gone = await soundReceiver([SECRET]);
    const url = gone.url;
    await gone.close();
    const run = await cli(['pact', 'verify', '--url', url, '--secret-env', 'MY_SECRET', '--pact', pactFile, '--timeout-ms', '2000']);
    expect(run.code).toBe(1);
    // hookproof's own lines (the core's report comes before them) name the cause for every interaction.
    const verdicts = run.out.filter((l) => /^(FAIL|PASS) {2}/.test(l));
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.every((l) => /^FAIL {2}.*: no answer from the receiver: error CONNECTION_REFUSED/.test(l))).toBe(true);
  });

  it('runs the real verifier in the real binary: exit 0 on the reference receiver, no secret in anything printed, even at debug level', async () => {
    const receiver = await closing(soundReceiver([SECRET]));
    const childEnv = { ...process.env, MY_SECRET: SECRET, HOOKPROOF_SECRET: '', HOOKPROOF_DEBUG: '' };
    const run = await hookproof(['pact', 'verify', '--url', receiver.url, '--secret-env', 'MY_SECRET', '--pact', pactFile, '--log-level', 'debug'], childEnv);
    expect(run.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- strips ANSI colour sequences (ESC [ ... m) from the verifier's output
    expect(run.output.replace(/\u001b\[[0-9;]*m/g, '')).toContain('Verifying a pact between gridx-webhooks and test-receiver');
    expect(run.output).toMatch(/DEBUG/);
    expect(run.output).toContain(`pact verify: ${verified.interactions.length} interactions, 0 failed`);
    expect(leakedForms(run.output, SECRET)).toEqual([]);
  });

  const file = pactFile;
  it.each([
    [['--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET'], /^hookproof: give the pacts to verify: --pact FILE, or --broker-url URL/],
    [
      ['--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET', '--pact', file, '--broker-url', 'http://127.0.0.1:9'],
      'hookproof: give either --pact FILE or --broker-url URL, not both',
    ],
    [['--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET', '--broker-url', 'http://127.0.0.1:9'], 'hookproof: --broker-url needs --provider NAME'],
    [
      ['--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET', '--broker-url', 'http://127.0.0.1:9', '--provider', 'p', '--publish-results'],
      'hookproof: --publish-results needs --provider-version V',
    ],
    [
      ['--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET', '--pact', file, '--publish-results', '--provider-version', '1'],
      'hookproof: --publish-results needs pacts from a broker (--broker-url)',
    ],
    [
      ['--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET', '--pact', file, '--log-level', 'trace'],
      'hookproof: --log-level must be one of error, warn, info, debug, got "trace"',
    ],
    [
      ['--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET', '--pact', file, '--timeout-ms', 'soon'],
      'hookproof: --timeout-ms must be a whole number from 1 to 2147483647, got "soon"',
    ],
    [['--url', 'http://127.0.0.1:9', '--secret-env', 'NOPE', '--pact', file], 'hookproof: environment variable NOPE (from --secret-env) is not set or empty'],
    [['--url', 'http://127.0.0.1:9', '--pact', file], /^hookproof: no secret given/],
    [['--url', '127.0.0.1:9', '--secret-env', 'MY_SECRET', '--pact', file], 'hookproof: not an http(s) URL: 127.0.0.1:9'],
    [['--url', 'ftp://127.0.0.1:9', '--secret-env', 'MY_SECRET', '--pact', file], 'hookproof: not an http(s) URL: ftp://127.0.0.1:9'],
    [
      ['--url', 'http://gridx:hunter2@127.0.0.1:9/hooks', '--secret-env', 'MY_SECRET', '--pact', file],
      'hookproof: credentials in the target URL are not supported (gridX sends none; the receiver authenticates by signature): http://gridx:***@127.0.0.1:9/hooks',
    ],
    [
      ['--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET', '--pact', 'http://u:hunter2@127.0.0.1:9/p.json'],
      /^hookproof: --pact URL must not carry credentials \(http:\/\/(…|\*\*\*)@127.0.0.1:9\)/,
    ],
    [['--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET', '--pact', file, '--enable-pending'], 'hookproof: --enable-pending needs pacts from a broker (--broker-url)'],
    [
      ['--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET', '--broker-url', 'http://127.0.0.1:9', '--provider', 'p', '--include-wip-pacts-since', '2026-01-01'],
      'hookproof: --include-wip-pacts-since needs --enable-pending (WIP pacts are verified as pending)',
    ],
    [['--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET', '--pact', 'no/such.json'], 'hookproof: cannot read no/such.json: no such file'],
    [['--secret-env', 'MY_SECRET', '--pact', file], "hookproof: required option '--url <url>' not specified"],
  ])('%j exits 2 with one line', async (args, line) => {
    const run = await cli(['pact', 'verify', ...args], { MY_SECRET: SECRET });
    expect([run.code, run.out, run.err.length]).toEqual([2, [], 1]);
    expect(run.err[0]).toEqual(typeof line === 'string' ? line : expect.stringMatching(line));
  });

  it('applies PACT_BROKER_PUBLISH_VERIFICATION_RESULTS to broker sources only', async () => {
    const broker = await cli(['pact', 'verify', '--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET', '--broker-url', 'http://127.0.0.1:9', '--provider', 'p'], {
      MY_SECRET: SECRET,
      PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true',
    });
    expect([broker.code, broker.err]).toEqual([2, ['hookproof: PACT_BROKER_PUBLISH_VERIFICATION_RESULTS needs --provider-version V']]);
  });

  it('takes the broker from PACT_BROKER_BASE_URL when no --pact is given', async () => {
    const run = await cli(['pact', 'verify', '--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET'], { MY_SECRET: SECRET, PACT_BROKER_BASE_URL: 'http://127.0.0.1:9' });
    expect([run.code, run.err]).toEqual([2, ['hookproof: --broker-url needs --provider NAME']]);
  });
});
