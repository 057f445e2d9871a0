import fc from 'fast-check';
import { assembleReport, type RunFacts } from '../../src/evidence/assembleReport';
import type { CheckReport } from '../../src/evidence/certificationReport';
import { mergeCoverage } from '../../src/evidence/coverageTable';
import type { CheckStatus } from '../../src/evidence/failure';
import { CoverageRecorder } from '../../src/runner/coverage';

const FACTS: RunFacts = {
  tool: { name: 'hookproof', version: '0.1.0' },
  spec: { path: 'spec/webhook-events.yaml', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  target: { url: 'http://127.0.0.1:8787/', trust: 'plain http' },
  options: { runs: 0, timeoutMs: 0, concurrency: 1, allowHttp: true, types: [], checks: [], secrets: 1 },
  startedAt: '2026-11-25T10:00:00.000Z',
  finishedAt: '2026-11-25T10:02:00.000Z',
};

function check(id: string, requirement: CheckReport['requirement'], status: CheckStatus, cases: number): CheckReport {
  return { id, title: id, requirement, severity: 'required', status, cases, durationMs: 0, failures: [] };
}

/** Cases as (type, variant) pairs, recorded the way the runner records them. */
const sent = fc.array(fc.tuple(fc.constantFrom('ping', 'ev/plugged', 'ev/unplugged'), fc.constantFrom('valid', 'invalid:type', 'signature:wrong-secret')), { maxLength: 30 });

function recorded(cases: ReadonlyArray<readonly [string, string]>): CoverageRecorder {
  const recorder = new CoverageRecorder();
  for (const [type, variant] of cases) recorder.record(type, variant);
  return recorder;
}

describe('mergeCoverage (the one merge of coverage)', () => {
  it("gives a run's own table back unchanged, and the tables of several runs added up as one run's", () => {
    fc.assert(
      fc.property(fc.array(sent, { maxLength: 4 }), (runs) => {
        for (const run of runs) expect(mergeCoverage([recorded(run).table()])).toEqual(recorded(run).table());
        expect(mergeCoverage(runs.map((run) => recorded(run).table()))).toEqual(recorded(runs.flat()).table());
      }),
    );
  });
});

describe('assembleReport', () => {
  it('judges a receiver run by the receiver contract: summary counted from the checks, blocked always written, the seed kept', () => {
    const report = assembleReport({
      subject: { kind: 'receiver' },
      facts: { ...FACTS, seed: 42 },
      checks: [check('sig-wrong-secret', 'SIG-3', 'fail', 4), check('dlv-duplicate-accepted', 'DLV-4', 'pass', 3)],
      coverage: [],
    });
    expect(report).toMatchObject({ formatVersion: 1, seed: 42, verdict: 'fail', summary: { pass: 1, fail: 1, warn: 0, skip: 0, blocked: 0, cases: 7 } });
    expect(report).not.toHaveProperty('subject');
    expect(report.requirements.find((r) => r.id === 'SIG-3')).toMatchObject({ status: 'fail', checks: ['sig-wrong-secret'] });
    expect(report.requirements.find((r) => r.id === 'SIG-11')).toMatchObject({ status: 'not-testable' });
  });

  it('judges a sender run by the SND requirements given: deliveries are its cases, no blocked count, no seed of its own', () => {
    const requirements = [{ id: 'SND-1', severity: 'required', summary: 'schema-valid' }] as const;
    const checks = [check('snd-schema-valid', 'SND-1', 'pass', 2), check('snd-retries', 'SND-3', 'skip', 2)];
    const report = assembleReport({ subject: { kind: 'sender', requirements, deliveries: 2 }, facts: FACTS, checks, coverage: [] });
    expect(report).toMatchObject({ subject: 'sender', seed: 0, verdict: 'pass', summary: { pass: 1, skip: 1, cases: 2 } });
    expect(report.summary).not.toHaveProperty('blocked');
    expect(report.requirements).toEqual([{ id: 'SND-1', severity: 'required', summary: 'schema-valid', status: 'pass', checks: ['snd-schema-valid'] }]);
    // Nothing arrived: nothing about the sender was proven.
    expect(assembleReport({ subject: { kind: 'sender', requirements, deliveries: 0 }, facts: FACTS, checks: [], coverage: [] }).verdict).toBe('fail');
  });

  it('calls a sender run incomplete, not passed, when a required check was inconclusive (hookproof’s own stall)', () => {
    const requirements = [{ id: 'SND-3', severity: 'required', summary: 'retries' }] as const;
    const inconclusive = { ...check('snd-retries', 'SND-3', 'inconclusive', 1), note: 'inconclusive: hookproof stalled' };
    const report = assembleReport({
      subject: { kind: 'sender', requirements, deliveries: 3 },
      facts: FACTS,
      checks: [check('snd-signed', 'SND-2', 'pass', 3), inconclusive],
      coverage: [],
    });
    expect(report).toMatchObject({ verdict: 'incomplete', verdictReason: 'requirement(s) SND-3 could not be judged (SND-3: inconclusive: hookproof stalled)' });
    const failed = assembleReport({
      subject: { kind: 'sender', requirements, deliveries: 3 },
      facts: FACTS,
      checks: [check('snd-signed', 'SND-2', 'fail', 3), inconclusive],
      coverage: [],
    });
    expect(failed.verdict).toBe('fail');
  });
});
