import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { githubIfHolds } from './support/githubIf';

// Which jobs of the shipped GitHub recipe run for which event, read from the recipe's own `if:`s:
// a pull request from a fork (no secrets, read-only token) gets the visible notice and nothing that
// needs a secret; every other event runs certify and the Pact gate, never the notice.
const RECIPE = join(__dirname, '..', '..', '..', 'examples', 'ci', 'github-actions.yml');
const jobs = (parse(readFileSync(RECIPE, 'utf8')) as { jobs: Record<string, { if?: string; steps?: Array<{ run?: string }> }> }).jobs;

function jobsFor(github: unknown): string[] {
  return Object.entries(jobs)
    .filter(([, job]) => job.if === undefined || githubIfHolds(job.if, github))
    .map(([name]) => name)
    .sort();
}

const REPO = 'acme/receiver';
const pullRequest = (from: string): unknown => ({ event_name: 'pull_request', repository: REPO, event: { pull_request: { head: { repo: { full_name: from } } } } });

describe('the GitHub recipe: jobs by event', () => {
  const secretJobs = Object.keys(jobs)
    .filter((name) => name !== 'fork-notice')
    .sort();

  it('a pull request from a fork runs only the notice, which says why in the job log', () => {
    expect(jobsFor(pullRequest('someone/receiver-fork'))).toEqual(['fork-notice']);
    expect(jobs['fork-notice']?.steps?.map((s) => s.run ?? '').join('\n')).toMatch(/::notice title=gridX conformance skipped::pull requests from forks get no secrets/);
  });

  it.each([
    ['a pull request from a branch of the repository', pullRequest(REPO)],
    ['a push to main', { event_name: 'push', repository: REPO, ref: 'refs/heads/main', event: {} }],
    ['the weekly schedule', { event_name: 'schedule', repository: REPO, ref: 'refs/heads/main', event: {} }],
  ])('%s runs certify and the Pact gate, not the notice', (_name, github) => {
    expect(secretJobs.length).toBeGreaterThanOrEqual(2);
    expect(jobsFor(github)).toEqual(secretJobs);
  });

  it('the evaluator reads the operators the recipe uses as GitHub does', () => {
    const github = { event_name: 'pull_request', repository: 'A/b', ref: 'refs/heads/x' };
    expect(githubIfHolds("github.event_name == 'PULL_REQUEST'", github)).toBe(true);
    expect(githubIfHolds("github.event_name != 'push' && github.ref == 'refs/heads/main'", github)).toBe(false);
    expect(githubIfHolds("github.ref == 'refs/heads/main' || github.repository == 'a/B'", github)).toBe(true);
    expect(githubIfHolds('${{ !(github.missing.path) }}', github)).toBe(true);
    expect(() => githubIfHolds("contains(github.ref, 'x')", github)).toThrow(/unsupported/);
  });
});
