import Ajv from 'ajv';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReportJson } from '../../src/reports';
import { runCertification } from '../../src/runner/runCertification';
import { runCertification as runCertificationWithRate } from '../../src';
import type { ReceivedDelivery } from '../../src/sender/listen/ReceivedDelivery';
import { buildListenReport } from '../../src/sender/report/buildListenReport';
import { closeAfterAll, serveReadingBody } from '../support/servers';

type Schema = Record<string, unknown>;

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', '..', 'contracts', 'report.schema.json'), 'utf8')) as Schema;

/**
 * The shipped schema with every object closed (`additionalProperties: false` wherever it lists
 * properties and says nothing else): the schema itself stays open for readers of newer reports,
 * but a field hookproof writes and the schema does not list fails here.
 */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (typeof node !== 'object' || node === null) return node;
  const out = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closed(value)]));
  if ('properties' in out && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(closed(SCHEMA) as Schema);

/** Every problem the closed schema finds in a report as written (report.json's own bytes). */
function problems(json: string): string[] {
  return validate(JSON.parse(json)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

describe('report.json as written by the real paths validates against the closed schema', () => {
  const closing = closeAfterAll();

  it('certify: failures with a receiver answer, a reproduction, a multi-delivery plan and findings', async () => {
    // Accepts anything (SIG-3 fails) and refuses an event id seen before (DLV-4 fails, with a plan).
    const seen = new Set<string>();
    const receiver = await closing(
      serveReadingBody((_req, body, res) => {
        const id = /"id"\s*:\s*"([^"]*)"/.exec(body.toString('utf8'))?.[1] ?? '';
        if (id !== '' && seen.has(id)) return void res.writeHead(409, { 'content-type': 'text/plain' }).end('duplicate event');
        seen.add(id);
        res.writeHead(204).end();
      }),
    );
    const report = await runCertification({
      url: receiver.url,
      secrets: ['schema-samples-secret'],
      allowHttp: true,
      seed: 11,
      runs: 2,
      timeoutMs: 2000,
      types: ['ping'],
      checks: ['sig-wrong-secret', 'dlv-duplicate-accepted'],
    });
    expect(report.checks.map((c) => c.status)).toEqual(['fail', 'fail']);
    expect(report.checks.some((c) => c.failures.some((f) => f.plan !== undefined))).toBe(true);
    expect(report.findings?.length).toBeGreaterThan(0);
    expect(problems(renderReportJson(report))).toEqual([]);
  });

  it('certify --rate: CAP checks with failures and the capacity section (phases, probe, recovery burst)', async () => {
    // Accepts everything, except every third capacity event (ids of the capacity feed) is answered 503.
    let capacityEvents = 0;
    const receiver = await closing(
      serveReadingBody((_req, body, res) => {
        if (/"id":"[0-9a-f]{8}-0000-4000-8000-/.test(body.toString('utf8')) && (capacityEvents += 1) % 3 === 0) {
          return void res.writeHead(503, { 'retry-after': '0', 'content-type': 'application/json' }).end('{"error":"busy"}');
        }
        res.writeHead(204).end();
      }),
    );
    const report = await runCertificationWithRate({
      url: receiver.url,
      secrets: ['schema-samples-secret'],
      allowHttp: true,
      seed: 11,
      runs: 2,
      types: ['ping'],
      checks: ['EVT-1'],
      capacity: { rate: 20, durationMs: 1000, outageMs: 300, retryBaseMs: 5, findMax: { maxRate: 20, stepMs: 500, cooldownMs: 0 } },
    });
    expect(report.checks.map((c) => [c.requirement, c.status])).toEqual([
      ['EVT-1', 'pass'],
      ['CAP-1', 'fail'],
      ['CAP-2', 'pass'],
      ['CAP-3', 'pass'],
    ]);
    // The declared rate broke, so the probe bisected below it: phases with and without failures.
    expect(report.capacity?.phases[0]?.failures.length).toBeGreaterThan(0);
    expect(report.capacity?.findMax?.brokeAt?.how).toMatch(/503/);
    expect(report.capacity?.recovery?.accepted).toBeGreaterThan(0);
    expect(problems(renderReportJson(report))).toEqual([]);
  }, 30_000);

  it('listen: failures carrying the delivery, a cut body, and the listen record', () => {
    const report = buildListenReport({
      url: 'http://127.0.0.1:8787/',
      spec: { path: 'spec/webhook-events.yaml', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
      respond: '503,204',
      expect: ['ping'],
      secrets: ['schema-samples-secret'],
      reportPath: 'hookproof-listen-report/report.json',
      deliveries: [delivery(1, { signed: false }), delivery(2, { signed: true, cut: true })],
      ignored: 1,
      endedAtMs: 120_000,
      startedAt: '2026-11-25T10:00:00.000Z',
      finishedAt: '2026-11-25T10:02:00.000Z',
      stoppedBy: 'signal',
    });
    expect(report.checks.find((c) => c.id === 'snd-signed')?.failures).toHaveLength(1);
    expect(problems(renderReportJson(report))).toEqual([]);
  });

  it('the recorded golden reports (certify, listen, jest adapter) hold no member the schema does not list', () => {
    const unknown: string[] = [];
    for (const name of ['certify-sound', 'certify-unsigned', 'listen', 'jest-adapter']) {
      const recorded = JSON.parse(readFileSync(join(__dirname, '..', 'golden', 'recorded', `${name}.json`), 'utf8')) as unknown;
      walk(recorded, SCHEMA, name, unknown);
    }
    expect(unknown).toEqual([]);
  });
});

function resolve(node: Schema): Schema {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  return resolve((SCHEMA.definitions as Record<string, Schema>)[ref.replace('#/definitions/', '')] ?? {});
}

/**
 * Every member of `value` that its schema node does not list (values themselves are not checked:
 * the golden files have their clock times and durations replaced).
 */
function walk(value: unknown, node: Schema | undefined, path: string, unknown: string[]): void {
  if (node === undefined || typeof value !== 'object' || value === null) return;
  const here = resolve(node);
  const branches = Array.isArray(here.oneOf) ? (here.oneOf as Schema[]).map(resolve) : [here];
  if (Array.isArray(value)) {
    const items = branches.find((b) => b.items !== undefined)?.items as Schema | undefined;
    value.forEach((item, i) => walk(item, items, `${path}[${i}]`, unknown));
    return;
  }
  const shape = branches.find((b) => b.properties !== undefined);
  if (shape === undefined) return;
  const properties = shape.properties as Record<string, Schema>;
  for (const [key, inner] of Object.entries(value)) {
    const member = properties[key];
    if (member === undefined && shape.additionalProperties === undefined) unknown.push(`${path}.${key}`);
    walk(inner, member, `${path}.${key}`, unknown);
  }
}

function delivery(index: number, options: { readonly signed: boolean; readonly cut?: boolean }): ReceivedDelivery {
  const whole = Buffer.from(JSON.stringify({ id: `evt-${index}`, type: 'ping', data: { message: 'x'.repeat(64) } }));
  const body = options.cut === true ? whole.subarray(0, 32) : whole;
  return {
    index,
    receivedAt: `2026-11-25T10:00:0${index}.000Z`,
    atMs: index * 1000.25,
    method: 'POST',
    path: '/hooks',
    headers: { 'content-type': 'application/json' },
    signatureHeader: options.signed ? `sha512=${'ab'.repeat(64)}` : undefined,
    body,
    size: whole.length,
    sha256: createHash('sha256').update(whole).digest('hex'),
    cut: options.cut === true,
    eventKey: `evt-${index}`,
    eventId: `evt-${index}`,
    type: 'ping',
    attempt: 1,
    schema: options.cut === true ? { ok: false, issues: ['body cut at --max-body'] } : { ok: true },
    signature: options.signed ? { ok: true, digests: 1 } : { ok: false, fault: 'missing', detail: 'no X-Signature header' },
    answer: index === 1 ? 503 : 204,
    answeredAtMs: index * 1000 + 5,
  };
}
