import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round } from './measure';

const BIN = join(__dirname, '..', 'bin', 'hookproof.js');

/** Peak RSS in MB of `hookproof certify` (the compiled CLI, its own process) with these extra arguments. */
async function certifyPeakMb(url: string, secret: string, extra: readonly string[]): Promise<{ peakMb: number; wallS: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'hookproof-bench-memory-'));
  try {
    const peakFile = join(dir, 'peak-rss');
    const args = ['-r', join(__dirname, 'peakRss.js'), BIN, 'certify', '--url', url, '--allow-http', '--seed', '1', '--report-dir', join(dir, 'report'), ...extra];
    const started = Date.now();
    let stderr = '';
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, args, { env: { ...process.env, HOOKPROOF_SECRET: secret, HOOKPROOF_PEAK_RSS_FILE: peakFile }, stdio: ['ignore', 'ignore', 'pipe'] });
      // Only the end of the progress lines is kept, to explain a failed run.
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = `${stderr}${chunk.toString('utf8')}`.slice(-2000);
      });
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (exitCode !== 0) throw new Error(`certify ${extra.join(' ')} of the reference receiver exited with ${exitCode}: ${stderr.trim()}`);
    return { peakMb: Number(readFileSync(peakFile, 'utf8')) / 1024, wallS: (Date.now() - started) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Peak RSS of a default certify of the reference receiver and of one with --runs 1000 (goals:
 * under 250 MB, and the second under 1.3× the first: memory does not grow with the cases).
 */
export async function benchMemory(url: string, secret: string): Promise<Record<string, number>> {
  const runs100 = await certifyPeakMb(url, secret, []);
  const runs1000 = await certifyPeakMb(url, secret, ['--runs', '1000']);
  return {
    certify_peak_mb: round(runs100.peakMb, 1),
    certify_runs1000_peak_mb: round(runs1000.peakMb, 1),
    ratio: round(runs1000.peakMb / runs100.peakMb, 2),
    certify_runs1000_wall_s: round(runs1000.wallS, 1),
  };
}
