import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { isAbsolute, join } from 'node:path';
import { memoryIO } from '../../../../src/cli/memoryIO';
import { runCli } from '../../../../src/cli/runCli';
import { listen } from '../../../support/servers';

/*
 * A CI script run by real bash, with `npx --no-install hookproof …` answered by hookproof's CLI
 * in this process: the recipe's own shell (assignments from `$(sed …)`, `[ … ]` tests, `| tee`,
 * `set -o pipefail`, `exit 0`) runs as written, and each hookproof command costs no process start.
 *
 * `npx` is a bash function that sends its working directory and arguments over loopback TCP (bash's
 * /dev/tcp) and prints what the CLI wrote, returning its exit code. Relative paths the CLI is given
 * (`--out contracts`, `publish contracts`, `--report-dir …`) are resolved against the script's
 * working directory, since the CLI here runs in the test's.
 */

/** One hookproof command a script ran, with what it wrote. */
export interface BridgedCommand {
  /** The command's name, e.g. `certify` or `pact publish`. */
  readonly command: string;
  readonly args: readonly string[];
  readonly code: number;
  readonly out: readonly string[];
  readonly err: readonly string[];
}

export interface ScriptRun {
  /** bash's exit code. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly commands: readonly BridgedCommand[];
}

const NPX = `
npx() {
  local code out err
  exec 9<>"/dev/tcp/127.0.0.1/$HOOKPROOF_BRIDGE_PORT"
  { printf '%s\\0' "$PWD" "$#"; printf '%s\\0' "$@"; } >&9
  IFS= read -r -d '' code <&9
  IFS= read -r -d '' out <&9
  IFS= read -r -d '' err <&9
  exec 9<&-
  printf '%s' "$out"
  printf '%s' "$err" >&2
  return "$code"
}
`;

/**
 * Runs `lines` (a CI job's script, one command per entry, as GitLab runs `script:`) in bash with
 * errexit on, in `cwd`, with exactly `vars` as its environment (plus PATH and HOME). hookproof
 * commands see `cliEnv` and have `rewrite` applied to their arguments first.
 */
export async function runScript(
  lines: readonly string[],
  options: { cwd: string; vars: Readonly<Record<string, string>>; cliEnv: Readonly<Record<string, string>>; rewrite?: (args: string[]) => string[] },
): Promise<ScriptRun> {
  const commands: BridgedCommand[] = [];
  const server = createServer((socket) => void answer(socket, commands, options));
  const bridge = await listen(server);
  try {
    const script = ['set -e', NPX, ...lines].join('\n');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: options.cwd, ...options.vars, HOOKPROOF_BRIDGE_PORT: String(bridge.port) };
    const child = spawn('bash', ['-c', script], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    return { code, stdout, stderr, commands };
  } finally {
    await bridge.close();
  }
}

async function answer(socket: Socket, commands: BridgedCommand[], options: Parameters<typeof runScript>[1]): Promise<void> {
  const fields = await readRequest(socket);
  const [cwd = '', , ...argv] = fields;
  if (argv.slice(0, 2).join(' ') !== '--no-install hookproof') {
    socket.end(`127\0\0npx: only \`npx --no-install hookproof\` is available here, not ${argv.join(' ')}\n\0`);
    return;
  }
  const after = (option: string, i: number, args: readonly string[]): boolean => args[i - 1] === option;
  const args = argv.slice(2).map((arg, i, all) => {
    if (isAbsolute(arg) || arg.startsWith('-') || arg.includes('://')) return arg;
    return after('--out', i, all) || after('--report-dir', i, all) || existsSync(join(cwd, arg)) ? join(cwd, arg) : arg;
  });
  const rewritten = options.rewrite?.(args) ?? args;
  const io = { ...memoryIO(), env: options.cliEnv };
  // runCli turns every error into an exit code; should it ever throw, bash must not wait forever.
  const code = await runCli(rewritten, io).catch((error: unknown) => {
    io.stderr.push(`the test's bridge: runCli threw ${String(error)}`);
    return 70;
  });
  commands.push({ command: rewritten.slice(0, rewritten[0] === 'pact' ? 2 : 1).join(' '), args: rewritten, code, out: io.stdout, err: io.stderr });
  const text = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join('');
  socket.end(`${code}\0${text(io.stdout)}\0${text(io.stderr)}\0`);
}

/** The NUL-separated fields bash sent: the working directory, the count, then the arguments. */
function readRequest(socket: Socket): Promise<string[]> {
  return new Promise((resolve) => {
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const fields = buffered.split('\0');
      const count = Number(fields[1]);
      if (fields.length - 1 >= 2 + count) resolve(fields.slice(0, 2 + count));
    });
  });
}
