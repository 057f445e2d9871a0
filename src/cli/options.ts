import { Option } from 'commander';
import { DEFAULT_SPEC_PATH } from '../spec/defaultSpecPath';

/** `--spec FILE`, defaulting to the bundled spec. The program adds it to every command. */
export function specOption(): Option {
  return new Option('--spec <file>', 'OpenAPI spec to read (YAML or JSON)').default(DEFAULT_SPEC_PATH, 'the bundled spec/webhook-events.yaml');
}

/** `--json`: print the result as one JSON document instead of lines. */
export function jsonOption(): Option {
  return new Option('--json', 'print the result as JSON');
}
