import { Option } from 'commander';
import { UsageError } from '../errors';

/**
 * Headers hookproof itself sets on a delivery: the signature it computes and the body's framing.
 * A `-H` for one of them would silently change what is being tested.
 */
const OWNED = new Set(['x-signature', 'content-type', 'content-length', 'transfer-encoding', 'host']);

/** RFC 9110 token characters: what a header name may be made of. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Commander parser of a repeatable `-H 'Name: value'` (as curl takes it): collects the headers by
 * lower-case name. Refuses a malformed one, a value with a line break, and the headers hookproof owns.
 */
export function parseHeaderOption(text: string, previous: Record<string, string> | undefined): Record<string, string> {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  if (!TOKEN.test(name)) throw new UsageError(`invalid -H "${text}": expected 'Name: value', e.g. -H 'X-Gateway-Key: …'`);
  const value = text.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) throw new UsageError(`invalid -H ${name}: a header value cannot hold a line break or NUL`);
  const lower = name.toLowerCase();
  if (OWNED.has(lower)) throw new UsageError(`-H ${name} is refused: hookproof sets ${name} itself on every delivery (it is what the checks test)`);
  return { ...(previous ?? {}), [lower]: value };
}

/** `-H, --header <header>` for the commands that deliver (certify, send, replay). */
export function headerOption(): Option {
  return new Option('-H, --header <header>', "add a header to every delivery, 'Name: value' (repeatable), e.g. a staging gateway's key").argParser(parseHeaderOption);
}
