import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCertification } from '../../src/runner/runCertification';
import { writeReports } from '../../src/reports/writeReports';
import { sign } from '../../src/signing';
import { describeReceiverConformance, type JestGlobals } from '../../src/jest';
import { defectiveReceiver, SECRET, soundReceiver } from '../checks/support/receivers';
import { closeAfterAll } from '../support/servers';
import { post, SECRET as LISTEN_SECRET, startListen } from '../sender/support';
import { normalise } from './normalise';

// Behaviour must not move when the code does: report.json of certify, listen and the jest adapter,
// for a fixed seed, compared with files recorded before the restructuring of issue 19. Re-record
// (HOOKPROOF_RECORD_GOLDEN=1) only for a change of behaviour that is meant, and say so in the commit.
const RECORD = process.env.HOOKPROOF_RECORD_GOLDEN === '1';
const closing = closeAfterAll();

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'hookproof-golden-'));
}

function expectGolden(name: string, reportJsonPath: string): void {
  const actual = `${JSON.stringify(normalise(JSON.parse(readFileSync(reportJsonPath, 'utf8'))), null, 2)}\n`;
  const file = join(__dirname, 'recorded', `${name}.json`);
  if (RECORD || !existsSync(file)) {
    if (!RECORD) throw new Error(`no golden file ${file}: record it with HOOKPROOF_RECORD_GOLDEN=1`);
    writeFileSync(file, actual);
    return;
  }
  // Compared as values, so formatting the recorded files (prettier) changes nothing.
  expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

async function certifyInto(url: string, dir: string): Promise<void> {
  const report = await runCertification({ url, secrets: [SECRET], allowHttp: true, seed: 7, runs: 2, timeoutMs: 5000, retryBaseDelayMs: 5 });
  await writeReports(report, dir, [SECRET]);
}

describe('reports do not move for the same seed', () => {
  it('certify: a sound receiver', async () => {
    const receiver = await closing(soundReceiver());
    const dir = tmp();
    await certifyInto(receiver.url, dir);
    expectGolden('certify-sound', join(dir, 'report.json'));
  });

  it('certify: a receiver that never checks the signature (failures, findings, reproductions)', async () => {
    const receiver = await closing(
      defectiveReceiver((_req, _body, res) => {
        res.writeHead(202, { 'content-length': '0' }).end();
        return true;
      }),
    );
    const dir = tmp();
    await certifyInto(receiver.url, dir);
    expectGolden('certify-unsigned', join(dir, 'report.json'));
  });

  it('listen: signed, forged and invalid deliveries', async () => {
    const run = await startListen({ count: 4 });
    const valid = Buffer.from(JSON.stringify({ type: 'appliance/delete', id: '00000000-0000-4000-8000-000000000001', data: {} }));
    const event = Buffer.from(
      JSON.stringify({ id: '0a6f3c8e-2f4b-4d8a-9c1e-5b7d3e2f1a90', type: 'inverter/status', createdAt: '2026-01-01T00:00:00Z', data: { state: 'RUNNING' } }),
    );
    await post(run.url, valid, sign(valid, [LISTEN_SECRET]), { 'content-type': 'application/json' });
    await post(run.url, event, sign(event, [LISTEN_SECRET]), { 'content-type': 'application/json' });
    await post(run.url, event, sign(event, ['not-the-secret']), { 'content-type': 'application/json' });
    await post(run.url, Buffer.from('{not json'), sign('{not json', [LISTEN_SECRET]), { 'content-type': 'application/json' });
    const done = await run.done;
    expect(done.code).not.toBe(2);
    expectGolden('listen', join(run.dir, 'report.json'));
  });

  it('jest adapter: the report written after the last test', async () => {
    const receiver = await closing(
      defectiveReceiver((req, _body, res) => {
        // Accepts a wrong secret's digest: SIG-3 fails, the rest is sound.
        if (req.headers['x-signature'] === undefined) return false;
        res.writeHead(202, { 'content-length': '0' }).end();
        return true;
      }),
    );
    const dir = tmp();
    const tests: Array<() => Promise<void>> = [];
    const afterAll: Array<() => Promise<void> | void> = [];
    const jest: JestGlobals = {
      describe: (_name, fn) => fn(),
      test: (_name, fn) => tests.push(fn),
      beforeAll: () => undefined,
      afterAll: (fn) => afterAll.push(fn),
    };
    describeReceiverConformance({
      url: receiver.url,
      secrets: [SECRET],
      allowHttp: true,
      runs: 2,
      seed: 99,
      retryBaseDelayMs: 5,
      timeoutMs: 5000,
      checks: ['sig-wrong-secret', 'sig-valid-single', 'evt-valid-events', 'dlv-answered-in-time'],
      reportDir: dir,
      log: () => undefined,
      jest,
    });
    for (const t of tests) await t().catch(() => undefined);
    for (const fn of afterAll) await fn();
    expectGolden('jest-adapter', join(dir, 'report.json'));
  });
});
