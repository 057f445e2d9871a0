import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runListen, type ListenCommandOptions } from '../../src/cli/commands/listen';
import type { ExitCode } from '../../src/cli/exitCodes';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { createDeliveryClient, type DeliveryResult } from '../../src/delivery';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { REAL_SPEC } from '../cli/paths';

/** A distinctive secret: any trace of it (raw, JSON-escaped, hex, base64) in output or a file is a leak. */
export const SECRET = 'sender-Secret-\u00e9-4c7e1a"q';
export const ENV = { HOOKPROOF_SECRET: SECRET };

export function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'hookproof-sender-'));
}

export function leaks(text: string): boolean {
  const forms = [SECRET, JSON.stringify(SECRET).slice(1, -1), Buffer.from(SECRET).toString('hex'), Buffer.from(SECRET).toString('base64')];
  return forms.some((form) => text.includes(form));
}

/** Every file under `dir` as text (long bodies sit in `bodies/` beside the report). */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

/** Runs the CLI in-process with HOOKPROOF_SECRET set (unless `env` says otherwise). */
export async function cli(args: string[], env: Record<string, string | undefined> = ENV): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = { ...memoryIO(), env };
  const code = await runCli(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

export interface RunningListen {
  readonly url: string;
  readonly dir: string;
  /** Ends the run (as Ctrl-C would) unless --for or --count already did. */
  stop(): void;
  /** The finished run: exit code and output. */
  readonly done: Promise<{ code: ExitCode; out: string[]; err: string[] }>;
}

/** Starts `runListen` in-process on a free loopback port, with an injected stop. */
export async function startListen(options: Partial<ListenCommandOptions> = {}): Promise<RunningListen> {
  const dir = tmp();
  const io = { ...memoryIO(), env: ENV };
  let stop: () => void = () => undefined;
  const until = new Promise<void>((resolve) => {
    stop = resolve;
  });
  let ready: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => {
    ready = resolve;
  });
  const done = runListen({ spec: REAL_SPEC, port: 0, host: '127.0.0.1', respond: '204', reportDir: dir, until, onReady: ready, ...options }, io).then((code) => ({
    code,
    out: io.stdout,
    err: io.stderr,
  }));
  // A run that fails to start must not leave the test waiting for a URL.
  const started = await Promise.race([url, done.then(({ err }) => Promise.reject(new Error(`listen did not start: ${err.join(' ')}`)))]);
  return { url: started, dir, stop, done };
}

/** Posts raw bytes with a given X-Signature (or none): a hand-made sender. */
export async function post(url: string, body: Buffer, signature: string | undefined, headers: Record<string, string> = {}): Promise<DeliveryResult> {
  const client = createDeliveryClient({ timeoutMs: 2000 });
  try {
    return await client.send({ url, body, headers: { ...(signature !== undefined ? { 'x-signature': signature } : {}), ...headers } });
  } finally {
    await client.close();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A listen run's report.json: a report whose `listen` part is there. */
export type ListenReportFile = CertificationReport & Required<Pick<CertificationReport, 'listen'>>;

/** The report.json a `hookproof listen` run wrote: the certification report with its `listen` part. */
export function readListenReport(path: string): ListenReportFile {
  return JSON.parse(readFileSync(path, 'utf8')) as ListenReportFile;
}
