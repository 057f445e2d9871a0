import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../src/errors';
import { readTargetsFile } from '../../src/fleet/readTargetsFile';
import { targetDirectories } from '../../src/fleet/targetDirectories';
import type { FleetTarget } from '../../src/fleet/fleetTarget';
import { tmp } from '../recheck/support';

const target = (name: string): FleetTarget => ({ name, url: 'https://r.example/hooks', secretEnv: ['S'] });

describe('fleet target directories', () => {
  it('gives each target a safe directory of its own', () => {
    expect([...targetDirectories(['acme', 'Acme EU', '../../etc', '...'].map(target)).values()]).toEqual(['acme', 'Acme-EU', 'etc', 'target']);
  });

  it("refuses, up front and in one line, a name that would take the fleet's own index files", () => {
    for (const name of ['index.json', 'INDEX.HTML', '/index.json']) {
      expect(() => targetDirectories([target('ok'), target(name)])).toThrow(UsageError);
      expect(() => targetDirectories([target(name)])).toThrow(/the fleet's own index file: rename the target/);
    }
  });

  it('refuses two names that would share a directory, also when they differ only in case', () => {
    expect(() => targetDirectories([target('acme/eu'), target('acme eu')])).toThrow('fleet targets "acme/eu" and "acme eu" would write into the same report directory acme-eu');
    expect(() => targetDirectories([target('Acme'), target('acme')])).toThrow(UsageError);
  });

  it('is checked when the targets file is read, before any target runs', () => {
    const path = join(tmp('hookproof-targets-'), 'targets.json');
    writeFileSync(path, JSON.stringify({ targets: [{ name: 'index.json', url: 'https://r.example/hooks', secretEnv: 'S' }] }));
    expect(() => readTargetsFile(path)).toThrow(/index file/);
  });
});
