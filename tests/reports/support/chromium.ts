import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Debian's `chromium` package (`apt-get install -y chromium`) first, then other common names. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The browser binary: $HOOKPROOF_CHROMIUM when set (and only it: a configured path that does not
 * exist means "no browser", never a silent fallback), else the first candidate that exists.
 */
export function findChromium(): string | undefined {
  const configured = process.env.HOOKPROOF_CHROMIUM;
  if (configured !== undefined && configured !== '') return existsSync(configured) ? configured : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Flags for a quiet, isolated, offline-minded run: no sandbox (CI runs as root), no GPU, and none
 * of Chromium's own background traffic (updates, sync, QUIC probes), so that a request seen in the
 * net log can only come from the page.
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--hide-scrollbars',
];

export interface ChromiumRun {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs chromium on `file` with a fresh profile and extra flags; resolves with its output. */
export async function runChromium(binary: string, file: string, extra: readonly string[]): Promise<ChromiumRun> {
  const profile = await mkdtemp(join(tmpdir(), 'hookproof-chromium-'));
  try {
    return await new Promise<ChromiumRun>((resolve, reject) => {
      execFile(binary, [...FLAGS, `--user-data-dir=${profile}`, ...extra, pathToFileURL(file).href], { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
        error === null ? resolve({ stdout, stderr }) : reject(new Error(`${error.message}\n${stderr}`)),
      );
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** The DOM after rendering (`--dump-dom`). */
export async function dumpDom(binary: string, file: string, extra: readonly string[] = []): Promise<string> {
  return (await runChromium(binary, file, ['--dump-dom', ...extra])).stdout;
}

/** A PNG screenshot of the page at the given window size. */
export async function screenshot(binary: string, file: string, png: string, size = '1280,4000'): Promise<void> {
  await runChromium(binary, file, [`--screenshot=${png}`, `--window-size=${size}`]);
}
