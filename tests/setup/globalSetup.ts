import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Runs once before the suite. The HTML report is tested in a real headless browser, Debian's
 * chromium. A fresh CI machine does not have it, and `npm test` is all CI runs: so in CI, as root
 * with apt, a missing chromium is installed here (about 90 s, once per machine). Elsewhere nothing
 * is installed; the browser tests then skip locally with a message, and fail under CI=true.
 */
export default function globalSetup(): void {
  const wanted = process.env.CI === 'true' && process.env.HOOKPROOF_CHROMIUM === undefined;
  if (!wanted || existsSync('/usr/bin/chromium') || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return;
  process.stderr.write('hookproof tests: installing Debian chromium for the HTML report test (CI only)…\n');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    // The browser tests then fail under CI=true and say why; the rest of the suite still runs.
    process.stderr.write(`hookproof tests: could not install chromium: ${(error as Error).message.split('\n')[0]}\n`);
  }
}
