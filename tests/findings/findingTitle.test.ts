import fc from 'fast-check';
import type { Failure } from '../../src/evidence/failure';
import type { RequirementId } from '../../src/contract/requirements';
import { answerKey, buildFindings, type ReceiverAnswer } from '../../src/findings';
import type { CheckReport } from '../../src/evidence/certificationReport';

function answer(status: number, body = ''): ReceiverAnswer {
  return { status, outcome: status < 300 ? 'success' : 'permanent', headers: {}, body, bodyBytes: body.length, bodyTruncated: false, durationMs: 2 };
}

function failure(id: string, variant: string, eventType: string, answered: ReceiverAnswer): Failure {
  return {
    case: id,
    label: `${variant} (${eventType})`,
    variant,
    eventType,
    expected: 'a success status (200, 201, 202 or 204) in time',
    actual: `${answered.status ?? 0} permanent in 2 ms`,
    answer: answered,
    reproduce: { curl: 'curl …', replay: 'npx --no-install hookproof replay …' },
    request: { bodyBase64: '', headers: {}, signature: { parts: null } },
  };
}

function check(requirement: RequirementId, failures: readonly Failure[], severity: CheckReport['severity'] = 'required'): CheckReport {
  return {
    id: `check-${requirement.toLowerCase()}`,
    title: requirement,
    requirement,
    severity,
    status: severity === 'required' ? 'fail' : 'warn',
    cases: 5,
    durationMs: 1,
    failures,
  };
}

describe('finding titles name the common cause, not the first event type met', () => {
  it.each([
    ['DLV-4', 'valid', 'Second deliveries of the same event (same id, same body) are refused: 409 duplicate'],
    ['DLV-5', 'valid', 'Events delivered out of order are refused: 409 duplicate'],
    ['SIG-9', 'signature:uppercase-hex', 'Correctly signed events with the digest in upper-case hex are refused: 409 duplicate'],
    ['EVT-2', 'valid:minimal', 'Valid events without their optional fields are refused: 409 duplicate'],
  ] as const)('%s cases (%s) of one type', (requirement, variant, title) => {
    const findings = buildFindings([
      check(requirement, [failure('c#1', variant, 'grid-signal-processor/x/set', answer(409, 'duplicate'))], requirement === 'SIG-9' ? 'recommended' : 'required'),
    ]);
    expect(findings.map((f) => f.title)).toEqual([title]);
  });

  it('plain valid events of EVT-1 alone name their one type; with another requirement in the group, none', () => {
    const refused = answer(400, 'bad');
    expect(buildFindings([check('EVT-1', [failure('e#1', 'valid', 'ev/plugged', refused)])])[0]?.title).toBe('Valid events of type ev/plugged are refused: 400 bad');
    const mixed = buildFindings([check('EVT-1', [failure('e#1', 'valid', 'ev/plugged', refused)]), check('DLV-4', [failure('d#1', 'valid', 'ev/plugged', refused)])]);
    expect(mixed.map((f) => f.title)).toEqual(['Valid events are refused: 400 bad']);
  });

  it('answers that differ only by echoing their own case’s event type have one key (and so make one finding)', () => {
    // Shaped like gridX's types (`ev/plugged`, `grid-signal-processor/…/set`): a slash in each, so
    // none is a word of the template itself.
    const type = fc.stringMatching(/^[a-z]{2,8}(\/[a-z][a-z-]{1,8}){1,3}$/);
    fc.assert(
      fc.property(type, type, fc.constantFrom('unsupported type %s', '{"error":"no handler for %s"}', '{"type":"%s","ok":false}'), (a, b, template) => {
        const echo = (t: string): string => template.replace('%s', template.startsWith('{') ? JSON.stringify(t).slice(1, -1).replace(/\//g, '\\/') : t);
        expect(answerKey(answer(500, echo(a)), a)).toBe(answerKey(answer(500, echo(b)), b));
      }),
    );
    // Without the case's type, the echo still tells them apart: the normalisation is of the echo only.
    expect(answerKey(answer(500, 'unsupported type ev/plugged'))).not.toBe(answerKey(answer(500, 'unsupported type ev/unplugged')));
    // Whole tokens only: a type inside a longer word is not an echo of it.
    expect(answerKey(answer(500, 'mapping failed'), 'ping')).toBe(answerKey(answer(500, 'mapping failed'), 'ev/plugged'));
    expect(answerKey(answer(500, 'unknown ping'), 'ping')).toBe(answerKey(answer(500, 'unknown ev/plugged'), 'ev/plugged'));
  });
});
