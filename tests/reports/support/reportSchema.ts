import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

const STATUS = { enum: ['pass', 'fail', 'warn', 'skip', 'blocked', 'inconclusive'] };
const SEVERITY = { enum: ['required', 'recommended', 'informational'] };
const REQUIREMENT_ID = { type: 'string', pattern: '^(TLS-1|DLV-[1-7]|SIG-([1-9]|1[012])|EVT-[1-7]|GONE-1)$' };
const COUNT = { type: 'integer', minimum: 0 };

function object(properties: Record<string, unknown>, optional: readonly string[] = []): Record<string, unknown> {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties).filter((k) => !optional.includes(k)), properties };
}

/** The receiver's own answer: bounded body, control characters escaped. */
const ANSWER = object(
  {
    status: { type: 'integer', minimum: 100, maximum: 999 },
    outcome: { enum: ['success', 'transient', 'gone', 'permanent', 'timeout', 'error'] },
    contentType: { type: 'string' },
    headers: object({ location: { type: 'string' }, 'retry-after': { type: 'string' }, 'www-authenticate': { type: 'string' } }, ['location', 'retry-after', 'www-authenticate']),
    body: { type: 'string', pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]*$' },
    bodyBytes: COUNT,
    bodyTruncated: { type: 'boolean' },
    error: object({ code: { type: 'string', pattern: '^[A-Z_]+$' }, message: { type: 'string' } }),
    durationMs: COUNT,
  },
  ['status', 'contentType', 'error'],
);

const DIGEST = object(
  {
    secretIndex: COUNT,
    algorithm: { enum: ['sha512', 'sha256', 'sha1'] },
    over: { enum: ['sent-body', 'signed-body'] },
    upperCase: { type: 'boolean' },
    edit: {
      oneOf: [
        object({ kind: { const: 'digit' }, at: COUNT, digit: { type: 'string', pattern: '^[0-9a-f]$' } }),
        object({ kind: { const: 'slice' }, start: COUNT, end: COUNT }),
        object({ kind: { const: 'around' }, before: { type: 'string', pattern: '^[0-9a-fA-F]*$' }, after: { type: 'string', pattern: '^[0-9a-fA-F]*$' } }),
      ],
    },
  },
  ['edit'],
);

const BASE64 = { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$' };

/** A recorded request: the header as literal text and digests to recompute, never a digest made with a secret. */
const REQUEST = object(
  {
    bodyBase64: BASE64,
    bodyText: { type: 'string' },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    signature: object(
      {
        parts: { oneOf: [{ type: 'null' }, { type: 'array', items: { oneOf: [{ type: 'string' }, object({ digest: DIGEST })] } }] },
        signedBodyBase64: BASE64,
        fingerprint: { type: 'string', pattern: '^[0-9a-f]{4}$' },
      },
      ['signedBodyBase64', 'fingerprint'],
    ),
    redacted: object({ size: COUNT, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } }),
    truncated: object({ size: COUNT, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } }),
  },
  ['bodyText', 'redacted', 'truncated'],
);

const PLAN = object(
  {
    deliveries: {
      type: 'array',
      minItems: 1,
      items: object({ role: { enum: ['setup', 'judged', 'control'] }, label: { type: 'string', minLength: 1 }, batch: COUNT, request: REQUEST }, ['batch']),
    },
    retries: object({ baseDelayMs: COUNT }),
  },
  ['retries'],
);

const FAILURE = object(
  {
    case: { type: 'string', pattern: '^[a-z0-9-]+#[1-9][0-9]*$' },
    label: { type: 'string', minLength: 1 },
    variant: { type: 'string', minLength: 1 },
    eventType: { type: 'string', minLength: 1 },
    expected: { type: 'string', minLength: 1 },
    actual: { type: 'string', minLength: 1 },
    answer: ANSWER,
    reproduce: object(
      { curl: { type: 'string', pattern: 'curl ' }, replay: { type: 'string', pattern: '^npx --no-install hookproof replay ' }, bodyFile: { type: 'string', pattern: '\\.body$' } },
      ['bodyFile'],
    ),
    request: REQUEST,
    plan: PLAN,
  },
  ['variant', 'eventType', 'answer', 'plan'],
);

const FINDING = object(
  {
    title: { type: 'string', minLength: 1 },
    severity: SEVERITY,
    explains: { type: 'array', items: REQUIREMENT_ID, minItems: 1 },
    blocks: { type: 'array', items: REQUIREMENT_ID },
    cases: { type: 'integer', minimum: 1 },
    eventTypes: { type: 'array', items: { type: 'string' } },
    expected: { type: 'string', minLength: 1 },
    answer: ANSWER,
    bodyLimit: object(
      {
        refused: { type: 'integer', minimum: 1 },
        refusedFromBytes: { type: 'integer', minimum: 0 },
        refusedUpToBytes: { type: 'integer', minimum: 0 },
        acceptedUpToBytes: { type: 'integer', minimum: 0 },
        budgetBytes: { type: 'integer', minimum: 16384 },
      },
      ['acceptedUpToBytes', 'budgetBytes'],
    ),
    failures: { type: 'array', items: { type: 'string' }, minItems: 1 },
  },
  ['answer', 'bodyLimit'],
);

/**
 * report.json's shape as a JSON Schema: every field of `CertificationReport` with its type,
 * required unless optional in the type, and nothing else (a field added to the type must be added
 * here on purpose).
 */
const RECHECK = object({
  of: object({
    digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
    path: { type: 'string', minLength: 1 },
    verdict: { enum: ['pass', 'fail'] },
    startedAt: { type: 'string', format: 'date-time' },
  }),
  verdict: { enum: ['confirmed', 'not confirmed'] },
  checks: {
    type: 'array',
    items: object(
      {
        id: { type: 'string' },
        requirement: REQUIREMENT_ID,
        result: { enum: ['confirmed', 'differs'] },
        original: { enum: [...STATUS.enum, 'absent'] },
        now: { enum: [...STATUS.enum, 'absent'] },
        firstDifferingCase: object({
          failedIn: { enum: ['original', 'recheck'] },
          case: { type: 'string' },
          label: { type: 'string' },
          expected: { type: 'string' },
          actual: { type: 'string' },
        }),
      },
      ['firstDifferingCase'],
    ),
  },
});

const PROVENANCE = object(
  {
    node: { type: 'string', pattern: '^v\\d+\\.' },
    platform: { type: 'string', minLength: 1 },
    command: { type: 'array', items: { type: 'string' } },
    connection: object(
      {
        address: { type: 'string', minLength: 1 },
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        tls: object({ certificateSha256: { type: 'string', pattern: '^([0-9A-F]{2}:){31}[0-9A-F]{2}$' }, validTo: { type: 'string' }, subject: { type: 'string' } }, ['subject']),
      },
      ['tls'],
    ),
  },
  ['connection'],
);

export const REPORT_SCHEMA = object(
  {
    formatVersion: { const: 1 },
    digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
    subject: { enum: ['receiver', 'sender'] },
    tool: object({ name: { const: 'hookproof' }, version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+' } }),
    spec: object(
      {
        path: { type: 'string', minLength: 1 },
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        title: { type: 'string', minLength: 1 },
        version: { type: 'string', minLength: 1 },
      },
      ['title', 'version'],
    ),
    target: object({ url: { type: 'string', pattern: '^https?://' }, trust: { type: 'string', minLength: 1 } }),
    seed: { type: 'integer' },
    options: object(
      {
        runs: { type: 'integer', minimum: 1 },
        timeoutMs: { type: 'integer', minimum: 1 },
        maxEventBytes: { type: 'integer', minimum: 16384, maximum: 16777216 },
        concurrency: { type: 'integer', minimum: 1 },
        allowHttp: { type: 'boolean' },
        types: { type: 'array', items: { type: 'string' } },
        checks: { type: 'array', items: { type: 'string' } },
        secrets: { type: 'integer', minimum: 1, maximum: 5 },
      },
      ['maxEventBytes'],
    ),
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: 'string', format: 'date-time' },
    provenance: PROVENANCE,
    verdict: { enum: ['pass', 'fail', 'incomplete'] },
    verdictReason: { type: 'string', minLength: 1 },
    scope: object({
      level: { enum: ['full', 'partial'] },
      narrowed: { type: 'array', items: { enum: ['checks', 'types', 'runs', 'timeout'] } },
      details: { type: 'array', items: { type: 'string', pattern: '^(checks|types|runs|timeout): ' } },
    }),
    gone: object({ caseLabel: { type: 'string' } }),
    recheck: RECHECK,
    summary: object({ pass: COUNT, fail: COUNT, warn: COUNT, skip: COUNT, blocked: COUNT, inconclusive: COUNT, cases: COUNT }, ['blocked', 'inconclusive']),
    hints: {
      type: 'array',
      items: object({ code: { enum: ['tls-untrusted', 'tls-error', 'unreachable', 'wrong-path', 'redirect', 'wrong-secret'] }, message: { type: 'string', minLength: 1 } }),
    },
    findings: { type: 'array', items: FINDING, minItems: 1 },
    checks: {
      type: 'array',
      items: object(
        {
          id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
          title: { type: 'string', minLength: 1 },
          requirement: REQUIREMENT_ID,
          severity: SEVERITY,
          status: STATUS,
          cases: COUNT,
          durationMs: { type: 'number', minimum: 0 },
          failures: { type: 'array', items: FAILURE },
          note: { type: 'string' },
          blockedBy: { type: 'array', minItems: 1, items: REQUIREMENT_ID },
        },
        ['note', 'blockedBy'],
      ),
    },
    requirements: {
      type: 'array',
      items: object({
        id: REQUIREMENT_ID,
        severity: SEVERITY,
        summary: { type: 'string', minLength: 1 },
        status: { enum: ['pass', 'fail', 'warn', 'skip', 'blocked', 'inconclusive', 'not-testable', 'not-run'] },
        checks: { type: 'array', items: { type: 'string' } },
      }),
    },
    coverage: object({
      variants: { type: 'array', items: { type: 'string' } },
      rows: { type: 'array', items: object({ type: { type: 'string' }, counts: { type: 'object', additionalProperties: COUNT } }) },
    }),
  },
  // digest is set by the writer and provenance by the runner: fixtures built by hand have neither.
  // scope is absent in listen reports and in reports written before it was recorded.
  ['subject', 'gone', 'verdictReason', 'scope', 'digest', 'provenance', 'recheck', 'hints', 'findings'],
);

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(REPORT_SCHEMA);

/** Schema violations of a parsed report.json, as readable lines (empty when it fits). */
export function reportShapeErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`);
}
