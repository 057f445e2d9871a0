import './support/esmShim';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HookproofError, InputUnreadableError, SecretMissingError, TargetInvalidError, UsageError } from '../../../src/errors';
import { httpPactJson, verifyHttpPact, type HttpVerificationResult } from '../../../src/pact/http';
import { verifySignature } from '../../../src/signing';
import { defaultEngine } from '../../support/engine';
import { defectiveReceiver } from '../../checks/support/receivers';
import { closeAfterEach, serve, type RunningReceiver } from '../../support/servers';
import { bytesOf, requirementOf, tempDir, testPact, writeTempPact } from './support/pacts';

const closing = closeAfterEach();
const SECRET = 'verify-Secret-"<&>é\\-5c1';

interface Recorded {
  readonly url: string;
  readonly signature: string | undefined;
  readonly body: Buffer;
}

/** The reference receiver behind a recorder, closed after the test; `ignoreSignatures` makes it accept every POST. */
async function recordingReceiver(ignoreSignatures = false): Promise<{ receiver: RunningReceiver; base: string; seen: Recorded[] }> {
  const seen: Recorded[] = [];
  const receiver = await closing(
    defectiveReceiver(
      (req, body, res) => {
        seen.push({ url: req.url ?? '', signature: req.headers['x-signature'] as string | undefined, body });
        if (!ignoreSignatures) return false;
        res.writeHead(202).end();
        return true;
      },
      [SECRET],
    ),
  );
  return { receiver, base: receiver.url, seen };
}

const failedRequirements = (result: HttpVerificationResult): string[] => result.interactions.filter((i) => !i.passed).map((i) => requirementOf(i.description));

describe('verifyHttpPact, with the real Pact verifier', () => {
  const pact = testPact();
  const file = writeTempPact(pact);

  it('passes the reference receiver, which sees one correctly signed request per interaction', async () => {
    const { base, seen } = await recordingReceiver();
    const result = await verifyHttpPact({ url: base, secrets: [SECRET], pactFiles: [file] });
    expect(failedRequirements(result)).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.interactions.map((i) => i.description)).toEqual(pact.interactions.map((i) => i.description));
    // State calls are answered by the verifier's own proxy: only the interactions reach the receiver.
    expect(seen.map((r) => r.url)).toEqual(pact.interactions.map(() => '/hooks/gridx?tenant=t1'));
    // Every body arrives as the pact's exact bytes, SIG-8's unusual layout included.
    expect(seen.map((r) => r.body.toString('utf8'))).toEqual(pact.interactions.map((i) => bytesOf(i).toString('utf8')));
    const verdicts = seen.map((r) => (r.signature === undefined ? 'none' : verifySignature(r.body, r.signature, [SECRET]).valid ? 'valid' : 'forged'));
    expect(verdicts).toEqual(
      pact.interactions.map((i) => ({ 'SIG-2': 'none', 'SIG-3': 'forged', 'SIG-4': 'forged', 'SIG-12': 'forged' })[requirementOf(i.description)] ?? 'valid'),
    );
    // What the verifier rebuilt from the pact and hookproof signed is still a valid event.
    for (const r of seen) expect(defaultEngine().validators.validateBytes(r.body)).toEqual(expect.objectContaining({ valid: true }));
  });

  it('fails a receiver that ignores signatures on exactly the forged interactions: SIG-2, SIG-3, SIG-4, SIG-12', async () => {
    const { base } = await recordingReceiver(true);
    const result = await verifyHttpPact({ url: base, secrets: [SECRET], pactFiles: [file] });
    expect(result.passed).toBe(false);
    expect(failedRequirements(result)).toEqual(['SIG-2', 'SIG-3', 'SIG-4', 'SIG-12']);
    for (const verdict of result.interactions.filter((i) => !i.passed)) {
      expect([verdict.problems, verdict.answer]).toEqual([['expected 401 but was 202'], '202']);
    }
  });

  it('fails a receiver that answers a status gridX does not count as success (203)', async () => {
    const receiver = await closing(
      defectiveReceiver((_req, _body, res) => {
        res.writeHead(203).end();
        return true;
      }),
    );
    const small = writeTempPact(testPact({ types: ['ping'] }));
    const result = await verifyHttpPact({ url: receiver.url, secrets: [SECRET], pactFiles: [small] });
    expect(failedRequirements(result)).toEqual(['EVT-1', 'EVT-2', 'EVT-3', 'SIG-2', 'SIG-3', 'SIG-4', 'SIG-6', 'SIG-8', 'SIG-12']);
  });

  it.each([200, 201, 204])('passes a receiver that accepts with %i: the status matcher allows exactly 200, 201, 202, 204', async (status) => {
    const receiver = await closing(
      defectiveReceiver(
        (req, body, res) => {
          if (!verifySignature(body, req.headers['x-signature'] as string | undefined, [SECRET]).valid) return false;
          res.writeHead(status).end();
          return true;
        },
        [SECRET],
      ),
    );
    const small = writeTempPact(testPact({ types: ['ping'] }));
    const result = await verifyHttpPact({ url: receiver.url, secrets: [SECRET], pactFiles: [small] });
    expect(failedRequirements(result)).toEqual([]);
  });

  it('verifies deprecated types as EVT-5: accepted passes, a transient 503 fails', async () => {
    const deprecatedPact = writeTempPact(testPact({ includeDeprecated: true }));
    const sound = await recordingReceiver();
    expect(failedRequirements(await verifyHttpPact({ url: sound.base, secrets: [SECRET], pactFiles: [deprecatedPact] }))).toEqual([]);
    const deprecated = new Set(
      defaultEngine()
        .catalogue.types.filter((t) => t.deprecated)
        .map((t) => t.type),
    );
    const transient = await closing(
      defectiveReceiver(
        (_req, body, res) => {
          if (!deprecated.has((JSON.parse(body.toString('utf8')) as { type?: string }).type ?? '')) return false;
          res.writeHead(503).end();
          return true;
        },
        [SECRET],
      ),
    );
    const result = await verifyHttpPact({ url: transient.url, secrets: [SECRET], pactFiles: [deprecatedPact] });
    expect(failedRequirements(result)).toEqual([...deprecated].map(() => 'EVT-5'));
  });

  it('sends every request to exactly the --url path and query, in place of the contract path (as certify does)', async () => {
    const seen: string[] = [];
    const receiver = await closing(
      serve((req, res) => {
        seen.push(req.url ?? '');
        req.resume();
        res.writeHead(req.headers['x-signature'] === undefined ? 401 : 202).end();
      }),
    );
    const small = writeTempPact(testPact({ types: ['ping'], path: '/hooks/gridx?tenant=t1' }));
    await verifyHttpPact({ url: `${new URL(receiver.url).origin}/some/path?x=1`, secrets: [SECRET], pactFiles: [small] });
    expect(seen.length).toBe(testPact({ types: ['ping'] }).interactions.length);
    expect(new Set(seen)).toEqual(new Set(['/some/path?x=1']));
  });

  it('reads every pact of a directory, and a pact from an http URL', async () => {
    const { base, seen } = await recordingReceiver();
    const ping = testPact({ types: ['ping'] });
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), httpPactJson(ping));
    writeFileSync(join(dir, 'b.json'), httpPactJson(testPact({ types: ['ping'], provider: 'other' })));
    writeFileSync(join(dir, 'notes.json'), '{"not":"a pact"}');
    const fromDir = await verifyHttpPact({ url: base, secrets: [SECRET], pactFiles: [dir] });
    expect([fromDir.passed, fromDir.interactions.length]).toEqual([true, 2 * ping.interactions.length]);
    const server = await closing(serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(httpPactJson(ping))));
    seen.length = 0;
    const fromUrl = await verifyHttpPact({ url: base, secrets: [SECRET], pactFiles: [server.url] });
    expect([fromUrl.passed, fromUrl.interactions.length, seen.length]).toEqual([true, ping.interactions.length, ping.interactions.length]);
  });

  it('reports an unreachable receiver as failed interactions, not as an error', async () => {
    const receiver = await serve(() => undefined);
    const base = receiver.url;
    await receiver.close();
    const small = writeTempPact(testPact({ types: ['ping'] }));
    const result = await verifyHttpPact({ url: base, secrets: [SECRET], pactFiles: [small], timeoutMs: 2000 });
    expect(result.passed).toBe(false);
    expect(result.interactions.every((i) => !i.passed && i.problems.length > 0 && /refused/i.test(i.answer ?? ''))).toBe(true);
  });
});

describe('verifyHttpPact refuses what it cannot run', () => {
  const file = writeTempPact(testPact({ types: ['ping'] }));
  const base = { url: 'http://127.0.0.1:9', secrets: [SECRET], pactFiles: [file] };
  const notAPact = join(tempDir(), 'not-a-pact.json');
  writeFileSync(notAPact, '{"consumer":{"name":"x"}}');

  it.each([
    ['no secret', { ...base, secrets: [] }, SecretMissingError],
    ['an empty secret', { ...base, secrets: [''] }, SecretMissingError],
    ['a URL that is not one', { ...base, url: 'localhost:8080' }, TargetInvalidError],
    ['a receiver URL with credentials', { ...base, url: 'http://user:pw@127.0.0.1:9/hooks' }, TargetInvalidError],
    ['a pact URL with credentials', { ...base, pactFiles: ['http://user:pw@127.0.0.1:9/pact.json'] }, UsageError],
    ['a pact URL that does not answer', { ...base, pactFiles: ['http://127.0.0.1:9/pact.json'] }, UsageError],
    ['a directory without pacts', { ...base, pactFiles: [tempDir()] }, UsageError],
    ['a broker URL with credentials', { url: base.url, secrets: base.secrets, broker: { url: 'http://u:p@127.0.0.1:9', provider: 'p' } }, UsageError],
    ['WIP pacts without pending', { url: base.url, secrets: base.secrets, broker: { url: 'http://127.0.0.1:9', provider: 'p', includeWipPactsSince: '2026-01-01' } }, UsageError],
    ['no pacts', { ...base, pactFiles: [] }, UsageError],
    ['files and a broker', { ...base, broker: { url: 'http://127.0.0.1:9', provider: 'p' } }, UsageError],
    ['a broker without a provider', { url: base.url, secrets: base.secrets, broker: { url: 'http://127.0.0.1:9', provider: ' ' } }, UsageError],
    ['a missing pact file', { ...base, pactFiles: ['no/such/pact.json'] }, InputUnreadableError],
    ['a JSON file that is no pact', { ...base, pactFiles: [notAPact] }, UsageError],
    ['results to publish without a broker', { ...base, publish: { providerVersion: '1.0.0' } }, UsageError],
  ])('%s', async (_name, options, errorClass) => {
    const error: unknown = await verifyHttpPact(options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(HookproofError);
  });
});
