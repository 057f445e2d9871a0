import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

const STATUS = { enum: ['pass', 'fail', 'warn', 'skip'] };
const SEVERITY = { enum: ['required', 'recommended', 'informational'] };
const REQUIREMENT_ID = { type: 'string', pattern: '^(TLS-1|DLV-[1-7]|SIG-([1-9]|1[01])|EVT-[1-7]|GONE-1)$' };
const COUNT = { type: 'integer', minimum: 0 };

function object(properties: Record<string, unknown>, optional: readonly string[] = []): Record<string, unknown> {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties).filter((k) => !optional.includes(k)), properties };
}

const FAILURE = object({
  case: { type: 'string', pattern: '^[a-z0-9-]+#[1-9][0-9]*$' },
  label: { type: 'string', minLength: 1 },
  expected: { type: 'string', minLength: 1 },
  actual: { type: 'string', minLength: 1 },
  reproduce: object({ curl: { type: 'string', pattern: 'curl ' }, replay: { type: 'string', pattern: '^npx hookproof replay ' } }),
  request: object(
    {
      bodyBase64: { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$' },
      bodyText: { type: 'string' },
      headers: { type: 'object', additionalProperties: { type: 'string' } },
      signature: object({
        header: { type: ['string', 'null'] },
        signedDigests: { type: 'array', items: object({ position: COUNT, secretIndex: COUNT, upperCase: { type: 'boolean' } }) },
      }),
    },
    ['bodyText'],
  ),
});

/**
 * report.json's shape as a JSON Schema: every field of `CertificationReport` with its type,
 * required unless optional in the type, and nothing else (a field added to the type must be added
 * here on purpose).
 */
export const REPORT_SCHEMA = object(
  {
    formatVersion: { const: 1 },
    subject: { enum: ['receiver', 'sender'] },
    tool: object({ name: { const: 'hookproof' }, version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+' } }),
    spec: object({ path: { type: 'string', minLength: 1 }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, title: { type: 'string', minLength: 1 }, version: { type: 'string', minLength: 1 } }, ['title', 'version']),
    target: object({ url: { type: 'string', pattern: '^https?://' }, trust: { type: 'string', minLength: 1 } }),
    seed: { type: 'integer' },
    options: object({
      runs: { type: 'integer', minimum: 1 },
      timeoutMs: { type: 'integer', minimum: 1 },
      concurrency: { type: 'integer', minimum: 1 },
      allowHttp: { type: 'boolean' },
      types: { type: 'array', items: { type: 'string' } },
      checks: { type: 'array', items: { type: 'string' } },
      secrets: { type: 'integer', minimum: 1, maximum: 5 },
    }),
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: 'string', format: 'date-time' },
    verdict: { enum: ['pass', 'fail'] },
    gone: object({ caseLabel: { type: 'string' } }),
    summary: object({ pass: COUNT, fail: COUNT, warn: COUNT, skip: COUNT, cases: COUNT }),
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
        },
        ['note'],
      ),
    },
    requirements: {
      type: 'array',
      items: object({
        id: REQUIREMENT_ID,
        severity: SEVERITY,
        summary: { type: 'string', minLength: 1 },
        status: { enum: ['pass', 'fail', 'warn', 'skip', 'not-testable', 'not-run'] },
        checks: { type: 'array', items: { type: 'string' } },
      }),
    },
    coverage: object({
      variants: { type: 'array', items: { type: 'string' } },
      rows: { type: 'array', items: object({ type: { type: 'string' }, counts: { type: 'object', additionalProperties: COUNT } }) },
    }),
  },
  ['subject', 'gone'],
);

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(REPORT_SCHEMA);

/** Schema violations of a parsed report.json, as readable lines (empty when it fits). */
export function reportShapeErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`);
}
