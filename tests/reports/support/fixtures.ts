import type { Failure } from '../../../src/evidence/failure';
import type { CertificationReport, CheckReport } from '../../../src/evidence/certificationReport';
import { requirementTable } from '../../../src/evidence/requirementTable';
import { SECRET } from './secret';

/** A body that an HTML page would execute or load if it were not escaped. */
export const HOSTILE_BODY = '{"id":"9d7e","type":"ev/plugged","data":{"name":"<script>alert(1)</script><img src=x onerror=alert(2)>"}}';

function failure(check: string, n: number, overrides: Partial<Failure> = {}): Failure {
  const bodyText = HOSTILE_BODY;
  return {
    case: `${check}#${n}`,
    label: `wrong-secret: digest by another secret (ev/plugged)`,
    expected: '401',
    actual: '204 success in 3 ms',
    reproduce: {
      curl: `printf '%s' 'eyJpZCI6Ijlk' | base64 -d > hookproof-case.body\ncurl -sS -i -X POST 'https://receiver.example.com/hooks' \\\n  -H 'Content-Type: application/json' \\\n  -H "X-Signature: sha512=${'ab'.repeat(64)}" \\\n  --data-binary @hookproof-case.body`,
      replay: `npx --no-install hookproof replay 'hookproof-report/report.json' '${check}#${n}' --url 'https://receiver.example.com/hooks'`,
    },
    request: {
      bodyBase64: Buffer.from(bodyText).toString('base64'),
      bodyText,
      headers: {},
      signature: { parts: [`sha512=${'ab'.repeat(64)}`], fingerprint: '0a1b' },
    },
    ...overrides,
  };
}

/** A failure whose label and body carry the secret, as a careless check or receiver might cause. */
function leakyFailure(checkId: string, n: number): Failure {
  const body = `{"s":"${SECRET}"}`;
  const bodyBase64 = Buffer.from(body).toString('base64');
  const base = failure(checkId, n);
  return {
    ...base,
    label: `leaked ${JSON.stringify(SECRET)} in a label`,
    reproduce: { ...base.reproduce, curl: base.reproduce.curl.replace('eyJpZCI6Ijlk', bodyBase64) },
    request: { ...base.request, bodyText: body, bodyBase64 },
  };
}

function check(id: string, requirement: CheckReport['requirement'], status: CheckReport['status'], extra: Partial<CheckReport> = {}): CheckReport {
  return {
    id,
    title: `Title of ${id}`,
    requirement,
    severity: requirement === 'SIG-9' || requirement === 'SIG-10' ? 'recommended' : 'required',
    status,
    cases: status === 'skip' ? 0 : 40,
    durationMs: 312,
    failures: [],
    ...extra,
  };
}

/** Options for {@link makeReport}. */
export interface FixtureOptions {
  readonly gone?: boolean;
  /** Put the secret (and its encodings) into a note, a label, a body and the target URL. */
  readonly leakSecret?: boolean;
}

/**
 * A hand-made report with one check of each status, a failure whose body is hostile HTML with
 * control characters, and (optionally) a GONE marker and leaked secrets.
 */
export function makeReport(options: FixtureOptions = {}): CertificationReport {
  const leak = options.leakSecret === true;
  const controlChars = 'bell\u0007 nul\u0000 esc\u001b lone-surrogate\ud800 end ]]> "quoted" \'single\'';
  const checks: CheckReport[] = [
    check('sig-valid-single', 'SIG-1', 'pass'),
    check('sig-wrong-secret', 'SIG-3', 'fail', {
      failures: [leak ? leakyFailure('sig-wrong-secret', 1) : failure('sig-wrong-secret', 1), failure('sig-wrong-secret', 2, { actual: `500 transient in 9 ms ${controlChars}` })],
      ...(leak ? { note: `the receiver said: bad secret ${SECRET} (hex ${Buffer.from(SECRET).toString('hex')})` } : {}),
    }),
    check('sig-upper-case', 'SIG-9', 'warn', { failures: [failure('sig-upper-case', 1, { expected: 'a success status', actual: '401 permanent in 2 ms' })] }),
    check('sig-empty-401', 'SIG-10', 'warn', { note: 'a 401 carried a body of 12 bytes' }),
    check('evt-valid-events', 'EVT-1', 'skip', { note: 'not run: <b>the receiver</b> answered 410 Gone & more' }),
  ];
  const url = leak ? `https://receiver.example.com/hooks?token=${encodeURIComponent(SECRET)}` : 'https://receiver.example.com/hooks?tenant=t1&x=<y>';
  return {
    formatVersion: 1,
    tool: { name: 'hookproof', version: '0.1.0' },
    spec: { path: 'spec/webhook-events.yaml', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    target: { url, trust: 'Node.js default trust store' },
    seed: 424242,
    options: { runs: 40, timeoutMs: 5000, concurrency: 4, allowHttp: false, types: ['ev/plugged', 'ping'], checks: checks.map((c) => c.id), secrets: 1 },
    startedAt: '2026-11-25T10:00:00.000Z',
    finishedAt: '2026-11-25T10:00:07.250Z',
    verdict: 'fail',
    ...(options.gone === true ? { gone: { caseLabel: 'valid (ping)' } } : {}),
    summary: { pass: 1, fail: 1, warn: 2, skip: 1, cases: 160 },
    checks,
    requirements: requirementTable(checks),
    coverage: {
      variants: ['signature:valid-single', 'signature:wrong-secret', 'valid'],
      rows: [
        { type: 'ev/plugged', counts: { 'signature:valid-single': 12, 'signature:wrong-secret': 20, valid: 0 } },
        { type: 'ping', counts: { 'signature:valid-single': 8, 'signature:wrong-secret': 20, valid: 100 } },
      ],
    },
  };
}

/** A report of a conformant receiver: every check passed. */
export function makePassingReport(): CertificationReport {
  const checks = [check('sig-valid-single', 'SIG-1', 'pass'), check('evt-valid-events', 'EVT-1', 'pass')];
  return {
    ...makeReport(),
    target: { url: 'https://receiver.example.com/hooks', trust: 'Node.js default trust store' },
    verdict: 'pass',
    summary: { pass: 2, fail: 0, warn: 0, skip: 0, cases: 80 },
    options: { ...makeReport().options, checks: checks.map((c) => c.id) },
    checks,
    requirements: requirementTable(checks),
  };
}
