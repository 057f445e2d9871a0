import { join } from 'node:path';

/** A module to run in a process of its own, and the Node flags it needs. */
export interface ChildProgram {
  readonly file: string;
  readonly execArgv: readonly string[];
}

/**
 * The module `name` of the folder `dir` (the caller's `__dirname`), as a child process runs it:
 * from dist/, the compiled file as it is; from the TypeScript sources (tests, `tsx`), the `.ts`
 * file through the same loader.
 */
export function childProgram(dir: string, name: string): ChildProgram {
  const fromSource = __filename.endsWith('.ts');
  return {
    file: join(dir, `${name}${fromSource ? '.ts' : '.js'}`),
    execArgv: fromSource ? ['--require', require.resolve('tsx/cjs')] : [],
  };
}
