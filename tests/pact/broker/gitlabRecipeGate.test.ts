import '../http/support/esmShim';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_SPEC_PATH } from '../../../src/spec/defaultSpecPath';
import { signatureIgnoringReceiver, soundReceiver } from '../../checks/support/receivers';
import { ROOT } from '../../cli/paths';
import { closeAfterEach, type RunningReceiver } from '../../support/servers';
import { startFakeBroker, type FakeBroker } from '../support/fakeBroker';
import { cleanEnv } from './support/cli';
import { ruleHolds } from './support/gitlabRules';
import { runScript, type ScriptRun } from './support/shellBridge';

/*
 * examples/ci/gitlab-ci.yml as GitLab runs it: each job's `rules:` decide whether it is in the
 * pipeline (tests/pact/broker/support/gitlabRules.ts), and the `pact` job's `script:` runs, line by
 * line as written, in real bash with errexit (GitLab stops a job at the first failing line), against
 * the stand-in broker of the GitHub recipe's test (tests/pact/support/fakeBroker.ts). Only
 * `npx --no-install hookproof` is answered in-process (tests/pact/broker/support/shellBridge.ts);
 * `before_script` (npm ci) is not run. The certify job's rules are checked, its run is not (certify
 * has its own tests), except to show what the skip spares: exit 2 for want of the secret.
 */

jest.setTimeout(180_000);

const SECRET = 'gitlab-gate-secret-91c2';
const TOKEN = 'gitlab-gate-token-5d0e';
const PROVIDER = 'acme-receiver';

interface Job {
  readonly stage?: string;
  readonly rules?: ReadonlyArray<{ readonly if?: string }>;
  readonly script?: readonly string[];
}

const recipe = (): Record<string, Job> => parse(readFileSync(join(ROOT, 'examples', 'ci', 'gitlab-ci.yml'), 'utf8')) as Record<string, Job>;

/** The jobs a pipeline with these variables holds: those with a stage whose first rule holds. */
function pipelineJobs(vars: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(recipe())
    .filter(([, job]) => typeof job === 'object' && job.stage !== undefined)
    .filter(([, job]) => job.rules === undefined || job.rules.some((rule) => rule.if !== undefined && ruleHolds(rule.if, vars)))
    .map(([name]) => name);
}

const scriptOf = (name: string): readonly string[] => {
  const script = recipe()[name]?.script;
  if (script === undefined) throw new Error(`the recipe has no ${name} job with a script`);
  return script;
};

/** A push pipeline on a protected branch: every variable set, the protected ones included. */
function pushVariables(broker: FakeBroker, receiver: RunningReceiver, branch: string): Record<string, string> {
  return {
    CI_PIPELINE_SOURCE: 'push',
    CI_COMMIT_BRANCH: branch,
    CI_COMMIT_REF_NAME: branch,
    CI_DEFAULT_BRANCH: 'main',
    CI_COMMIT_SHA: `sha-${broker.results.length}`,
    CI_PIPELINE_ID: '4711',
    CI_JOB_URL: 'https://gitlab.example/acme/receiver/-/jobs/1',
    GRIDX_RECEIVER_URL: receiver.url,
    PACT_BROKER_BASE_URL: broker.url,
    PACT_PROVIDER: PROVIDER,
    GRIDX_WEBHOOK_SECRET: SECRET,
    PACT_BROKER_TOKEN: TOKEN,
  };
}

/** The `pact` job of a push pipeline on `branch`, `spec` standing in for a new revision of the spec. */
async function pactJob(broker: FakeBroker, receiver: RunningReceiver, branch: string, spec: string): Promise<ScriptRun> {
  const vars = pushVariables(broker, receiver, branch);
  expect(pipelineJobs(vars)).toEqual(['certify', 'pact']);
  return runScript(scriptOf('pact'), {
    cwd: mkdtempSync(join(tmpdir(), 'hookproof-gitlab-job-')),
    vars,
    cliEnv: cleanEnv({ PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN, GRIDX_WEBHOOK_SECRET: SECRET }),
    // After a spec change: the same command over another spec. One event type keeps the CPU small
    // (the signature interactions, which this gate turns on, are all there).
    rewrite: (args) => (args[1] === 'generate' ? [...args, '--spec', spec, '--types', 'ping'] : args),
  });
}

const ran = (run: ScriptRun): string[] => run.commands.map((c) => `${c.command} ${c.code}`);
const everything = (run: ScriptRun): string => [run.stdout, run.stderr, ...run.commands.flatMap((c) => [...c.out, ...c.err])].join('\n');

describe('examples/ci/gitlab-ci.yml against a stand-in broker', () => {
  const closing = closeAfterEach();

  it('fails on the default branch for a receiver that breaks the contract, on the first run and after a spec change; passes a sound one through to the deployment', async () => {
    const broker = await closing(startFakeBroker({ token: TOKEN }));
    const breaking = await closing(signatureIgnoringReceiver());

    // First run: nothing verified yet. The default branch is never pending: the job fails at verify.
    const first = await pactJob(broker, breaking, 'main', DEFAULT_SPEC_PATH);
    expect([first.code, ran(first)]).toEqual([1, ['pact ensure-environment 0', 'pact generate 0', 'pact publish 0', 'pact verify 1']]);
    expect(broker.results.map((r) => r.success)).toEqual([false]);
    expect(broker.deployments).toEqual([]);

    // A sound receiver: verified, both versions about to be recorded pass can-i-deploy, recorded.
    const sound = await pactJob(broker, await closing(soundReceiver([SECRET])), 'main', DEFAULT_SPEC_PATH);
    expect([sound.code, sound.commands.flatMap((c) => c.err)]).toEqual([0, []]);
    expect(ran(sound)).toEqual([
      'pact ensure-environment 0',
      'pact generate 0',
      'pact publish 0',
      'pact verify 0',
      'pact can-i-deploy 0',
      'pact can-i-deploy 0',
      'pact record-deployment 0',
      'pact record-deployment 0',
    ]);
    const contractVersion = broker.publications.at(-1)?.pacticipantVersionNumber ?? '';
    // The recipe's own sed captured the version publish printed, and the gate checked it.
    expect(sound.commands.filter((c) => c.command === 'pact can-i-deploy').map((c) => c.args[c.args.indexOf('--version') + 1])).toEqual(['sha-1', contractVersion]);
    expect(broker.deployments.map((d) => `${d.pacticipant} ${d.version}`)).toEqual([`${PROVIDER} sha-1`, `gridx-webhooks ${contractVersion}`]);

    // A spec change: a new contract version; the breaking receiver fails the job again.
    const changed = join(mkdtempSync(join(tmpdir(), 'hookproof-gitlab-spec-')), 'webhook-events.yaml');
    copyFileSync(DEFAULT_SPEC_PATH, changed);
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\n# a new revision of the spec\n`);
    const after = await pactJob(broker, breaking, 'main', changed);
    expect([after.code, ran(after).at(-1)]).toEqual([1, 'pact verify 1']);
    expect(broker.publications.at(-1)?.pacticipantVersionNumber).not.toBe(contractVersion);
    expect(broker.deployments).toHaveLength(2);

    // Another protected branch: a pact this receiver has not verified is pending, and the job ends
    // before the gate.
    const feature = await pactJob(broker, breaking, 'feat-x', changed);
    expect([feature.code, ran(feature)]).toEqual([0, ['pact ensure-environment 0', 'pact generate 0', 'pact publish 0', 'pact verify 0']]);
    expect(feature.commands.at(-1)?.out.some((l) => l.startsWith('PENDING '))).toBe(true);

    const all = [first, sound, after, feature].map(everything).join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(SECRET);
  });

  it.each([
    ['an unprotected branch (protected variables undefined)', { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'fix-typo', CI_COMMIT_REF_NAME: 'fix-typo' }],
    ['a merge request pipeline (protected variables undefined)', { CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: '12', CI_COMMIT_REF_NAME: 'fix-typo' }],
    ['a pipeline where the variables are defined but empty', { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'fix-typo', GRIDX_WEBHOOK_SECRET: '', PACT_BROKER_TOKEN: '' }],
  ])('on %s, skips the secret-holding jobs and says so, where certify would exit 2', async (_name, pipeline: Record<string, string>) => {
    const vars: Record<string, string> = {
      CI_DEFAULT_BRANCH: 'main',
      CI_COMMIT_SHA: 'sha-mr',
      CI_PIPELINE_ID: '4712',
      GRIDX_RECEIVER_URL: 'https://staging.acme.example/hooks/gridx',
      PACT_BROKER_BASE_URL: 'https://broker.acme.example',
      PACT_PROVIDER: PROVIDER,
      ...pipeline,
    };
    expect(pipelineJobs(vars)).toEqual(['secrets-missing']);
    const cwd = mkdtempSync(join(tmpdir(), 'hookproof-gitlab-job-'));
    const notice = await runScript(scriptOf('secrets-missing'), { cwd, vars, cliEnv: cleanEnv() });
    expect([notice.code, notice.stdout.trim(), notice.commands]).toEqual([0, expect.stringMatching(/^NOTICE gridX conformance skipped - GRIDX_WEBHOOK_SECRET is protected/), []]);

    // What the rules spare: the certify job itself, run here without its secret, cannot run at all.
    const certify = await runScript(scriptOf('certify'), { cwd, vars, cliEnv: cleanEnv(vars.GRIDX_WEBHOOK_SECRET === undefined ? {} : { GRIDX_WEBHOOK_SECRET: '' }) });
    expect([certify.code, ran(certify), certify.stderr.trim().split('\n')]).toEqual([2, ['certify 2'], [expect.stringContaining('GRIDX_WEBHOOK_SECRET')]]);
  });
});
