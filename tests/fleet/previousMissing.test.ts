import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { FleetIndex } from '../../src/fleet/fleetIndex';
import { defectiveReceiver } from '../checks/support/receivers';
import { closeAfterAll } from '../support/servers';
import { cli, tmp } from '../recheck/support';

// A pipeline's first run, exactly as the README shows `fleet … --previous last-fleet/`: there is no
// previous index yet. That is a warning and a run, not an error.
describe('fleet --previous on a first run', () => {
  const dir = tmp('hookproof-fleet-previous-');
  const closing = closeAfterAll();
  const secret = 'fleet-previous-secret-0123';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (previous: string): Promise<{ code: number; out: string; err: string; index: FleetIndex }> => {
    const receiver = await closing(defectiveReceiver(() => false, [secret]));
    const targets = join(dir, 'targets.yaml');
    writeFileSync(targets, stringify({ targets: [{ name: 'partner', url: receiver.url, secretEnv: 'S', allowHttp: true, types: ['ping'] }] }));
    const out = join(dir, `fleet-${previous.length}`);
    const result = await cli(['fleet', targets, '--checks', 'SIG-1', '--runs', '2', '--seed', '1', '--report-dir', `${out}/`, '--previous', previous], { S: secret });
    return { ...result, index: JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as FleetIndex };
  };

  it.each([
    ['a missing directory', 'no such directory', (): string => join(dir, 'last-fleet')],
    [
      'an empty directory',
      'no index.json there',
      (): string => {
        mkdirSync(join(dir, 'empty-previous'));
        return join(dir, 'empty-previous');
      },
    ],
  ])('warns about %s and runs, every target new', async (_name, reason, make) => {
    const previous = make();
    const result = await run(previous);
    expect(result.code).toBe(0);
    expect(result.err).toBe(`hookproof: warning: --previous ${previous}: ${reason} (a first run?); every target is reported as new`);
    expect(result.index.targets.map((t) => [t.name, t.verdict, t.change])).toEqual([['partner', 'pass', 'new']]);
    // The index path prints with one separator, although --report-dir ended in '/'.
    expect(result.out).toMatch(/; index: \S*fleet-\d+\/index\.html$/);
    expect(result.out).not.toContain('//index.html');
  });

  it('still refuses an index.json that is there but unreadable (a wrong directory, not a first run)', async () => {
    const wrong = join(dir, 'wrong');
    mkdirSync(wrong);
    writeFileSync(join(wrong, 'index.json'), 'not json');
    const receiver = await closing(defectiveReceiver(() => false, [secret]));
    const targets = join(dir, 'targets-wrong.yaml');
    writeFileSync(targets, stringify({ targets: [{ name: 'partner', url: receiver.url, secretEnv: 'S', allowHttp: true }] }));
    const result = await cli(['fleet', targets, '--report-dir', join(dir, 'never'), '--previous', wrong], { S: secret });
    expect({ code: result.code, err: result.err }).toEqual({ code: 2, err: `hookproof: --previous ${wrong}: no readable fleet index.json there` });
  });
});
