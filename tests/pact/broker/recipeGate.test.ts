import '../http/support/esmShim';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { memoryIO } from '../../../src/cli/memoryIO';
import { runCli } from '../../../src/cli/runCli';
import { DEFAULT_SPEC_PATH } from '../../../src/spec/defaultSpecPath';
import { signatureIgnoringReceiver, soundReceiver } from '../../checks/support/receivers';
import { ROOT } from '../../cli/paths';
import { closeAfterEach, type RunningReceiver } from '../../support/servers';
import { startFakeBroker, type FakeBroker } from '../support/fakeBroker';
import { cleanEnv } from './support/cli';

/*
 * The GitHub recipe's Pact job, run command by command, in order, in-process, against the stand-in
 * broker (publish, pacts for verification with pending, verification results, matrix, environments,
 * deployments: tests/pact/support/fakeBroker.ts). Its `${{ … }}` expressions and variables are
 * substituted as GitHub would for a push to main (or to a feature branch); a step stops the job at
 * the first non-zero exit, as `bash -e` does. The gate must fail on main for a receiver that breaks
 * the contract, on the first run and after a spec change, and pass a sound receiver through to the
 * recorded deployment.
 */

jest.setTimeout(180_000);

const SECRET = 'recipe-gate-secret-4e1f';
const TOKEN = 'recipe-gate-token-77aa';
const PROVIDER = 'acme-receiver';

interface Step {
  readonly name: string;
  readonly if?: string;
  readonly run?: string;
}

const steps = (): Step[] => {
  const doc = parse(readFileSync(join(ROOT, 'examples', 'ci', 'github-actions.yml'), 'utf8')) as { jobs: { pact: { steps: Step[] } } };
  return doc.jobs.pact.steps.filter((s) => s.run !== undefined && s.run.includes('hookproof'));
};

/** Shell words of one command line: single and double quotes, `$VAR` and `"$VAR"` expanded. */
function words(line: string, vars: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    const expand = (t: string): string => t.replace(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g, (_w, n: string) => vars[n] ?? '');
    const word = m[1] ?? expand(m[2] ?? m[3] ?? '');
    if (m[3] !== undefined && word === '') continue; // an unquoted empty expansion is no word
    out.push(word);
  }
  return out;
}

interface JobRun {
  /** Each hookproof command run, with its exit code. */
  readonly commands: Array<{ readonly command: string; readonly code: number; readonly out: string[]; readonly err: string[] }>;
  readonly failedAt: string | undefined;
}

async function runJob(broker: FakeBroker, receiver: RunningReceiver, branch: string, spec: string): Promise<JobRun> {
  const main = branch === 'main';
  const expressions: Record<string, string> = {
    '${{ vars.PACT_PROVIDER }}': PROVIDER,
    '${{ vars.GRIDX_RECEIVER_URL }}': receiver.url,
    '${{ github.sha }}': `sha-${broker.results.length}`,
    '${{ github.head_ref || github.ref_name }}': branch,
    "${{ github.ref_name != 'main' && '--enable-pending' || '' }}": main ? '' : '--enable-pending',
  };
  const vars: Record<string, string> = { BUILD_URL: 'https://ci.example/runs/1', GITHUB_ENV: '/dev/null' };
  const env = cleanEnv({ PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN, GRIDX_WEBHOOK_SECRET: SECRET });
  const commands: JobRun['commands'] = [];
  const contracts = mkdtempSync(join(tmpdir(), 'hookproof-recipe-contracts-'));
  for (const step of steps()) {
    if (step.if !== undefined) {
      expect(step.if).toBe("github.ref == 'refs/heads/main'");
      if (!main) continue;
    }
    let text = step.run ?? '';
    for (const [expression, value] of Object.entries(expressions)) text = text.split(expression).join(value);
    expect(text).not.toContain('${{');
    // Folded (>-) steps are one command; literal (|) ones one per line.
    const lines = step.run?.includes('\n') === true && !/^npx[^\n]*\n--/m.test(text) ? text.split('\n').filter((l) => l.trim() !== '') : [text.replace(/\n/g, ' ')];
    for (const line of lines) {
      const captured = /^echo "CONTRACT_VERSION=\$\(sed -n '(.*)' publish\.log\)"/.exec(line.trim());
      if (captured !== null) {
        // The recipe's own sed expression, applied to what publish printed.
        const [, expression = ''] = captured;
        const [, pattern = ''] = /^s\/(.*)\/\\1\/p$/.exec(expression) ?? [];
        const regex = new RegExp(pattern.replace(/\\\(/g, '(').replace(/\\\)/g, ')'));
        const published = [...commands].reverse().find((c) => c.command.startsWith('pact publish'));
        vars.CONTRACT_VERSION = published?.out.map((l) => regex.exec(l)?.[1]).find((v) => v !== undefined) ?? '';
        continue;
      }
      const argv = words(line.replace(/\|\s*tee publish\.log\s*$/, ''), vars);
      expect(argv.slice(0, 3)).toEqual(['npx', '--no-install', 'hookproof']);
      // The job's working directory is the CI checkout: here, a fresh directory per run.
      const args = argv.slice(3).map((a) => (a === 'contracts' ? contracts : a));
      // After a spec change: the same command over another spec.
      if (args[1] === 'generate') args.push('--spec', spec);
      const io = { ...memoryIO(), env };
      const code = await runCli(args, io);
      commands.push({ command: args.slice(0, 2).join(' '), code, out: io.stdout, err: io.stderr });
      if (code !== 0) return { commands, failedAt: args.slice(0, 2).join(' ') };
    }
  }
  return { commands, failedAt: undefined };
}

describe('examples/ci/github-actions.yml, the Pact job, against a stand-in broker', () => {
  const closing = closeAfterEach();

  it('fails on main for a receiver that breaks the contract, on the first run and after a spec change; passes a sound one through to the deployment', async () => {
    const broker = await closing(startFakeBroker({ token: TOKEN }));
    const breaking = await closing(signatureIgnoringReceiver());
    const spec = DEFAULT_SPEC_PATH;

    // First run: nothing verified yet. Main is never pending, so the broken contract fails the job.
    const first = await runJob(broker, breaking, 'main', spec);
    expect(first.failedAt).toBe('pact verify');
    expect(first.commands.map((c) => `${c.command} ${c.code}`)).toEqual(['pact ensure-environment 0', 'pact generate 0', 'pact publish 0', 'pact verify 1']);
    expect(broker.results.map((r) => r.success)).toEqual([false]);
    expect(broker.deployments).toEqual([]);

    // A sound receiver: verified, both versions about to be recorded pass can-i-deploy, recorded.
    const sound = await runJob(broker, await closing(soundReceiver([SECRET])), 'main', spec);
    expect([sound.failedAt, sound.commands.map((c) => c.err)]).toEqual([undefined, sound.commands.map(() => [])]);
    const contractVersion = broker.publications.at(-1)?.pacticipantVersionNumber;
    expect(broker.deployments.map((d) => `${d.pacticipant} ${d.version}`)).toEqual([`${PROVIDER} sha-1`, `gridx-webhooks ${contractVersion ?? ''}`]);

    // A spec change: a new contract version; the breaking receiver fails the job again, on main.
    const changed = join(mkdtempSync(join(tmpdir(), 'hookproof-recipe-spec-')), 'webhook-events.yaml');
    copyFileSync(spec, changed);
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\n# a new revision of the spec\n`);
    const after = await runJob(broker, breaking, 'main', changed);
    expect(after.failedAt).toBe('pact verify');
    expect(broker.publications.at(-1)?.pacticipantVersionNumber).not.toBe(contractVersion);
    expect(broker.deployments).toHaveLength(2);

    // Off main, a pact this receiver has not verified is pending: reported, not failing, no gate run.
    const feature = await runJob(broker, breaking, 'feat-x', changed);
    expect(feature.failedAt).toBeUndefined();
    expect(feature.commands.find((c) => c.command === 'pact verify')?.out.some((l) => l.startsWith('PENDING '))).toBe(true);
    expect(feature.commands.map((c) => c.command)).not.toContain('pact can-i-deploy');
    const all = [first, sound, after, feature].flatMap((r) => r.commands.flatMap((c) => [...c.out, ...c.err])).join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(SECRET);
  });
});
