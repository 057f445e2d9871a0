import { Option, type Command } from 'commander';
import { DEFAULT_SPEC_PATH } from '../spec/defaultSpecPath';
import { collect } from './collect';
import { numberOption } from './numberOption';

/** `--spec FILE`, defaulting to the bundled spec; the program adds it to the commands that read a spec. */
export function specOption(): Option {
  return new Option('--spec <file>', 'OpenAPI spec to read (YAML or JSON)').default(DEFAULT_SPEC_PATH, 'the bundled spec/webhook-events.yaml');
}

/** `--json`: print the result as one JSON document instead of lines. */
export function jsonOption(): Option {
  return new Option('--json', 'print the result as JSON');
}

const SECRET_ENV_HELP = 'read a secret from this environment variable (repeatable)';

/**
 * `--secret VALUE` and `--secret-env NAME`, both repeatable (a rotation has several secrets), read
 * back with `secretSourcesOf`. `secretHelp` says what the secret is for in this command.
 */
export function addSecretOptions(command: Command, secretHelp: string, secretEnvHelp = SECRET_ENV_HELP): Command {
  return command.addOption(new Option('--secret <value>', secretHelp).argParser(collect)).addOption(new Option('--secret-env <name>', secretEnvHelp).argParser(collect));
}

/** `--port N` (0 picks a free port) and `--host HOST`, for the commands that listen (loopback and 8080 by default). */
export function addListenAddressOptions(command: Command): Command {
  return command.addOption(numberOption('--port', 'n', 'port to listen on (0 picks a free one)', '8080')).option('--host <host>', 'address to listen on', '127.0.0.1');
}

/** `--report-dir DIR`: where a command writes its reports (`defaultDir` unless given; none when absent). */
export function reportDirOption(description: string, defaultDir?: string): Option {
  const option = new Option('--report-dir <dir>', description);
  return defaultDir === undefined ? option : option.default(defaultDir);
}
