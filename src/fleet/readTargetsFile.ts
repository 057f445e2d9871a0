import { dirname, isAbsolute, join } from 'node:path';
import { UsageError } from '../errors';
import { checkEnvName } from '../redaction/envSecret';
import { maskUrlCredentials } from '../redaction/maskUrlCredentials';
import type { FleetTarget } from './fleetTarget';
import { targetDirectories } from './targetDirectories';
import { readYamlDocument } from '../config/readYamlDocument';

const KEYS = new Set(['name', 'url', 'secretEnv', 'types', 'allowHttp', 'recheck', 'headers']);

/**
 * Reads a targets file (YAML or JSON):
 *
 * ```yaml
 * targets:
 *   - name: acme                       # optional; default: the URL's host and path
 *     url: https://staging.acme.example/hooks/gridx
 *     secretEnv: ACME_SECRET           # or a list, during a rotation
 *     types: [ev/plugged, ev/unplugged] # optional
 *     recheck: reports/acme/report.json # optional: recheck this report instead of certifying
 *     headers: ['X-Gateway-Key: ${ACME_GATEWAY_KEY}'] # optional: as -H; credentials by ${ENV} only
 * ```
 *
 * Every mistake is one line naming the target (UsageError, exit 2). Relative `recheck` paths are
 * read from the targets file's folder.
 */
export function readTargetsFile(path: string): FleetTarget[] {
  const { document, parseError } = readYamlDocument(path);
  if (parseError !== undefined) throw new UsageError(`${path} is not YAML or JSON`);
  const list = typeof document === 'object' && document !== null ? (document as { targets?: unknown }).targets : undefined;
  if (!Array.isArray(list) || list.length === 0) throw new UsageError(`${path} has no "targets:" list`);
  const targets = list.map((entry: unknown, index) => parseTarget(entry, `${path}: target ${index + 1}`, dirname(path)));
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target.name)) throw new UsageError(`${path}: two targets are named "${target.name}"; give each a unique name`);
    seen.add(target.name);
  }
  targetDirectories(targets);
  return targets;
}

function parseTarget(entry: unknown, where: string, base: string): FleetTarget {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new UsageError(`${where} is not a mapping (url, secretEnv, types)`);
  const e = entry as Record<string, unknown>;
  const unknown = Object.keys(e).filter((key) => !KEYS.has(key));
  if (unknown.length > 0) throw new UsageError(`${where} has unknown key(s) ${unknown.join(', ')}; known: ${[...KEYS].join(', ')}`);
  if (typeof e.url !== 'string' || e.url === '') throw new UsageError(`${where} has no url`);
  const secretEnv = stringList(e.secretEnv, `${where} secretEnv`);
  if (secretEnv === undefined || secretEnv.length === 0)
    throw new UsageError(`${where} (${maskUrlCredentials(e.url)}) has no secretEnv: name the environment variable holding its secret`);
  // Up front, before any target runs: a secret pasted where its name belongs is refused unprinted.
  for (const name of secretEnv) checkEnvName(name, 'secretEnv', where);
  const types = stringList(e.types, `${where} types`);
  if (e.allowHttp !== undefined && typeof e.allowHttp !== 'boolean') throw new UsageError(`${where} allowHttp must be true or false`);
  if (e.recheck !== undefined && typeof e.recheck !== 'string') throw new UsageError(`${where} recheck must be the path of a report`);
  if (e.headers !== undefined && (!Array.isArray(e.headers) || !e.headers.every((h) => typeof h === 'string')))
    throw new UsageError(`${where} headers must be a list of 'Name: value' lines`);
  if (e.name !== undefined && (typeof e.name !== 'string' || e.name.trim() === '')) throw new UsageError(`${where} name must be a non-empty string`);
  return {
    name: typeof e.name === 'string' ? e.name.trim() : defaultName(e.url),
    url: e.url,
    secretEnv,
    ...(types !== undefined ? { types } : {}),
    ...(typeof e.allowHttp === 'boolean' ? { allowHttp: e.allowHttp } : {}),
    ...(Array.isArray(e.headers) ? { headers: e.headers } : {}),
    ...(typeof e.recheck === 'string' ? { recheck: isAbsolute(e.recheck) ? e.recheck : join(base, e.recheck) } : {}),
  };
}

/** A list given as a YAML list or a comma-separated string. */
function stringList(value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (items === undefined || !items.every((item): item is string => typeof item === 'string')) throw new UsageError(`${where} must be a name or a list of names`);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

function defaultName(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}
