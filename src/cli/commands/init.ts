import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '../../errors';
import type { CommandRegistration } from '../command';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';

/**
 * examples/ as shipped in the package: what `init` writes IS these files (one source; a test holds
 * the written files equal to them). From src/cli/commands and dist/cli/commands alike, three levels up
 * is the package root.
 */
export const EXAMPLES_DIR = join(__dirname, '..', '..', '..', 'examples');

/** Typed options of `init`. */
export interface InitCommandOptions {
  readonly ci?: string;
  readonly jest?: boolean;
  readonly force?: boolean;
  /** Where to write (default: the working directory). */
  readonly dir?: string;
}

/** One file `init` writes: from examples/, to a path in the partner's project. */
export interface InitFile {
  readonly from: string;
  readonly to: string;
}

const CI_FILES: Readonly<Record<string, InitFile>> = {
  github: { from: 'ci/github-actions.yml', to: '.github/workflows/gridx-conformance.yml' },
  gitlab: { from: 'ci/gitlab-ci.yml', to: '.gitlab-ci.yml' },
};

/** The folder the jest files go to in the partner's project. */
export const JEST_DIR = 'gridx-conformance';

/** What `init` writes for these options, in order. */
export function initFiles(options: Pick<InitCommandOptions, 'ci' | 'jest'>): InitFile[] {
  const files: InitFile[] = [{ from: 'hookproof.config.yaml', to: 'hookproof.config.yaml' }];
  if (options.ci !== undefined) {
    const ci = CI_FILES[options.ci];
    if (ci === undefined) throw new UsageError(`--ci must be one of ${Object.keys(CI_FILES).join(', ')}, got "${options.ci}"`);
    files.push(ci);
  }
  if (options.jest === true) {
    for (const name of readdirSync(join(EXAMPLES_DIR, 'jest')).sort()) files.push({ from: `jest/${name}`, to: `${JEST_DIR}/${name}` });
  }
  return files;
}

/**
 * `hookproof init [--ci github|gitlab] [--jest]`: writes a starting point into the partner's
 * project: hookproof.config.yaml, a CI workflow, a jest config and conformance files (plain
 * JavaScript, importing only the package). Never overwrites a file unless `--force`: if any would
 * be, nothing is written and each is named.
 */
export function runInit(options: InitCommandOptions, io: CliIO): Promise<ExitCode> {
  const root = resolve(options.dir ?? '.');
  const files = initFiles(options);
  const existing = files.filter((file) => existsSync(join(root, file.to)));
  if (existing.length > 0 && options.force !== true) {
    throw new UsageError(`init would overwrite ${existing.map((f) => f.to).join(', ')}; nothing was written (add --force to overwrite)`);
  }
  for (const file of files) {
    const target = join(root, file.to);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(EXAMPLES_DIR, file.from), target);
    io.out(`wrote ${relative(process.cwd(), target) || target}`);
  }
  io.out('next: set GRIDX_WEBHOOK_SECRET (never in a file), put your receiver URL in hookproof.config.yaml, then run: npx hookproof certify');
  if (options.jest === true) io.out(`jest: GRIDX_RECEIVER_URL=… GRIDX_WEBHOOK_SECRET=… npx jest -c ${JEST_DIR}/jest.config.cjs (--shard=1/3 per CI machine)`);
  return Promise.resolve(EXIT.pass);
}

/** Registration of `init`. */
export const initCommand: CommandRegistration = {
  name: 'init',
  define(command) {
    command
      .description('write a starting point into your project: hookproof.config.yaml, a CI workflow (--ci) and jest conformance files (--jest)')
      .option('--ci <provider>', 'also write a CI workflow: github (.github/workflows/gridx-conformance.yml) or gitlab (.gitlab-ci.yml)')
      .option('--jest', `also write a jest config and conformance test files into ./${JEST_DIR} (plain CommonJS)`)
      .option('--dir <dir>', 'write into this directory instead of the working directory')
      .option('--force', 'overwrite files that are already there');
  },
  run(parsed, io) {
    return runInit(parsed.opts<InitCommandOptions>(), io);
  },
};
