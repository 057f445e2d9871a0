import { childProgram, type ChildProgram } from '../../childProgram';

/** The program the Pact verifier's own process runs, and the Node flags it needs. */
export type VerifierEntry = ChildProgram;

/**
 * `verifierProcess`, next to this file (compiled, or through tsx from the sources). A module of its
 * own: the one place that names the child's program (the deadline tests put a verifier that hangs
 * here).
 */
export function verifierEntry(): VerifierEntry {
  return childProgram(__dirname, 'verifierProcess');
}
