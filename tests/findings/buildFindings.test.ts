import fc from 'fast-check';
import type { Failure } from '../../src/evidence/failure';
import { REQUIREMENTS, type RequirementId } from '../../src/contract/requirements';
import { buildFindings, findingLine, findingLines, normaliseText, requirementList, type ReceiverAnswer } from '../../src/findings';
import type { CheckReport } from '../../src/evidence/certificationReport';

const STRICT_BODY = '{"error":"json: unknown field \\"accountID\\""}';

function answer(status: number | undefined, body = ''): ReceiverAnswer {
  if (status === undefined)
    return {
      outcome: 'timeout',
      headers: {},
      body: '',
      bodyBytes: 0,
      bodyTruncated: false,
      error: { code: 'TIMEOUT', message: 'no complete answer within 5000 ms' },
      durationMs: 5000,
    };
  return {
    status,
    outcome: status < 300 ? 'success' : 'permanent',
    contentType: 'application/json',
    headers: {},
    body,
    bodyBytes: body.length,
    bodyTruncated: false,
    durationMs: 3,
  };
}

function failure(id: string, variant: string, eventType: string, answered: ReceiverAnswer): Failure {
  return {
    case: id,
    label: `${variant} (${eventType})`,
    variant,
    eventType,
    expected: 'a success status (200, 201, 202 or 204) in time',
    actual: answered.status === undefined ? 'timeout after 5000 ms' : `${answered.status} ${answered.outcome} in 3 ms`,
    answer: answered,
    reproduce: { curl: 'curl …', replay: 'npx --no-install hookproof replay …' },
    request: { bodyBase64: '', headers: {}, signature: { parts: null } },
  };
}

function check(requirement: RequirementId, failures: readonly Failure[], blockedBy?: readonly RequirementId[]): CheckReport {
  const severity = REQUIREMENTS.find((r) => r.id === requirement)?.severity ?? 'required';
  return {
    id: `check-${requirement.toLowerCase()}`,
    title: requirement,
    requirement,
    severity,
    status: blockedBy !== undefined ? 'blocked' : failures.length > 0 ? (severity === 'required' ? 'fail' : 'warn') : 'pass',
    cases: 10,
    durationMs: 1,
    failures,
    ...(blockedBy !== undefined ? { blockedBy, note: `blocked by ${blockedBy.join(', ')}` } : {}),
  };
}

describe('buildFindings on hand-built reports', () => {
  it('a strict server: one finding explains EVT-1 and EVT-3 and blocks the checks that needed an accepted event', () => {
    const refused = answer(400, STRICT_BODY);
    const checks = [
      check('EVT-1', [failure('evt-valid-events#1', 'valid', 'ev/plugged', refused), failure('evt-valid-events#2', 'valid', 'ev/unplugged', refused)]),
      check('EVT-3', [failure('evt-unknown-properties#1', 'valid:extra-properties', 'ev/plugged', refused)]),
      ...(['SIG-1', 'SIG-6', 'SIG-8', 'EVT-2', 'EVT-4', 'DLV-2', 'DLV-3', 'DLV-4', 'DLV-5', 'DLV-6', 'DLV-7'] as const).map((id) => check(id, [], ['EVT-1'])),
      check('SIG-3', []),
    ];
    const findings = buildFindings(checks);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({
      title: 'Valid events of 2 types are refused: 400 json: unknown field "accountID"',
      explains: ['EVT-1', 'EVT-3'],
      blocks: ['SIG-1', 'SIG-6', 'SIG-8', 'EVT-2', 'EVT-4', 'DLV-2', 'DLV-3', 'DLV-4', 'DLV-5', 'DLV-6', 'DLV-7'],
      cases: 3,
      eventTypes: ['ev/plugged', 'ev/unplugged'],
      failures: ['evt-valid-events#1', 'evt-valid-events#2', 'evt-unknown-properties#1'],
      severity: 'required',
      answer: refused,
    });
    expect(findingLine(finding as NonNullable<typeof finding>)).toBe(
      'Valid events of 2 types are refused: 400 json: unknown field "accountID" (3 cases) → EVT-1, EVT-3; blocks DLV-2..7, SIG-1, SIG-6, SIG-8, EVT-2, EVT-4',
    );
  });

  it('two causes, two findings: the one that fails the verdict and blocks more comes first', () => {
    const checks = [
      check('SIG-10', [failure('sig-401-empty-body#1', 'signature:wrong-secret', 'ev/plugged', answer(401, 'invalid signature'))]),
      check('SIG-3', [failure('sig-wrong-secret#1', 'signature:wrong-secret', 'ev/plugged', answer(204))]),
      check('EVT-1', [failure('evt-valid-events#1', 'valid', 'ev/plugged', answer(undefined))]),
      check('DLV-4', [], ['EVT-1']),
    ];
    const findings = buildFindings(checks);
    expect(findings.map((f) => f.title)).toEqual([
      'Valid events of type ev/plugged are not answered in time: timeout, no complete answer within 5000 ms',
      'Forged deliveries (wrong-secret) are accepted: 204',
      'Forged deliveries (wrong-secret) are answered: 401 invalid signature',
    ]);
    expect(findings.map((f) => f.severity)).toEqual(['required', 'required', 'recommended']);
    const lines = findingLines([{ code: 'unreachable', message: 'Nothing answered.' }], findings);
    expect(lines[0]).toBe('What to fix first:');
    expect(lines[1]).toBe('  ! Nothing answered.');
    expect(lines[2]).toMatch(/^ {2}1\. Valid events of type ev\/plugged .* → EVT-1; blocks DLV-4$/);
  });
});

describe('buildFindings laws', () => {
  // A few answers a receiver might give; each failure gets one, with volatile parts varied.
  const TEMPLATES = [
    (n: number) => answer(400, `{"error":"json: unknown field \\"accountID\\"","request":${n}}`),
    (n: number) => answer(401, `signature mismatch for request ${n}`),
    () => answer(undefined),
    (n: number) => answer(503, `busy, retry in ${n} s`),
  ];
  const required = REQUIREMENTS.filter((r) => r.remotelyTestable).map((r) => r.id);
  const arbitraryRun = fc
    .uniqueArray(fc.constantFrom(...required), { minLength: 1, maxLength: 12 })
    .chain((ids) =>
      fc.tuple(
        fc.constant(ids),
        fc.array(fc.array(fc.tuple(fc.nat(TEMPLATES.length - 1), fc.nat(99999)), { maxLength: 4 }), { minLength: ids.length, maxLength: ids.length }),
        fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
      ),
    )
    .map(([ids, answers, blocked]) => {
      const failing = ids.filter((_id, i) => !(blocked[i] ?? false) && (answers[i]?.length ?? 0) > 0);
      return ids.map((id, i) => {
        const isBlocked = (blocked[i] ?? false) && failing.length > 0;
        const failures = isBlocked
          ? []
          : (answers[i] ?? []).map(([t, n], k) => failure(`c-${id}#${k + 1}`, 'valid', `type-${n % 3}`, (TEMPLATES[t] ?? TEMPLATES[0])?.(n) ?? answer(400)));
        return { report: check(id, failures, isBlocked ? [failing[i % failing.length] as RequirementId] : undefined), templates: (answers[i] ?? []).map(([t]) => t) };
      });
    });

  it('every failure of an unblocked check is in exactly one finding, one finding per way of answering', () => {
    fc.assert(
      fc.property(arbitraryRun, (run) => {
        const findings = buildFindings(run.map((r) => r.report));
        const failures = run.flatMap((r) => r.report.failures.map((f) => f.case));
        expect(findings.flatMap((f) => f.failures).sort()).toEqual([...failures].sort());
        const templates = new Set(run.filter((r) => r.report.failures.length > 0).flatMap((r) => r.templates));
        expect(findings).toHaveLength(templates.size);
      }),
    );
  });

  it('a finding explains exactly the requirements of the checks whose failures it holds, and blocks those blocked by them', () => {
    fc.assert(
      fc.property(arbitraryRun, (run) => {
        const checks = run.map((r) => r.report);
        for (const finding of buildFindings(checks)) {
          const holders = checks.filter((c) => c.failures.some((f) => finding.failures.includes(f.case))).map((c) => c.requirement);
          expect([...finding.explains].sort()).toEqual([...new Set(holders)].sort());
          const blocked = checks.filter((c) => (c.blockedBy ?? []).some((id) => finding.explains.includes(id))).map((c) => c.requirement);
          expect([...finding.blocks].sort()).toEqual([...new Set(blocked)].sort());
          expect(finding.cases).toBe(finding.failures.length);
        }
      }),
    );
  });

  it('the order of the checks changes no grouping (only which failure is shown as the sample answer)', () => {
    fc.assert(
      fc.property(arbitraryRun, (run) => {
        const checks = run.map((r) => r.report);
        const norm = (fs: ReturnType<typeof buildFindings>): unknown =>
          fs.map(({ answer: _sample, ...f }) => ({
            ...f,
            title: normaliseText(f.title),
            explains: [...f.explains].sort(),
            blocks: [...f.blocks].sort(),
            failures: [...f.failures].sort(),
          }));
        expect(norm(buildFindings([...checks].reverse()))).toEqual(norm(buildFindings(checks)));
      }),
    );
  });
});

describe('requirementList', () => {
  it.each([
    [['DLV-7', 'DLV-2', 'DLV-3', 'DLV-4', 'DLV-5', 'DLV-6'], 'DLV-2..7'],
    [['EVT-3', 'EVT-1'], 'EVT-1, EVT-3'],
    [['SIG-1', 'SIG-2', 'EVT-2', 'TLS-1'], 'TLS-1, SIG-1, SIG-2, EVT-2'],
    [['SIG-8', 'SIG-9', 'SIG-10', 'SIG-1'], 'SIG-1, SIG-8..10'],
  ])('%j → %s', (ids, text) => {
    expect(requirementList(ids)).toBe(text);
  });

  it('names every requirement it was given, and no other', () => {
    const ids = REQUIREMENTS.map((r) => r.id);
    fc.assert(
      fc.property(fc.subarray(ids), (subset) => {
        const text = requirementList(subset);
        const expanded =
          text === ''
            ? []
            : text.split(', ').flatMap((part) => {
                const range = /^([A-Z]+)-(\d+)\.\.(\d+)$/.exec(part);
                if (range === null) return [part];
                return Array.from({ length: Number(range[3]) - Number(range[2]) + 1 }, (_, k) => `${range[1]}-${Number(range[2]) + k}`);
              });
        expect(expanded.sort()).toEqual([...subset].sort());
      }),
    );
  });
});
