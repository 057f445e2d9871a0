import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InputUnreadableError, UsageError } from '../../errors';

/** A pact to verify, read and checked: where it came from, the local file the verifier reads, its JSON. */
export interface LoadedPact {
  /** As the user gave it (a URL without credentials). */
  readonly source: string;
  readonly file: string;
  readonly pact: { readonly interactions: readonly unknown[] };
}

/** How long fetching one pact by URL may take: a pact is small; a server that stalls is an error. */
export const PACT_FETCH_TIMEOUT_MS = 10_000;

/**
 * Resolves what `--pact` names into pact files: a file, a directory (every `*.json` in it that is a
 * pact with interactions, in name order) or an http(s) URL (fetched once, within
 * PACT_FETCH_TIMEOUT_MS, into a temporary file). Throws UsageError or InputUnreadableError, each
 * one line, for anything else: a URL with credentials, a directory without pacts, a file that is
 * not a pact.
 */
export async function loadPactSources(sources: readonly string[]): Promise<LoadedPact[]> {
  const loaded: LoadedPact[] = [];
  for (const source of sources) {
    if (/^https?:\/\//i.test(source)) loaded.push(await fetchPact(source));
    else if (existsSync(source) && statSync(source).isDirectory()) loaded.push(...pactsInDirectory(source));
    else loaded.push(readPact(source, source));
  }
  return loaded;
}

function pactsInDirectory(dir: string): LoadedPact[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
  const pacts = files.flatMap((file) => {
    try {
      return [readPact(file, file)];
    } catch {
      return []; // Not every JSON file in a directory is a pact.
    }
  });
  if (pacts.length === 0) throw new UsageError(`${dir} is a directory with no pact files in it (*.json with an "interactions" array)`);
  return pacts;
}

function readPact(source: string, file: string): LoadedPact {
  if (!existsSync(file) || !statSync(file).isFile()) throw new InputUnreadableError(file, new Error('no such file'));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputUnreadableError(file, error);
  }
  return { source, file: resolve(file), pact: parsePact(source, text) };
}

async function fetchPact(source: string): Promise<LoadedPact> {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new UsageError(`--pact ${source} is not a URL`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new UsageError(`--pact URL must not carry credentials (${url.protocol}//…@${url.host}): use --broker-token or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD`);
  }
  let text: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(PACT_FETCH_TIMEOUT_MS), headers: { accept: 'application/json, application/hal+json' } });
    text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    throw new UsageError(`cannot fetch the pact at ${source}: ${reason(error)}`);
  }
  const pact = parsePact(source, text);
  const file = join(mkdtempSync(join(tmpdir(), 'hookproof-pact-')), 'pact.json');
  writeFileSync(file, text);
  return { source, file, pact };
}

function parsePact(source: string, text: string): LoadedPact['pact'] {
  let pact: unknown;
  try {
    pact = JSON.parse(text);
  } catch (error) {
    throw new InputUnreadableError(source, error);
  }
  const interactions = typeof pact === 'object' && pact !== null ? (pact as { interactions?: unknown }).interactions : undefined;
  if (!Array.isArray(interactions)) throw new UsageError(`${source} is not a pact file: it has no "interactions" array`);
  return { interactions };
}

function reason(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${PACT_FETCH_TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`.split('\n')[0] ?? '';
}
