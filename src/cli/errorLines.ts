import { CommanderError } from 'commander';
import { HookproofError } from '../errors';
import { maskUrlCredentials } from '../redaction/maskUrlCredentials';
import { terminalSafe } from '../text/terminalSafe';

const SILENT_COMMANDER_CODES = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

/**
 * What the CLI prints on stderr for an error: one line `hookproof: <message>`, never a stack
 * trace, unless `debug` (HOOKPROOF_DEBUG) asks for it. Help and version exits print nothing more.
 */
export function errorLines(error: unknown, debug: boolean): string[] {
  if (error instanceof CommanderError) {
    // Help and version output is already written; "no command given" printed the help on stderr.
    if (error.exitCode === 0 || SILENT_COMMANDER_CODES.has(error.code)) return [];
    return [`hookproof: ${oneLine(error.message.replace(/^error: /, ''))}`];
  }
  if (error instanceof HookproofError) {
    return [`hookproof: ${oneLine(error.message)}`, ...(debug ? stackLines(error) : [])];
  }
  const message = error instanceof Error ? error.message : String(error);
  if (debug) return [`hookproof: internal error: ${oneLine(message)}`, ...stackLines(error)];
  return [`hookproof: internal error: ${oneLine(message)} (set HOOKPROOF_DEBUG=1 for the stack)`];
}

/**
 * The message on one line, with URL credentials masked (`u:***@`: messages quote URLs, and some
 * come from other tools) and anything a terminal would act on escaped (they quote user input).
 */
function oneLine(text: string): string {
  const joined = text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
  return terminalSafe(maskUrlCredentials(joined));
}

function stackLines(error: unknown): string[] {
  const lines: string[] = [];
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const stack = (current.stack ?? `${current.name}: ${current.message}`).split('\n');
    lines.push(...(current === error ? stack : stack.map((line, i) => (i === 0 ? `caused by: ${line}` : line))));
  }
  return lines;
}
