import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readReportFile } from '../attest/readReportFile';
import { certifyTarget, type SharedRunOptions } from './certifyTarget';
import { runTargetIsolated } from './runTargetIsolated';
import { signReportFile } from '../attest/signReport';
import { createEngine } from '../engine';
import { HookproofError, ReportUnreadableError } from '../errors';
import { readEnvSecret } from '../redaction/envSecret';
import { headersFromFile, looksLikeCredential } from '../config/headerLine';
import { maskUrlCredentials } from '../redaction/maskUrlCredentials';
import { redactSecrets } from '../redaction/redactSecrets';
import { writeReports } from '../reports';
import type { CertificationReport } from '../evidence/certificationReport';
import { runPool } from '../runner/runPool';
import { pickDefined, RUN_OPTION_KEYS } from '../runner/runOptions';
import { changeSince, entryFromReport, type FleetEntry, type FleetIndex } from './fleetIndex';
import type { FleetTarget } from './fleetTarget';
import { createRateLimiter } from './rateLimiter';
import { renderFleetIndexHtml } from './renderFleetIndexHtml';
import type { Shard } from './shard';
import { shardOf } from './shard';
import { targetDirectories } from './targetDirectories';
import { jsonText } from '../text/jsonText';

/** Settings of a fleet run; per-target settings come from the targets file. */
export interface FleetOptions extends SharedRunOptions {
  readonly targets: readonly FleetTarget[];
  readonly reportDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Targets certified at once (default 4). */
  readonly parallel?: number;
  /** At most this many deliveries in any one second across the whole fleet (default: no limit). */
  readonly ratePerSecond?: number;
  /**
   * Certify each target in a process of its own (default true), so that no target's work can stall
   * another's deliveries; false runs them all in this process (one event loop).
   */
  readonly isolate?: boolean;
  readonly shard?: Shard;
  /** A previous fleet run's directory: its index.json gives each row's change. */
  readonly previous?: string;
  readonly signingKey?: KeyObject;
  /** Called as each target finishes. */
  /** Rechecks reproduce each report's own scope (`--same-scope`) instead of gridX's full certification. */
  readonly sameScope?: boolean;
  /** Called as each target finishes. */
  readonly onTarget?: (entry: FleetEntry) => void;
  /** Called with a warning (the run goes on), e.g. a `previous` directory with no index yet. */
  readonly onWarning?: (message: string) => void;
}

/**
 * Certifies (or rechecks) every target of this shard, `parallel` at a time under one shared rate
 * limit, writes one report directory per target, then index.json and index.html. Every target's
 * secrets are resolved before anything runs: a missing variable is a one-line error (exit 2), not a
 * half-run fleet. A target hookproof cannot run (a refused URL or recheck) is a row with `error`.
 */
export async function runFleet(options: FleetOptions): Promise<FleetIndex> {
  const startedAt = new Date().toISOString();
  // Over the whole file, so every shard names each target's directory alike.
  const dirs = targetDirectories(options.targets);
  const mine = options.shard !== undefined ? shardOf(options.targets, options.shard) : [...options.targets];
  const secrets = new Map(mine.map((target) => [target.name, secretsOf(target, options.env)]));
  // Up front too: a header naming an unset variable is one error before anything runs.
  const headers = new Map(mine.map((target) => [target.name, { ...(options.headers ?? {}), ...headersFromFile(target.headers ?? [], options.env, `target "${target.name}"`) }]));
  const previous = options.previous !== undefined ? readPreviousIndex(options.previous, options.onWarning) : undefined;
  // Built before anything runs, so that an unreadable spec is one error (exit 2), not a row per target.
  const engine = createEngine(options.specPath !== undefined ? { specPath: options.specPath } : {});
  const limit = options.ratePerSecond !== undefined ? createRateLimiter(options.ratePerSecond) : undefined;
  const root = resolve(options.reportDir);

  const runTarget = async (target: FleetTarget): Promise<FleetEntry> => {
    const reportDir = dirs.get(target.name) ?? target.name;
    const targetSecrets = secrets.get(target.name) ?? [];
    const targetHeaders = headers.get(target.name) ?? {};
    // Credential headers (a gateway key) are redacted from the reports and messages like secrets.
    const hidden = [...targetSecrets, ...Object.entries(targetHeaders).flatMap(([name, value]) => (looksLikeCredential(name) && value.length >= 4 ? [value] : []))];
    // The index files are shared like reports: a URL's password never reaches them (the console masks it too).
    const base = { name: target.name, url: maskUrlCredentials(target.url), reportDir, mode: target.recheck !== undefined ? ('recheck' as const) : ('certify' as const) };
    let entry: FleetEntry;
    try {
      const report = await reportFor(target, targetSecrets, targetHeaders, join(options.reportDir, reportDir, 'report.json'));
      const files = await writeReports(report, join(root, reportDir), hidden);
      if (options.signingKey !== undefined) await signReportFile(files.json, options.signingKey);
      entry = entryFromReport(base, readReportFile(files.json));
    } catch (error) {
      if (!(error instanceof HookproofError)) throw error;
      entry = { ...base, verdict: 'error', failingRequirements: [], error: redactSecrets(maskUrlCredentials(error.message), hidden) };
    }
    const withChange = previous !== undefined ? { ...entry, change: changeSince(entry, previous.get(target.name)) } : entry;
    options.onTarget?.(withChange);
    return withChange;
  };

  const reportFor = (target: FleetTarget, targetSecrets: readonly string[], targetHeaders: Readonly<Record<string, string>>, reportPath: string): Promise<CertificationReport> => {
    const shared: SharedRunOptions = {
      ...pickDefined(options, ['specPath', 'allowHttp', ...RUN_OPTION_KEYS, 'retryBaseDelayMs', 'invocation']),
      ...(Object.keys(targetHeaders).length > 0 ? { headers: targetHeaders } : {}),
    };
    const job = { target, secrets: targetSecrets, reportPath, shared, ...(options.sameScope === true ? { sameScope: true } : {}) };
    // Each target in a process of its own unless asked not to: one event loop per target.
    return options.isolate === false ? certifyTarget(job, limit, engine) : runTargetIsolated(job, limit);
  };

  const entries = await runPool(mine, options.parallel ?? 4, runTarget);
  const count = (verdict: FleetEntry['verdict']): number => entries.filter((e) => e.verdict === verdict).length;
  const index: FleetIndex = {
    formatVersion: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    ...(options.shard !== undefined ? { shard: options.shard } : {}),
    targetsInFile: options.targets.length,
    ...(options.previous !== undefined ? { previous: options.previous } : {}),
    summary: { pass: count('pass'), fail: count('fail'), incomplete: count('incomplete'), error: count('error') },
    targets: entries,
  };
  await mkdir(root, { recursive: true });
  await writeAtomically(join(root, 'index.json'), jsonText(index));
  await writeAtomically(join(root, 'index.html'), renderFleetIndexHtml(index));
  return index;
}

function secretsOf(target: FleetTarget, env: Readonly<Record<string, string | undefined>>): string[] {
  return target.secretEnv.map((name) => readEnvSecret(name, env, 'secretEnv', `target "${target.name}"`));
}

/**
 * The previous run's rows by target name; none, with a warning, when `dir` does not exist or
 * holds no index.json yet (a pipeline's first run, with `--previous` as the README shows it). An
 * index.json that is there but unreadable is an error: that is a wrong directory, not a first run.
 */
function readPreviousIndex(dir: string, warn: ((message: string) => void) | undefined): Map<string, FleetEntry> {
  const path = join(dir, 'index.json');
  if (!existsSync(path)) {
    warn?.(`--previous ${dir}: ${existsSync(dir) ? 'no index.json there' : 'no such directory'} (a first run?); every target is reported as new`);
    return new Map();
  }
  let index: FleetIndex;
  try {
    index = JSON.parse(readFileSync(path, 'utf8')) as FleetIndex;
  } catch {
    throw new ReportUnreadableError(`--previous ${dir}: no readable fleet index.json there`);
  }
  if (!Array.isArray(index.targets)) throw new ReportUnreadableError(`--previous ${dir}: index.json is not a hookproof fleet index`);
  // Typed again: Array.isArray narrows a readonly array to any[].
  const targets: readonly FleetEntry[] = index.targets;
  return new Map(targets.map((entry) => [entry.name, entry]));
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, path);
}
