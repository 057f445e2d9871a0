import type { CommandRegistration } from '../command';
import { certifyCommand } from './certify';
import { demoCommand } from './demo';
import { diffCommand } from './diff';
import { errataCommand } from './errata';
import { lintSpecCommand } from './lintSpec';
import { listenCommand } from './listen';
import { pactCommand } from './pact';
import { fleetCommand } from './fleet';
import { capacityCommand } from './capacity';
import { initCommand } from './init';
import { recheckCommand } from './recheck';
import { reportCommand } from './reportVerify';
import { replayCommand } from './replay';
import { sendCommand } from './send';
import { serveCommand } from './serve';
import { typegenCommand } from './typegen';
import { typesCommand } from './types';
import { validateCommand } from './validate';
import { vectorsCommand } from './vectors';

/**
 * Every command of the CLI, in the order `hookproof --help` lists them. To add one, write
 * `src/cli/commands/<name>.ts` (a typed `run<Name>(options, io)` function plus its
 * CommandRegistration) and append the registration here; nothing registers itself on import.
 */
export const COMMANDS: readonly CommandRegistration[] = [
  certifyCommand,
  replayCommand,
  serveCommand,
  listenCommand,
  sendCommand,
  demoCommand,
  validateCommand,
  lintSpecCommand,
  errataCommand,
  typesCommand,
  typegenCommand,
  diffCommand,
  vectorsCommand,
  pactCommand,
  recheckCommand,
  reportCommand,
  fleetCommand,
  capacityCommand,
  initCommand,
];
