import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeReceiverConformance, type JestGlobals } from '../../src/jest';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { SECRET } from '../checks/support/receivers';
import { closeAfterAll, type RunningReceiver } from '../support/servers';
import { strictServer } from './receivers';

interface Declared {
  readonly name: string;
  readonly fn: () => Promise<void>;
}

/** A stand-in for jest's API that records what the adapter declares (no jest run inside this one). */
function recordingJest(): { globals: JestGlobals; tests: Declared[]; afterAll: Array<() => Promise<void> | void> } {
  const tests: Declared[] = [];
  const afterAll: Array<() => Promise<void> | void> = [];
  return {
    tests,
    afterAll,
    globals: { describe: (_name, fn) => fn(), test: (name, fn) => tests.push({ name, fn }), beforeAll: () => undefined, afterAll: (fn) => afterAll.push(fn) },
  };
}

describe('the jest adapter leads its failure message with what to fix first', () => {
  const closing = closeAfterAll();
  let receiver: RunningReceiver;
  beforeAll(async () => {
    receiver = await closing(strictServer());
  });

  it("shows the finding with the receiver's own 400 body, and writes it to the merged report", async () => {
    const jest = recordingJest();
    const reportDir = mkdtempSync(join(tmpdir(), 'hookproof-jest-findings-'));
    describeReceiverConformance({
      url: receiver.url,
      secret: SECRET,
      allowHttp: true,
      runs: 4,
      seed: 3,
      timeoutMs: 2000,
      checks: ['sig-valid-single', 'evt-valid-events'],
      reportDir,
      log: () => undefined,
      jest: jest.globals,
    });
    const errors: string[] = [];
    for (const t of jest.tests) await t.fn().catch((error: unknown) => errors.push(error instanceof Error ? error.message : String(error)));
    expect(errors).toHaveLength(2);
    // SIG-1 is not judged: its valid events are refused for EVT-1's cause, so it is blocked, and a
    // blocked required check still fails its jest test, pointing at what blocks it.
    const [sig1, evt1] = errors as [string, string];
    expect(sig1).toMatch(/not judged, blocked by EVT-1/);
    const lines = evt1.split('\n');
    const fixFirst = lines.indexOf('  What to fix first:');
    expect(fixFirst).toBeGreaterThan(0);
    expect(lines[fixFirst + 1]).toMatch(/^ {4}1\. Valid events of (\d+ types|type \S+) are refused: 400 json: unknown field "accountID" \(\d+ cases?\) → EVT-1(; blocks SIG-1)?$/);
    expect(lines.findIndex((l) => l.startsWith('  case:'))).toBeGreaterThan(fixFirst);
    expect(evt1).toContain('  body:     {"error":"json: unknown field \\"accountID\\""}');
    for (const after of jest.afterAll) await after();
    const merged = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as CertificationReport;
    expect(merged.findings).toHaveLength(1);
    expect(merged.findings?.[0]?.explains).toEqual(['EVT-1']);
    expect(merged.findings?.[0]?.blocks).toEqual(['SIG-1']);
    expect(merged.findings?.[0]?.failures.length).toBeGreaterThan(1);
  }, 120_000);
});
