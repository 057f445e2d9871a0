import { UsageError } from '../../errors';
import { readYamlDocument } from '../../config/readYamlDocument';

/**
 * The receiver URLs of a `--targets` file: a fleet targets file (`targets: [{url: …}]`), a YAML or
 * JSON list of URLs, or one URL per line (`#` comments). One line naming the file otherwise.
 */
export function readAllowList(path: string): string[] {
  // Not YAML: one URL per line.
  const { text, document } = readYamlDocument(path);
  const list = typeof document === 'object' && document !== null && !Array.isArray(document) ? (document as { targets?: unknown }).targets : document;
  const urls = Array.isArray(list)
    ? list.map((entry: unknown) => (typeof entry === 'string' ? entry : typeof entry === 'object' && entry !== null ? (entry as { url?: unknown }).url : undefined))
    : text
        .split('\n')
        .map((line) => line.replace(/#.*/, '').trim())
        .filter((line) => line !== '');
  if (urls.length === 0 || !urls.every((url): url is string => typeof url === 'string' && /^https?:\/\/\S+$/.test(url))) {
    throw new UsageError(`--targets ${path} must list receiver URLs (a fleet targets file, a list of URLs, or one URL per line)`);
  }
  return urls;
}
