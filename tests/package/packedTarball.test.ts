import { execFile, spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { startReferenceReceiver } from '../../src/receiver';
import { startLoopbackProxy } from '../support/loopbackProxy';
import { signatureIgnoringReceiver } from '../checks/support/receivers';
import { pactCliBinary } from '../../src/pact/broker/pactCliBinary';
import { startFakeBroker } from '../pact/support/fakeBroker';
import { serve } from '../support/servers';
import ts from 'typescript';

// hookproof as a partner gets it: `npm pack` of a copy of the tree (its `prepare` builds dist/ in
// the copy), the tarball installed into an empty project outside the repository, then used through
// its bin, `require`, `import`, a strict TypeScript project and a jest suite. Nothing of hookproof here comes from the
// repository's src/ (only the stand-in broker and receivers are the tests' own, and the stock verifier's binary is found there).
const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'consumer');
const REPO_MODULES = join(ROOT, 'node_modules');
const SECRET = 'consumer-secret-0123456789';

let scratch: string | undefined;
let project: string;
let tarball: string;
let tree: string;

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, HOOKPROOF_DEBUG: '', ...env }, maxBuffer: 64 * 1024 * 1024 });
}

function succeeded(result: SpawnSyncReturns<string>): string {
  if (result.status !== 0) throw new Error(`exit ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

interface ActionStep {
  readonly name?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
  readonly 'working-directory'?: string;
}

const bin = (): string => join(project, 'node_modules', '.bin', 'hookproof');

/**
 * A copy of the repository's tree (without node_modules, dist and .git; node_modules linked back),
 * so that `npm pack`'s `prepare` rebuilds dist/ in the copy, never under tests that run the bin.
 */
function copyOfTree(into: string): string {
  const copy = join(into, 'tree');
  const skipped = new Set(['node_modules', 'dist', '.git', 'hookproof-report', 'coverage']);
  cpSync(ROOT, copy, { recursive: true, filter: (source) => source === ROOT || !skipped.has(relative(ROOT, source).split(sep)[0] ?? '') });
  symlinkSync(REPO_MODULES, join(copy, 'node_modules'), 'dir');
  return copy;
}

/** The first ```ts block after the README line `heading`: the snippet a partner copies. */
function readmeSnippet(heading: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`README has no heading ${heading}`);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  if (block?.[1] === undefined) throw new Error(`README has no ts snippet after ${heading}`);
  return block[1];
}

/** The placeholder secret hookproof's contracts are signed with (src/pact/http/httpInteraction.ts). */
const EXAMPLE_SECRET = 'hookproof-pact-example-secret';

/** `cmd args` without blocking this process (a stand-in broker in it must keep answering). */
function runAsync(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(command, [...args], { cwd, encoding: 'utf8', env: { ...process.env, HOOKPROOF_DEBUG: '', ...env }, timeout: 120_000 }, (_error, stdout, stderr) =>
      resolve({ status: child.exitCode ?? 1, stdout, stderr }),
    );
  });
}

/** The packed bin's reference receiver (`hookproof serve`) holding `secret`. */
async function packedReceiver(secret: string): Promise<{ receiver: ChildProcess; url: string }> {
  const receiver: ChildProcess = spawn(bin(), ['serve', '--port', '0', '--secret-env', 'PARTNER_SECRET'], {
    cwd: project,
    env: { ...process.env, PARTNER_SECRET: secret },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    receiver.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(seen);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    receiver.once('exit', (code) => reject(new Error(`the receiver exited with ${code}: ${seen}`)));
  });
  return { receiver, url };
}

function stopped(receiver: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (receiver.exitCode !== null || receiver.signalCode !== null) resolve();
    receiver.once('exit', () => resolve());
    receiver.kill('SIGTERM');
  }).finally(() => receiver.stdout?.destroy());
}

/**
 * The stock Rust verifier (`pact verifier`, from the repository's @pact-foundation/pact-cli: the
 * partner's own tool, not hookproof) on `pactFile` against `receiverUrl`, each interaction's result
 * from its JSON report.
 */
function stockVerify(pactFile: string, receiverUrl: string): Promise<Array<{ description: string; passed: boolean }>> {
  const { hostname, port } = new URL(receiverUrl);
  const report = join(mkdtempSync(join(tmpdir(), 'hookproof-package-verify-')), 'verification.json');
  const args = ['verifier', '-f', pactFile, '-h', hostname, '-p', port, '--no-colour', '-j', report, '--request-timeout', '5000'];
  return new Promise((resolve, reject) => {
    execFile(pactCliBinary(), args, { env: { ...process.env, PACT_DO_NOT_TRACK: 'true' }, timeout: 170_000 }, (error) => {
      try {
        const parsed = JSON.parse(readFileSync(report, 'utf8')) as { interactionResults?: Array<{ description: string; result: string }> };
        resolve((parsed.interactionResults ?? []).map((r) => ({ description: r.description, passed: r.result === 'OK' })));
      } catch {
        reject(error ?? new Error('the verifier wrote no report'));
      }
    });
  });
}

/** The consumer files every test below runs, type-checked strictly and emitted by one tsc program (once). */
const CONSUMER_FILES = ['consumer.ts', 'entries.mts', 'entries.cts', 'generators.mts', 'generators.cts', 'readme-engine.mts', 'readme-adapter.mts', 'readme-typed.test.mts'];
let compiled = false;
function compileConsumers(): void {
  if (compiled) return;
  for (const file of ['consumer.ts', 'entries.mts', 'entries.cts', 'generators.mts', 'generators.cts']) cpSync(join(FIXTURE, file), join(project, file));
  // Verbatim from the README: the engine's example, the jest adapter's and the typed generators'
  // (a jest test file, run by a test below).
  writeFileSync(join(project, 'readme-engine.mts'), readmeSnippet('## The engine (library API)'));
  writeFileSync(join(project, 'readme-adapter.mts'), readmeSnippet('## In your own jest suite: `hookproof/jest`'));
  writeFileSync(join(project, 'readme-typed.test.mts'), readmeSnippet('### Typed events and generators'));
  const base = JSON.parse(readFileSync(join(FIXTURE, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
  // One tsc program for all (the extension decides each file's module format): type-checked and emitted.
  const config = { compilerOptions: { ...base.compilerOptions, typeRoots: [join(REPO_MODULES, '@types')], noEmit: false, outDir: 'ts-out' }, files: CONSUMER_FILES };
  writeFileSync(join(project, 'tsconfig.consumers.json'), JSON.stringify(config));
  const tsc = run(process.execPath, [join(REPO_MODULES, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.consumers.json'], project);
  expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
  expect(tsc.status).toBe(0);
  compiled = true;
}

/** The names (values and types) each entry point exports, as the consumer's TypeScript resolves them (module nodenext, as ESM). */
function entryNames(): Record<string, string[]> {
  const entries = ['hookproof', 'hookproof/jest', 'hookproof/pact', 'hookproof/attest', 'hookproof/capacity'];
  const file = join(project, 'names.mts');
  writeFileSync(file, entries.map((entry, i) => `export * as e${i} from '${entry}';\n`).join(''));
  // Only binding is needed (no lib, no type check): the exports of each resolved module.
  const program = ts.createProgram([file], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noLib: true, types: [], skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const names: Record<string, string[]> = {};
  source?.statements.forEach((statement, i) => {
    const specifier = ts.isExportDeclaration(statement) ? statement.moduleSpecifier : undefined;
    const symbol = specifier === undefined ? undefined : checker.getSymbolAtLocation(specifier);
    names[entries[i] ?? ''] =
      symbol === undefined
        ? []
        : checker
            .getExportsOfModule(symbol)
            .map((s) => s.name)
            .filter((name) => name !== '__esModule')
            .sort();
  });
  return names;
}

const distStamp = (): number | undefined => (existsSync(join(ROOT, 'dist', 'index.js')) ? statSync(join(ROOT, 'dist', 'index.js')).mtimeMs : undefined);
const distBefore = distStamp();

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'hookproof-package-'));
  tree = copyOfTree(scratch);
  const packed0 = mkdtempSync(join(scratch, 'packed-'));
  succeeded(run('npm', ['pack', '--pack-destination', packed0, '--silent'], tree));
  const packed = readdirSync(packed0).filter((name) => name.endsWith('.tgz'));
  expect(packed).toHaveLength(1);
  tarball = join(packed0, packed[0] as string);

  project = join(scratch, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'partner-receiver', version: '1.0.0', private: true, type: 'module' }));
  // Dependencies come from the npm cache when they are there (the registry otherwise): only the
  // tarball is hookproof, and nothing of the repository's node_modules is visible from here.
  // The partner's own fast-check beside hookproof (npm shares one copy), for their own fc.assert.
  const fastCheck = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['fast-check'] ?? '';
  succeeded(run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, `fast-check@${fastCheck}`], project));
}, 600_000);

afterAll(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

describe('the packed package, installed into an empty project', () => {
  it('ships the compiled build, the spec and the contracts, and nothing of the repository besides', () => {
    const listing = succeeded(run('tar', ['tzf', tarball], dirname(tarball)))
      .split('\n')
      .filter((line) => line !== '');
    const tops = new Set(listing.map((path) => path.split('/')[1]));
    expect([...tops].sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'bin', 'contracts', 'dist', 'examples', 'package.json', 'spec']);
    expect(listing.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
    expect(listing).toEqual(
      expect.arrayContaining([
        'package/dist/index.js',
        'package/dist/index.d.ts',
        'package/dist/jest/index.js',
        'package/dist/jest/index.d.ts',
        'package/dist/index.mjs',
        'package/dist/index.d.mts',
        'package/dist/jest/index.mjs',
        'package/dist/jest/index.d.mts',
        ...['pact', 'attest', 'capacity'].flatMap((entry) => ['js', 'd.ts', 'mjs', 'd.mts'].map((extension) => `package/dist/${entry}/index.${extension}`)),
        'package/dist/spec/parsed-spec-cache.json',
        'package/spec/webhook-events.yaml',
      ]),
    );

    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'hookproof', 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    expect(manifest.private).toBeUndefined();
    expect(Object.keys(manifest.dependencies ?? {})).not.toEqual(expect.arrayContaining(['tsx']));
    expect(Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith('@pact-foundation/'))).toEqual([]);
    // Optional peers: not installed for someone who only certifies.
    expect(existsSync(join(project, 'node_modules', '@pact-foundation'))).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'tsx'))).toBe(false);
  });

  it('serves every entry point (hookproof, /jest, /pact, /attest, /capacity) to CommonJS and ES-module TypeScript, loading nothing heavy on import', () => {
    compileConsumers();
    const ran = ['entries.mjs', 'entries.cjs'].map((file) => JSON.parse(succeeded(run(process.execPath, [join('ts-out', file)], project))) as Record<string, unknown>);
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const expected = {
      // Imported, not yet called: none of ajv, fast-check, undici or yaml is loaded.
      lazy: true,
      core: [version, true, true],
      jest: ['function', ['toBeValidGridxEvent', 'toHaveValidSignature'], true],
      // Errors thrown through any entry are the one HookproofError class.
      pact: ['acme-receiver', true, 'INPUT_UNREADABLE', true],
      attest: ['{"a":[true,null],"b":1}', true, 'INPUT_UNREADABLE', 'KEY_INVALID'],
      capacity: ['REPORT_UNREADABLE'],
    };
    expect(ran).toEqual([
      { module: 'esm', ...expected },
      { module: 'cjs', ...expected },
    ]);
  });

  it('keeps the core entry at most 60 names (types included), each name in one entry only', () => {
    const names = entryNames();
    expect(names.hookproof?.length).toBeLessThanOrEqual(60);
    expect(names.hookproof).toEqual(expect.arrayContaining(['createEngine', 'runCertification', 'writeReports', 'renderReportHtml', 'HookproofError', 'HookproofErrorCode']));
    for (const [entry, exported] of Object.entries(names)) expect({ entry, empty: exported.length === 0 }).toEqual({ entry, empty: false });
    const owners = new Map<string, string[]>();
    for (const [entry, exported] of Object.entries(names)) for (const name of exported) owners.set(name, [...(owners.get(name) ?? []), entry]);
    expect([...owners].filter(([, entries]) => entries.length > 1)).toEqual([]);
  });

  it('certifies the reference receiver through its bin', async () => {
    const { receiver, url } = await packedReceiver(SECRET);
    try {
      const certify = run(bin(), ['certify', '--url', url, '--allow-http', '--runs', '10', '--seed', '1', '--report-dir', 'report'], project, { HOOKPROOF_SECRET: SECRET });
      expect({ status: certify.status, stdout: certify.stdout }).toEqual({ status: 0, stdout: expect.stringContaining('PASS') });
      // Progress goes to stderr, one line per check; the secret appears nowhere.
      expect(certify.stderr).toMatch(/^PASS {2}sig-valid-single {2}SIG-1 /m);
      const report = JSON.parse(readFileSync(join(project, 'report', 'report.json'), 'utf8')) as { verdict: string; checks: unknown[] };
      expect(report.verdict).toBe('pass');
      expect(report.checks.length).toBeGreaterThan(20);
      expect(`${certify.stdout}${certify.stderr}${readFileSync(join(project, 'report', 'report.json'), 'utf8')}`).not.toContain(SECRET);
    } finally {
      await stopped(receiver);
    }
  });

  it("keeps the contract portable through a broker: generate → publish → the broker's copy → the stock Rust verifier passes a sound receiver and fails a signature-ignoring one on exactly its defects", async () => {
    const token = 'package-broker-token-3b9f';
    const broker = await startFakeBroker({ token });
    const { receiver, url } = await packedReceiver(EXAMPLE_SECRET);
    const ignoring = await serve((req, res) => {
      req.resume();
      res.writeHead(202).end();
    });
    try {
      const env = { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: token };
      const generated = await runAsync(bin(), ['pact', 'generate', '--provider', 'test-receiver', '--types', 'ping', '--out', 'contracts'], project, env);
      const published = await runAsync(bin(), ['pact', 'publish', 'contracts', '--branch', 'main', '--check-roundtrip'], project, env);
      expect([generated.status, published.status, published.stderr]).toEqual([0, 0, '']);
      const version = /^published 1 pact\(s\) as (\S+)/m.exec(published.stdout)?.[1] ?? '';
      const copy = await fetch(`${broker.url}/pacts/provider/test-receiver/consumer/gridx-webhooks/version/${encodeURIComponent(version)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(copy.status).toBe(200);
      const copyFile = join(project, 'broker-copy.json');
      writeFileSync(copyFile, await copy.text());
      // The copy is the broker's own layout (keys sorted, `_links`), not the file that was sent.
      expect(readFileSync(copyFile, 'utf8')).not.toBe(readFileSync(join(project, 'contracts', 'gridx-webhooks-test-receiver.json'), 'utf8'));

      const sound = await stockVerify(copyFile, url);
      expect(sound.length).toBeGreaterThan(5);
      expect(sound.filter((v) => !v.passed)).toEqual([]);
      const failing = (await stockVerify(copyFile, ignoring.origin)).filter((v) => !v.passed).map((v) => v.description.split(' ')[0]);
      expect(failing).toEqual(['SIG-2', 'SIG-3', 'SIG-4', 'SIG-12']);
      expect(`${generated.stdout}${generated.stderr}${published.stdout}`).not.toContain(token);
    } finally {
      await stopped(receiver);
      await ignoring.close();
      await broker.close();
    }
  });

  it.each([
    [
      'pact verify',
      [
        'pact',
        'verify',
        '--pact',
        'node_modules/hookproof/contracts/gridx-webhooks-hookproof-reference-receiver.json',
        '--url',
        'http://127.0.0.1:9/',
        '--secret-env',
        'PARTNER_SECRET',
      ],
      '@pact-foundation/pact',
    ],
    [
      'pact can-i-deploy',
      ['pact', 'can-i-deploy', '--pacticipant', 'acme', '--version', '1', '--to-environment', 'production', '--broker-url', 'http://127.0.0.1:9'],
      '@pact-foundation/pact-cli',
    ],
  ])('without the optional Pact packages, `hookproof %s` says in one line what to install (exit 2)', (_name, args, missing) => {
    const result = run(bin(), args, project, { PARTNER_SECRET: SECRET });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(`${missing}, which is not installed: npm install --save-dev ${missing}@`)]);
  });

  it('type-checks a strict TypeScript consumer (nodenext, exactOptionalPropertyTypes, verbatimModuleSyntax) of hookproof and hookproof/jest', () => {
    compileConsumers();
    const config = JSON.parse(readFileSync(join(FIXTURE, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    // The consumer's own @types (node, jest): the repository's, so that nothing else is installed.
    config.compilerOptions.typeRoots = [join(REPO_MODULES, '@types')];
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(config));

    // And the check can fail: a wrong option type is reported against hookproof's own declarations.
    writeFileSync(
      join(project, 'consumer.ts'),
      `${readFileSync(join(FIXTURE, 'consumer.ts'), 'utf8')}\nexport const wrong: import('hookproof/jest').ReceiverConformanceOptions = { url: 1, secret: 'x' };\n`,
    );
    const failing = run(process.execPath, [join(REPO_MODULES, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
    expect(failing.status).not.toBe(0);
    expect(failing.stdout).toMatch(/consumer\.ts.*error TS2322/);
  });

  it("feeds the generators to the consumer's own fc.assert from ES-module and CommonJS TypeScript, and compiles the README snippets", () => {
    compileConsumers();
    const ran = ['generators.mjs', 'generators.cjs'].map((file) => JSON.parse(succeeded(run(process.execPath, [join('ts-out', file)], project))) as unknown);
    expect(ran).toEqual([
      { module: 'esm', valid: 5, invalid: 5, oneInstance: true },
      { module: 'cjs', valid: 5, invalid: 5, oneInstance: true },
    ]);
    const engine = run(process.execPath, [join('ts-out', 'readme-engine.mjs')], project);
    expect({ status: engine.status, stderr: engine.stderr }).toEqual({ status: 0, stderr: '' });
    expect(engine.stdout.trim().split('\n')).toEqual([expect.stringMatching(/ false$/), expect.stringMatching(/ false$/), expect.stringMatching(/ false$/)]);
  });

  it("runs a jest suite that uses hookproof/jest with no transform and no transformIgnorePatterns (CommonJS, and the README's ES-module snippet)", () => {
    compileConsumers();
    cpSync(join(FIXTURE, 'conformance.test.cjs'), join(project, 'conformance.test.cjs'));
    const config = { rootDir: project, testMatch: ['**/*.test.cjs', '**/ts-out/*.test.mjs'], transform: {}, testEnvironment: 'node' };
    const jest = run(process.execPath, [join(REPO_MODULES, 'jest', 'bin', 'jest.js'), '--config', JSON.stringify(config), '--json', '--ci', '--maxWorkers=1'], project, {
      NODE_OPTIONS: '--experimental-vm-modules --no-warnings',
    });
    const result = JSON.parse(jest.stdout) as { success: boolean; numPassedTests: number; numFailedTests: number; testResults: Array<{ name: string; status: string }> };
    expect({ success: result.success, failed: result.numFailedTests }).toEqual({ success: true, failed: 0 });
    expect(result.testResults.map((r) => [r.name.slice(project.length + 1), r.status]).sort()).toEqual([
      ['conformance.test.cjs', 'passed'],
      [join('ts-out', 'readme-typed.test.mjs'), 'passed'],
    ]);
    // The sample test plus one test per selected check (SIG-1, SIG-2, SIG-4, EVT-1), plus the README's.
    expect(result.numPassedTests).toBeGreaterThanOrEqual(6);
  });

  it("plays a partner's first hour: init, the written jest files green and red, certify with --config, -H and --json through a proxy, the GitHub Action's steps", async () => {
    const secret = 'first-hour-secret-5c1d';
    const sound = await startReferenceReceiver({ secrets: [secret] });
    // A receiver that accepts every delivery, signed or not: SIG-2 must fail, in jest's words.
    const broken = await signatureIgnoringReceiver();
    const proxy = await startLoopbackProxy();
    try {
      const init = run(bin(), ['init', '--ci', 'github', '--jest'], project);
      expect({ status: init.status, stderr: init.stderr }).toEqual({ status: 0, stderr: '' });
      for (const file of ['hookproof.config.yaml', '.github/workflows/gridx-conformance.yml', 'gridx-conformance/jest.config.cjs'])
        expect(existsSync(join(project, file))).toBe(true);
      expect(run(bin(), ['init'], project).status).toBe(2);

      // The written jest files, run by the partner's jest (no transform, nothing mapped).
      const jest = (url: string): ReturnType<typeof runAsync> =>
        runAsync(process.execPath, [join(REPO_MODULES, 'jest', 'bin', 'jest.js'), '-c', 'gridx-conformance/jest.config.cjs', '--ci', '-i', 'conformance-signatures'], project, {
          GRIDX_RECEIVER_URL: url,
          GRIDX_WEBHOOK_SECRET: secret,
          GRIDX_ALLOW_HTTP: '1',
          HOOKPROOF_RUNS: '3',
          HOOKPROOF_SEED: '9',
        });
      const green = await jest(sound.url);
      expect({ status: green.status, tail: green.stderr.slice(-400) }).toEqual({ status: 0, tail: expect.stringMatching(/Tests: +\d+ passed/) });
      const red = await jest(broken.url);
      expect(red.status).toBe(1);
      expect(red.stderr).toMatch(/✕ SIG-2 /);
      // A jest failure with the receiver's answer, and a complete command to re-run the check.
      expect(red.stderr).toMatch(/ConformanceFailure: SIG-2 sig-missing-header FAIL/);
      expect(red.stderr).toMatch(/expected: 401\n\s+actual: +202/);
      expect(red.stderr).toMatch(/re-run this check with the same cases: npx --no-install hookproof certify --url /);

      // certify from the written config (pointed at the receiver), with -H, --json parsed by node, through the proxy.
      const config = join(project, 'first-hour.config.yaml');
      writeFileSync(config, `url: ${sound.url}\nallowHttp: true\nsecretEnv: PARTNER_SECRET\ncertify:\n  checks: SIG-1\n  runs: 3\n  reportDir: first-hour-report\n`);
      const piped = await runAsync(
        'sh',
        [
          '-c',
          `"${bin()}" certify --config first-hour.config.yaml -H 'X-Tenant: acme' --json | node -e 'let t = ""; process.stdin.on("data", (c) => (t += c)).on("end", () => { const r = JSON.parse(t); console.log(JSON.stringify([r.verdict, r.provenance.connection.proxy])) })'`,
        ],
        project,
        { PARTNER_SECRET: secret, HTTP_PROXY: proxy.url, NO_PROXY: '' },
      );
      expect({ stdout: piped.stdout.trim(), status: piped.status }).toEqual({ stdout: JSON.stringify(['pass', proxy.url]), status: 0 });
      expect(proxy.calls.length).toBeGreaterThan(0);
      expect(proxy.calls.every((c) => c.method === 'POST' && c.target === sound.url)).toBe(true);

      // The GitHub Action's run steps, in order, as the runner runs them (bash -eo pipefail); the
      // install step's npm is a recording stand-in: the copy was built by npm pack's prepare above.
      const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { steps: ActionStep[] } };
      const inputs: Record<string, string> = {
        ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])),
        url: sound.url,
        secret,
        checks: 'SIG-1',
        runs: '3',
        seed: '4',
        'allow-http': 'true',
        'report-dir': 'action-report',
      };
      const expand = (text: string): string =>
        text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => inputs[name] ?? '').replace(/\$\{\{\s*github\.action_path\s*\}\}/g, tree);
      const stub = mkdtempSync(join(scratch ?? tmpdir(), 'stub-'));
      writeFileSync(join(stub, 'npm'), `#!/bin/sh\necho "$PWD npm $*" >> "${join(stub, 'calls')}"\n`, { mode: 0o755 });
      const output = join(stub, 'github-output');
      writeFileSync(output, '');
      const steps = action.runs.steps;
      for (const step of steps.filter((s) => s.run !== undefined)) {
        const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)]));
        const cwd = step['working-directory'] !== undefined ? expand(step['working-directory']) : project;
        const ran = await runAsync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], cwd, {
          ...env,
          GITHUB_ACTION_PATH: tree,
          GITHUB_OUTPUT: output,
          PATH: `${stub}:${process.env.PATH ?? ''}`,
        });
        expect([step.name, ran.status, ran.stderr.includes(secret) || ran.stdout.includes(secret)]).toEqual([step.name, 0, false]);
      }
      expect(readFileSync(join(stub, 'calls'), 'utf8')).toBe(`${tree} npm ci --prefer-offline --no-audit --no-fund\n`);
      expect(readFileSync(output, 'utf8')).toBe('verdict=pass\n');
      // The uses: steps read what the certify step wrote.
      const junit = steps.find((s) => s.uses?.startsWith('mikepenz/action-junit-report@'));
      expect(existsSync(join(project, expand(junit?.with?.report_paths ?? '')))).toBe(true);
      const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      const uploaded = expand(upload?.with?.path ?? '')
        .split('\n')
        .filter((l) => l.trim() !== '');
      expect(uploaded.map((p) => p.trim().split('/').pop())).toEqual(['report.json', 'junit.xml', 'report.html']);
      for (const path of uploaded) expect(existsSync(join(project, path.trim()))).toBe(true);
    } finally {
      await Promise.all([sound.close(), broken.close(), proxy.close()]);
    }
  }, 300_000);

  it("leaves the working tree's dist/ alone (the package was built in a copy)", () => {
    expect(distStamp()).toBe(distBefore);
  });
});
