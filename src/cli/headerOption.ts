import { Option } from 'commander';
import { parseHeaderLine } from '../config/headerLine';
import { markCollector } from './collect';

/**
 * Commander parser of a repeatable `-H 'Name: value'` (as curl takes it): collects the headers by
 * lower-case name. Refuses a malformed one, a value with a line break, and the headers hookproof owns.
 */
export function parseHeaderOption(text: string, previous: Record<string, string> | undefined): Record<string, string> {
  const { name, value } = parseHeaderLine(text);
  return { ...(previous ?? {}), [name]: value };
}

/** `-H, --header <header>` for the commands that deliver (certify, send, replay, fleet, pact verify). */
export function headerOption(): Option {
  return new Option('-H, --header <header>', "add a header to every delivery, 'Name: value' (repeatable), e.g. a staging gateway's key").argParser(
    markCollector(parseHeaderOption),
  );
}
