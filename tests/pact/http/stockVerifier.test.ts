import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifySignature } from '../../../src/signing';
import { parseSignatureHeader } from '../../../src/contract';
import { EXAMPLE_SECRET, REFERENCE_CONTRACT_FILE } from '../../../src/pact/http';
import { defectiveReceiver, soundReceiver } from '../../checks/support/receivers';
import type { RunningReceiver } from '../../support/servers';
import { ROOT } from '../../cli/paths';
import { defaultEngine } from '../../support/engine';
import { join } from 'node:path';
import { requirementOf } from './support/pacts';
import { stockVerify, type StockVerdict } from './support/stockVerifier';

// The proof that the committed contract is portable: the stock Rust verifier from
// @pact-foundation/pact-cli (no hookproof signing, no state handlers) sends each body byte for byte
// as the example signature signed it. Against the reference receiver holding the contract's example
// secret every interaction passes; a receiver with one defect fails exactly on its own
// interactions, and passes the others.

jest.setTimeout(240_000);

const CONTRACT = join(ROOT, REFERENCE_CONTRACT_FILE);

const unauthorised = (res: ServerResponse): true => {
  res.writeHead(401).end();
  return true;
};
const refuse = (res: ServerResponse, why: string): true => {
  res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: why }));
  return true;
};
const accept = (res: ServerResponse): true => {
  res.writeHead(202).end();
  return true;
};
const signature = (req: IncomingMessage): string | undefined => {
  const value = req.headers['x-signature'];
  return Array.isArray(value) ? value.join(', ') : value;
};

/** Properties the spec names for an event's envelope and its `data`. */
function knownKeys(type: string): { envelope: Set<string>; data: Set<string> } {
  const schema = defaultEngine().catalogue.get(type).schema as { properties?: Record<string, { properties?: object }> };
  const properties = schema.properties ?? {};
  return { envelope: new Set(Object.keys(properties)), data: new Set(Object.keys(properties.data?.properties ?? {})) };
}

const parse = (body: Buffer): Record<string, unknown> => JSON.parse(body.toString('utf8')) as Record<string, unknown>;

/** Each defect, the receiver that has it, and the requirements whose interactions it must fail. */
const DEFECTS: ReadonlyArray<readonly [string, () => Promise<RunningReceiver>, readonly string[]]> = [
  ['ignores signatures', () => defectiveReceiver((_req, _body, res) => accept(res), [EXAMPLE_SECRET]), ['SIG-2', 'SIG-3', 'SIG-4', 'SIG-12']],
  [
    'checks the first digest only',
    () =>
      defectiveReceiver(
        (req, body, res) => {
          const parsed = parseSignatureHeader(signature(req) ?? '');
          const first = parsed.ok ? parsed.digests[0] : undefined;
          return first === undefined || !verifySignature(body, `sha512=${first}`, [EXAMPLE_SECRET]).valid ? unauthorised(res) : false;
        },
        [EXAMPLE_SECRET],
      ),
    ['SIG-6'],
  ],
  [
    'rejects unknown fields',
    () =>
      defectiveReceiver(
        (req, body, res) => {
          if (!verifySignature(body, signature(req), [EXAMPLE_SECRET]).valid) return false;
          const event = parse(body);
          const known = knownKeys(String(event.type));
          const data = typeof event.data === 'object' && event.data !== null ? Object.keys(event.data) : [];
          const unknown = [...Object.keys(event).filter((k) => !known.envelope.has(k)), ...data.filter((k) => !known.data.has(k))];
          return unknown.length > 0 ? refuse(res, `unknown fields: ${unknown.join(', ')}`) : false;
        },
        [EXAMPLE_SECRET],
      ),
    ['EVT-3'],
  ],
  [
    'requires optional fields',
    () =>
      defectiveReceiver(
        (req, body, res) => {
          if (!verifySignature(body, signature(req), [EXAMPLE_SECRET]).valid) return false;
          const event = parse(body);
          return event.correlationID === undefined ? refuse(res, 'correlationID is required') : false;
        },
        [EXAMPLE_SECRET],
      ),
    ['EVT-2'],
  ],
  [
    'verifies over re-serialised JSON',
    () =>
      defectiveReceiver(
        (req, body, res) => {
          let reserialised: Buffer;
          try {
            reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))), 'utf8');
          } catch {
            return false;
          }
          return verifySignature(reserialised, signature(req), [EXAMPLE_SECRET]).valid ? accept(res) : unauthorised(res);
        },
        [EXAMPLE_SECRET],
      ),
    ['SIG-8'],
  ],
];

const failedRequirements = (verdicts: readonly StockVerdict[]): string[] => [...new Set(verdicts.filter((v) => !v.passed).map((v) => requirementOf(v.description)))].sort();

describe('the stock Rust Pact verifier (pact-cli) on the committed contract', () => {
  it('passes every interaction against the reference receiver holding the example secret', async () => {
    const receiver = await soundReceiver([EXAMPLE_SECRET]);
    try {
      const verdicts = await stockVerify(CONTRACT, receiver.url);
      expect(verdicts.length).toBeGreaterThanOrEqual(40);
      expect(verdicts.filter((v) => !v.passed)).toEqual([]);
      // Every requirement the contract expresses was verified.
      expect([...new Set(verdicts.map((v) => requirementOf(v.description)))].sort()).toEqual(['EVT-1', 'EVT-2', 'EVT-3', 'SIG-12', 'SIG-2', 'SIG-3', 'SIG-4', 'SIG-6', 'SIG-8']);
    } finally {
      await receiver.close();
    }
  });

  it('fails a receiver holding another secret on every interaction that needs a valid signature', async () => {
    const receiver = await soundReceiver(['not-the-example-secret']);
    try {
      expect(failedRequirements(await stockVerify(CONTRACT, receiver.url))).toEqual(['EVT-1', 'EVT-2', 'EVT-3', 'SIG-6', 'SIG-8']);
    } finally {
      await receiver.close();
    }
  });

  it.each(DEFECTS)('fails a receiver that %s on its own interactions only', async (_defect, start, expected) => {
    const receiver = await start();
    try {
      const verdicts = await stockVerify(CONTRACT, receiver.url);
      expect(failedRequirements(verdicts)).toEqual([...expected].sort());
      // Every interaction of the requirement fails, not just one.
      const own = verdicts.filter((v) => expected.includes(requirementOf(v.description)));
      expect(own.length).toBeGreaterThan(0);
      expect(own.filter((v) => v.passed)).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
