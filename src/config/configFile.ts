import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors';
import { readYamlDocument } from './readYamlDocument';

/**
 * The published JSON Schema of hookproof.config.yaml|json (contracts/, shipped in the package):
 * editors complete and check the file through its `$schema`, hookproof validates it with the same
 * file. From src/config and dist/config alike, two levels up is the package root.
 */
export const CONFIG_SCHEMA_PATH = join(__dirname, '..', '..', 'contracts', 'hookproof.config.schema.json');

/** The names hookproof looks for in the working directory when no `--config` is given, in order. */
export const CONFIG_FILE_NAMES: readonly string[] = ['hookproof.config.yaml', 'hookproof.config.yml', 'hookproof.config.json'];

/** A setting as the file gives it; each command turns it into its option's value. */
export type ConfigValue = string | number | boolean | readonly string[];

/** A validated config file: the shared settings and one section per command. */
export interface ConfigFile {
  readonly path: string;
  readonly document: Readonly<Record<string, ConfigValue | Readonly<Record<string, ConfigValue>>>>;
}

interface SchemaNode {
  readonly properties?: Readonly<Record<string, SchemaNode>>;
}

let schema: SchemaNode | undefined;
let compiled: ValidateFunction | undefined;

function loadSchema(): { schema: SchemaNode; validate: ValidateFunction } {
  if (schema === undefined || compiled === undefined) {
    schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as SchemaNode;
    compiled = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true }).compile(schema);
  }
  return { schema, validate: compiled };
}

/** The config file of `dir` (the first of CONFIG_FILE_NAMES there), if any. */
export function findConfigFile(dir: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((path) => existsSync(path));
}

/**
 * Reads and validates a config file (YAML or JSON). Every mistake is one line naming the file and
 * the key (`hookproof.config.yaml: capacity.rat is not a known key`), never a value: a secret
 * pasted where a variable's name belongs is refused unprinted.
 */
export function readConfigFile(path: string): ConfigFile {
  const { document, parseError } = readYamlDocument(path);
  if (parseError !== undefined) {
    // Only the line: the parser's message quotes the file's text, which may hold a secret.
    throw new UsageError(`${path} is not YAML or JSON${parseError.line !== undefined ? ` (line ${parseError.line})` : ''}`);
  }
  const { validate } = loadSchema();
  if (!validate(document ?? {})) throw new UsageError(`${path}: ${describeError(validate.errors?.[0])}`);
  return { path, document: (document ?? {}) as ConfigFile['document'] };
}

/**
 * The settings of `command` in `config`: the shared ones its section also knows, then its section's
 * own (which win). Keys are the command's option names (`timeoutMs` for `--timeout-ms`). The
 * `capacity:` section is `hookproof capacity`'s alone: a rate there never turns every `certify`
 * into a capacity certification (`hookproof init` writes one); certify declares its own
 * (`certify: { rate: … }` or `--rate`).
 */
export function settingsFor(config: ConfigFile, command: string): Record<string, ConfigValue> {
  const known = loadSchema().schema.properties?.[command]?.properties ?? {};
  const settings: Record<string, ConfigValue> = {};
  for (const [key, value] of Object.entries(config.document)) {
    if (key in known && !isSection(value)) settings[key] = value;
  }
  const section = config.document[command];
  if (isSection(section)) Object.assign(settings, section);
  return settings;
}

/** The commands a config file has a section for. */
export function configSections(): string[] {
  const properties = loadSchema().schema.properties ?? {};
  return Object.keys(properties).filter((key) => properties[key]?.properties !== undefined);
}

function isSection(value: unknown): value is Readonly<Record<string, ConfigValue>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One line naming the key, never its value. */
function describeError(error: ErrorObject | undefined): string {
  if (error === undefined) return 'does not match hookproof.config.schema.json';
  const path = error.instancePath.split('/').slice(1).join('.');
  const where = path === '' ? 'the file' : path;
  if (error.keyword === 'additionalProperty' || error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty?: unknown }).additionalProperty);
    const full = path === '' ? key : `${path}.${key}`;
    return /secret|password|token|key$/i.test(key) && !/Env$/.test(key)
      ? `${full} is not a known key: secrets never go in the config file; name the environment variable holding it (secretEnv: NAME)`
      : `${full} is not a known key (see contracts/hookproof.config.schema.json)`;
  }
  if (/(secretEnv|signKeyEnv)(\.\d+)?$/.test(path))
    return `${where} takes the *name* of an environment variable (or a list of names); the value given is not one and was not printed`;
  if (/headers\.\d+$/.test(path)) return `${where} must be a 'Name: value' line`;
  if (error.keyword === 'type') return `${where} must be ${String((error.params as { type?: unknown }).type).replace(',', ' or ')}`;
  return `${where} ${error.message ?? 'is not valid'}`;
}
