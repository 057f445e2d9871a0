import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseDelivery, CasePlan, Failure, Reproduction } from '../../src/evidence/failure';
import type { CertificationReport, CheckReport, RequirementReport } from '../../src/evidence/certificationReport';
import type { CoverageTable } from '../../src/evidence/coverageTable';
import type { BodyLimit, Finding, SetupHint } from '../../src/evidence/Finding';
import type { EventHistory, ListenReportExtension } from '../../src/evidence/listenRecord';
import type { Provenance } from '../../src/evidence/provenance';
import type { CheckComparison, DifferingCase, RecheckResult } from '../../src/evidence/recheckResult';
import type { ReceiverAnswer } from '../../src/evidence/ReceiverAnswer';
import type { RecordedRequest } from '../../src/evidence/recordedRequest';
import type { ReportScope } from '../../src/evidence/scope';
import type { DerivedDigest, SignatureRecipe } from '../../src/evidence/signatureRecipe';
import type { ConnectionFacts } from '../../src/evidence/provenance';
import type {
  CapacityClassCounts,
  CapacityFindMaxRecord,
  CapacityLatency,
  CapacityPhaseRecord,
  CapacityRecoveryRecord,
  CapacityRunSettings,
  CapacitySampleRecord,
  CapacitySecondRecord,
  CapacitySection,
} from '../../src/evidence/capacitySection';

/**
 * Every field of every type report.json holds, listed so that the compiler checks the list: a
 * field added to a type and not here (or listed here and not in the type) is a type error. The
 * test below then holds each list against the shipped schema, both ways.
 */
function fieldsOf<T>(fields: { readonly [K in keyof Required<T>]: true }): string[] {
  return Object.keys(fields).sort();
}

type Report = CertificationReport;
type Element<T> = T extends ReadonlyArray<infer E> ? E : never;
type Listened = ListenReportExtension;

/** Where each type sits in report.json: a path of property names, `[]` for an array's items. */
const PLACES: ReadonlyArray<readonly [string, readonly string[]]> = [
  [
    '',
    fieldsOf<Report>({
      formatVersion: true,
      digest: true,
      subject: true,
      tool: true,
      spec: true,
      target: true,
      seed: true,
      options: true,
      startedAt: true,
      finishedAt: true,
      provenance: true,
      verdict: true,
      verdictReason: true,
      scope: true,
      gone: true,
      recheck: true,
      summary: true,
      hints: true,
      findings: true,
      checks: true,
      requirements: true,
      coverage: true,
      listen: true,
      capacity: true,
    }),
  ],
  ['tool', fieldsOf<Report['tool']>({ name: true, version: true })],
  ['spec', fieldsOf<Report['spec']>({ path: true, sha256: true, title: true, version: true })],
  ['target', fieldsOf<Report['target']>({ url: true, trust: true })],
  ['options', fieldsOf<Report['options']>({ runs: true, timeoutMs: true, maxEventBytes: true, concurrency: true, allowHttp: true, types: true, checks: true, secrets: true })],
  ['provenance', fieldsOf<Provenance>({ node: true, platform: true, command: true, connection: true })],
  ['provenance.connection', fieldsOf<ConnectionFacts>({ address: true, port: true, tls: true, proxy: true })],
  ['provenance.connection.tls', fieldsOf<NonNullable<ConnectionFacts['tls']>>({ certificateSha256: true, validTo: true, subject: true })],
  ['scope', fieldsOf<ReportScope>({ level: true, narrowed: true, details: true })],
  ['gone', fieldsOf<NonNullable<Report['gone']>>({ caseLabel: true })],
  ['recheck', fieldsOf<RecheckResult>({ of: true, scope: true, verdict: true, checks: true })],
  ['recheck.of', fieldsOf<RecheckResult['of']>({ digest: true, path: true, verdict: true, startedAt: true })],
  ['recheck.checks.[]', fieldsOf<CheckComparison>({ id: true, requirement: true, result: true, original: true, now: true, firstDifferingCase: true })],
  ['recheck.checks.[].firstDifferingCase', fieldsOf<DifferingCase>({ failedIn: true, case: true, label: true, expected: true, actual: true })],
  ['summary', fieldsOf<Report['summary']>({ pass: true, fail: true, warn: true, skip: true, blocked: true, inconclusive: true, cases: true })],
  ['hints.[]', fieldsOf<SetupHint>({ code: true, message: true })],
  [
    'findings.[]',
    fieldsOf<Finding>({ title: true, expected: true, answer: true, cases: true, eventTypes: true, explains: true, blocks: true, failures: true, severity: true, bodyLimit: true }),
  ],
  ['findings.[].bodyLimit', fieldsOf<BodyLimit>({ refused: true, refusedFromBytes: true, refusedUpToBytes: true, acceptedUpToBytes: true, budgetBytes: true })],
  [
    'checks.[]',
    fieldsOf<CheckReport>({ id: true, title: true, requirement: true, severity: true, status: true, cases: true, durationMs: true, failures: true, note: true, blockedBy: true }),
  ],
  [
    'checks.[].failures.[]',
    fieldsOf<Failure>({ case: true, label: true, expected: true, actual: true, reproduce: true, request: true, answer: true, variant: true, eventType: true, plan: true }),
  ],
  ['checks.[].failures.[].reproduce', fieldsOf<Reproduction>({ curl: true, replay: true, bodyFile: true })],
  ['checks.[].failures.[].request', fieldsOf<RecordedRequest>({ bodyBase64: true, bodyText: true, headers: true, signature: true, redacted: true, truncated: true })],
  ['checks.[].failures.[].request.redacted', fieldsOf<NonNullable<RecordedRequest['redacted']>>({ size: true, sha256: true })],
  ['checks.[].failures.[].request.truncated', fieldsOf<NonNullable<RecordedRequest['truncated']>>({ size: true, sha256: true })],
  ['checks.[].failures.[].request.signature', fieldsOf<SignatureRecipe>({ parts: true, signedBodyBase64: true, fingerprint: true })],
  ['checks.[].failures.[].request.signature.parts.[].digest', fieldsOf<DerivedDigest>({ secretIndex: true, algorithm: true, over: true, upperCase: true, edit: true })],
  [
    'checks.[].failures.[].answer',
    fieldsOf<ReceiverAnswer>({ status: true, outcome: true, contentType: true, headers: true, body: true, bodyBytes: true, bodyTruncated: true, error: true, durationMs: true }),
  ],
  ['checks.[].failures.[].answer.headers', fieldsOf<ReceiverAnswer['headers']>({ location: true, 'retry-after': true, 'www-authenticate': true })],
  ['checks.[].failures.[].answer.error', fieldsOf<NonNullable<ReceiverAnswer['error']>>({ code: true, message: true })],
  ['checks.[].failures.[].plan', fieldsOf<CasePlan>({ deliveries: true, retries: true })],
  ['checks.[].failures.[].plan.deliveries.[]', fieldsOf<CaseDelivery>({ role: true, label: true, request: true, batch: true })],
  ['checks.[].failures.[].plan.retries', fieldsOf<NonNullable<CasePlan['retries']>>({ baseDelayMs: true })],
  ['requirements.[]', fieldsOf<RequirementReport>({ id: true, severity: true, summary: true, status: true, checks: true })],
  ['coverage', fieldsOf<CoverageTable>({ variants: true, rows: true })],
  ['coverage.rows.[]', fieldsOf<Element<CoverageTable['rows']>>({ type: true, counts: true })],
  ['listen', fieldsOf<Listened>({ kind: true, respond: true, expect: true, stoppedBy: true, retryWindowMs: true, deliveries: true, events: true, ignored: true })],
  [
    'listen.deliveries.[]',
    fieldsOf<Element<Listened['deliveries']>>({
      index: true,
      receivedAt: true,
      atMs: true,
      eventId: true,
      type: true,
      attempt: true,
      size: true,
      signature: true,
      schema: true,
      answer: true,
    }),
  ],
  ['listen.events.[]', fieldsOf<EventHistory>({ eventKey: true, eventId: true, type: true, attempts: true, gapsMs: true, state: true })],
  ['capacity', fieldsOf<CapacitySection>({ settings: true, phases: true, findMax: true, recovery: true, interrupted: true })],
  ['capacity.interrupted', fieldsOf<NonNullable<CapacitySection['interrupted']>>({ unfinished: true })],
  ['capacity.settings', fieldsOf<CapacityRunSettings>({ rate: true, durationMs: true, outageMs: true, findMax: true, retryBaseMs: true, maxInFlight: true })],
  ['capacity.settings.findMax', fieldsOf<NonNullable<CapacityRunSettings['findMax']>>({ startRate: true, maxRate: true, stepMs: true, cooldownMs: true, budgetMs: true })],
  [
    'capacity.phases.[]',
    fieldsOf<CapacityPhaseRecord>({
      name: true,
      rate: true,
      durationMs: true,
      scheduled: true,
      sent: true,
      classes: true,
      statuses: true,
      lateSuccesses: true,
      retryAfterAnswers: true,
      achievedRate: true,
      latency: true,
      histogram: true,
      timeline: true,
      failures: true,
      selfStallMaxMs: true,
      selfLateSends: true,
      interrupted: true,
    }),
  ],
  ['capacity.phases.[].classes', fieldsOf<CapacityClassCounts>({ success: true, transient: true, gone: true, permanent: true, timeout: true, error: true })],
  ['capacity.phases.[].latency', fieldsOf<CapacityLatency>({ count: true, p50Ms: true, p90Ms: true, p99Ms: true, maxMs: true })],
  ['capacity.phases.[].timeline.[]', fieldsOf<CapacitySecondRecord>({ second: true, offered: true, succeeded: true, p50Ms: true, p90Ms: true, p99Ms: true, histogram: true })],
  [
    'capacity.phases.[].failures.[]',
    fieldsOf<CapacitySampleRecord>({
      sequence: true,
      type: true,
      id: true,
      scheduledAtMs: true,
      latencyMs: true,
      outcome: true,
      status: true,
      retryAfter: true,
      answer: true,
      error: true,
    }),
  ],
  ['capacity.findMax', fieldsOf<CapacityFindMaxRecord>({ maxHeldRate: true, brokeAt: true, selfLimited: true, bounded: true })],
  ['capacity.findMax.bounded', fieldsOf<NonNullable<CapacityFindMaxRecord['bounded']>>({ by: true, afterSteps: true, afterMs: true, budgetMs: true })],
  ['capacity.findMax.brokeAt', fieldsOf<NonNullable<CapacityFindMaxRecord['brokeAt']>>({ rate: true, how: true })],
  [
    'capacity.recovery',
    fieldsOf<CapacityRecoveryRecord>({
      backlog: true,
      duplicates: true,
      live: true,
      accepted: true,
      acceptedByAttempt: true,
      lostPermanently: true,
      exhausted: true,
      duplicatesAccepted: true,
      retryAfterHonoured: true,
      failures: true,
      interrupted: true,
    }),
  ],
  ['listen.events.[].attempts.[]', fieldsOf<Element<EventHistory['attempts']>>({ delivery: true, atMs: true, answeredAtMs: true, answer: true })],
];

type SchemaNode = { readonly $ref?: string; readonly properties?: Record<string, SchemaNode>; readonly items?: SchemaNode; readonly oneOf?: readonly SchemaNode[] };

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', '..', 'contracts', 'report.schema.json'), 'utf8')) as SchemaNode & { definitions: Record<string, SchemaNode> };

function resolve(node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const name = node.$ref.replace('#/definitions/', '');
  const target = SCHEMA.definitions[name];
  if (target === undefined) throw new Error(`no definition ${name}`);
  return resolve(target);
}

/** The branch of a `oneOf` (a nullable array, a string or an object) that has what `step` looks for. */
function branch(node: SchemaNode, wants: 'items' | 'properties'): SchemaNode {
  const here = resolve(node);
  return here.oneOf?.map(resolve).find((s) => s[wants] !== undefined) ?? here;
}

/** The schema node at `place`. */
function nodeAt(place: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = SCHEMA;
  for (const step of place === '' ? [] : place.split('.')) {
    if (node === undefined) return undefined;
    node = step === '[]' ? branch(node, 'items').items : branch(node, 'properties').properties?.[step];
  }
  return node === undefined ? undefined : branch(node, 'properties');
}

describe("report.json's schema (contracts/report.schema.json) and the evidence types", () => {
  it.each(PLACES.map(([place, fields]) => [place === '' ? '(the report)' : place, place, fields] as const))(
    '%s: the schema lists exactly the fields of the type',
    (_name, place, fields) => {
      const node = nodeAt(place);
      expect(node?.properties).toBeDefined();
      expect(Object.keys(node?.properties ?? {}).sort()).toEqual(fields);
    },
  );

  it('keeps its $id and formatVersion 1', () => {
    expect(SCHEMA).toMatchObject({ $id: 'https://hookproof.dev/schemas/report/v1.json', properties: { formatVersion: { const: 1 } } });
  });
});
