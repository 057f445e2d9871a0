import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { InputUnreadableError } from '../errors';

/** A YAML or JSON file as read: its text and parsed document, or where parsing failed. */
export interface YamlDocument {
  readonly text: string;
  /** The parsed document; undefined when `parseError` is set. */
  readonly document: unknown;
  /**
   * Set when the text is not YAML or JSON: the line of the first problem, never the parser's
   * message, which quotes the file's text (a secret may stand there).
   */
  readonly parseError?: { readonly line?: number };
}

/**
 * Reads a user's YAML or JSON file (config, fleet targets, a recheck allow-list). An unreadable
 * file is an InputUnreadableError; what a parse failure means is the caller's to say.
 */
export function readYamlDocument(path: string): YamlDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new InputUnreadableError(path, cause);
  }
  try {
    return { text, document: parse(text) as unknown };
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    return { text, document: undefined, parseError: line !== undefined ? { line } : {} };
  }
}
