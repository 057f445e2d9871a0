import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/runCli';
import { memoryIO, type MemoryIO } from '../../../src/cli/memoryIO';
import { gridxMessagePact } from '../../../src/pact/messages/gridxMessagePact';
import type { MessagePactReport } from '../../../src/pact/messages/messageReport';
import { parseMessagePact } from '../../../src/pact/messages/messagePactFile';
import { verifyMessagePact } from '../../../src/pact/messages/verifyMessagePact';
import { defaultEngine } from '../../support/engine';
import { readPact, tempPactDir, type PactJson } from './support/pactFiles';
import { createSampleReceiver } from './support/sampleReceiver';

async function verifyMessages(...args: string[]): Promise<{ code: number; io: MemoryIO }> {
  const io = memoryIO();
  const code = await runCli(['pact', 'verify-messages', ...args], io);
  return { code, io };
}

// The sender's side: gridX checks that every message a receiver's pact expects is producible under
// the spec. The pact under test is written by the receiver-side helper and the real Pact core.
describe('hookproof pact verify-messages', () => {
  const temp = tempPactDir();
  const pactFile = join(temp.dir, 'acme-receiver-gridx-webhooks.json');
  const edited = (name: string, edit: (pact: PactJson) => void): string => {
    const pact = readPact(pactFile);
    edit(pact);
    const path = join(temp.dir, name);
    writeFileSync(path, JSON.stringify(pact, null, 2));
    return path;
  };
  const plugged = (pact: PactJson): PactJson['interactions'][number] => {
    const found = pact.interactions.find((i) => i.description.startsWith('ev/plugged'));
    if (found === undefined) throw new Error('no ev/plugged interaction');
    return found;
  };

  beforeAll(async () => {
    const pact = gridxMessagePact({ consumer: 'acme-receiver', dir: temp.dir, engine: defaultEngine() });
    const receiver = createSampleReceiver();
    await pact.expectsEvent('ev/plugged', { fields: ['/data/state', '/data/assetID'] }).verify((event) => receiver.handle(event));
    await pact.expectsEvent('ev/charge-failed', { fields: ['/data/failureReason', '/data/issuedAt'] }).verify((event) => receiver.handle(event));
  });
  afterAll(() => temp.cleanup());

  it('passes the pact the receiver wrote, warning about the field the spec lets gridX omit', async () => {
    const { code, io } = await verifyMessages('--pact', pactFile);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout).toContain('ok    ev/plugged event relying on /data/state, /data/assetID  (ev/plugged)');
    expect(io.stdout).toContain('warn  ev/charge-failed event relying on /data/failureReason, /data/issuedAt  (ev/charge-failed)');
    expect(io.stdout).toContain('      warning  /data/failureReason  the receiver relies on it, but the spec lets gridX omit it');
    expect(io.stdout.at(-1)).toBe('2 message(s): 2 producible by gridX, 0 not; 1 warning(s) — pass');
  });

  it('fails (exit 1) a hand-edited pact relying on a field the spec does not have, and says which', async () => {
    const path = edited('colour.json', (pact) => {
      const interaction = plugged(pact);
      (interaction.contents.content.data as Record<string, unknown>).colour = 'red';
      interaction.matchingRules = { body: { ...interaction.matchingRules?.body, '$.data.colour': { combine: 'AND', matchers: [{ match: 'type' }] } } };
    });
    const { code, io } = await verifyMessages('--pact', path);
    expect(code).toBe(1);
    expect(io.stdout).toContain('FAIL  ev/plugged event relying on /data/state, /data/assetID  (ev/plugged)');
    expect(io.stdout).toContain('      error    /data/colour  the receiver relies on it, but the spec has no such field in ev/plugged events');
    expect(io.stdout.at(-1)).toBe('2 message(s): 1 producible by gridX, 1 not; 1 warning(s) — FAIL');
  });

  it('fails rules narrower than the spec, fields without a matcher, and example values the spec forbids', async () => {
    const path = edited('narrow.json', (pact) => {
      const interaction = plugged(pact);
      const body = interaction.matchingRules?.body ?? {};
      body['$.data.state'] = { combine: 'AND', matchers: [{ match: 'regex', regex: '^PLUGGED$' }] };
      delete body['$.data.assetID'];
      interaction.contents.content.id = 'not-a-uuid';
    });
    const { code, io } = await verifyMessages('--pact', path, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(io.stdout.join('\n')) as MessagePactReport;
    const findings = report.messages.find((m) => m.type === 'ev/plugged')?.findings ?? [];
    expect(findings.map((f) => [f.severity, f.code, f.pointer])).toEqual([
      ['error', 'invalid-example', '/id'],
      ['error', 'exact-value', '/data/assetID'],
      ['error', 'rule-rejects', '/data/state'],
      ['error', 'exact-value', '/id'],
    ]);
    expect(findings.find((f) => f.pointer === '/data/state')?.message).toBe(`gridX may send "UNPLUGGED", which the receiver's rule rejects: it does not match ^PLUGGED$`);
    expect(report).toMatchObject({
      pact: { consumer: 'acme-receiver', provider: 'gridx-webhooks', specification: '4.0' },
      spec: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      passed: false,
    });
  });

  it('--strict fails on warnings too', async () => {
    expect((await verifyMessages('--pact', pactFile, '--strict')).code).toBe(1);
  });

  it('exits 2 with one line for a missing file, a file that is not a pact, and a pact without messages', async () => {
    const notJson = join(temp.dir, 'not-json.json');
    writeFileSync(notJson, 'consumer: acme');
    const notPact = join(temp.dir, 'not-pact.json');
    writeFileSync(notPact, JSON.stringify({ hello: 'world' }));
    const httpPact = join(temp.dir, 'http.json');
    writeFileSync(
      httpPact,
      JSON.stringify({
        consumer: { name: 'gridx' },
        provider: { name: 'acme' },
        interactions: [{ type: 'Synchronous/HTTP', description: 'x', request: {}, response: {} }],
        metadata: { pactSpecification: { version: '4.0' } },
      }),
    );
    const cases: Array<[string[], string]> = [
      [['--pact', join(temp.dir, 'missing.json')], `hookproof: cannot read ${join(temp.dir, 'missing.json')}: ENOENT: no such file or directory`],
      [['--pact', notJson], `hookproof: ${notJson} is not a pact file: it is not JSON`],
      [['--pact', notPact], `hookproof: ${notPact} is not a pact file: it needs consumer.name, provider.name and interactions`],
      [['--pact', httpPact], `hookproof: ${httpPact} is not a message pact: it has no asynchronous message interactions (only Synchronous/HTTP)`],
      [['--pact', pactFile, '--runs', '0'], 'hookproof: --runs must be a whole number from 1 to 100000, got "0"'],
      [[], "hookproof: required option '--pact <file>' not specified"],
    ];
    for (const [args, line] of cases) {
      const { code, io } = await verifyMessages(...args);
      expect({ args, code, stderr: io.stderr }).toEqual({ args, code: 2, stderr: [line] });
    }
  });
});

describe('verifyMessagePact over every event type', () => {
  // The law behind the helper: the matchers it derives accept every event the engine generates, so
  // a pact built from the spec is always producible. Checked for each non-deprecated type, relying
  // on every field the spec describes (the optional ones only warn).
  it('passes a pact relying on every field of every non-deprecated type', async () => {
    const engine = defaultEngine();
    const temp = tempPactDir();
    const pact = gridxMessagePact({ consumer: 'every-field', dir: temp.dir, engine });
    const types = engine.catalogue.types.filter((t) => !t.deprecated);
    for (const type of types) {
      await pact.expectsEvent(type.type, { fields: [...type.requiredPaths, ...type.optionalPaths] }).verify(() => undefined);
    }
    const file = parseMessagePact(JSON.stringify(readPact(join(temp.dir, 'every-field-gridx-webhooks.json'))), 'every-field.json');
    temp.cleanup();
    const report = verifyMessagePact(engine, file, { runs: 200 });
    expect(report.messages).toHaveLength(types.length);
    const problems = report.messages.flatMap((m) => m.findings.filter((f) => f.code !== 'optional').map((f) => `${m.type ?? '?'} ${f.pointer}: ${f.message}`));
    expect(problems).toEqual([]);
    expect(report.passed).toBe(true);
  });
});
