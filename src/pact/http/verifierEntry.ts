import { join } from 'node:path';

/** The program the Pact verifier's own process runs, and the Node flags it needs. */
export interface VerifierEntry {
  readonly file: string;
  readonly execArgv: readonly string[];
}

/**
 * `verifierProcess`, next to this file. Run from the TypeScript sources (tests, `tsx`), the child
 * needs the same loader; from dist/ it runs the compiled file as it is. A module of its own: the
 * one place that names the child's program (the deadline tests put a verifier that hangs here).
 */
export function verifierEntry(): VerifierEntry {
  const fromSource = __filename.endsWith('.ts');
  return {
    file: join(__dirname, `verifierProcess${fromSource ? '.ts' : '.js'}`),
    execArgv: fromSource ? ['--require', require.resolve('tsx/cjs')] : [],
  };
}
