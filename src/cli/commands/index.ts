import type { CommandRegistration } from '../command';
import { errataCommand } from './errata';
import { lintSpecCommand } from './lintSpec';
import { typesCommand } from './types';
import { validateCommand } from './validate';

/**
 * Every command of the CLI, in the order `hookproof --help` lists them. To add one, write
 * `src/cli/commands/<name>.ts` (a typed `run<Name>(options, io)` function plus its
 * CommandRegistration) and append the registration here; nothing registers itself on import.
 */
export const COMMANDS: readonly CommandRegistration[] = [lintSpecCommand, errataCommand, typesCommand, validateCommand];
