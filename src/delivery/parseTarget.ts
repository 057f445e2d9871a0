import { TargetInvalidError } from '../errors';
import { maskUrlCredentials } from '../redaction/maskUrlCredentials';

/** Where a delivery goes, split the way undici wants it. */
export type Target = { origin: string; path: string };

// scheme "://" authority, then everything up to an optional fragment. The path and query are taken
// from the original string rather than from `new URL()`, because WHATWG URL parsing normalises
// them (dot segments, percent-encoding, backslashes) and gridX sends the URL exactly as registered.
const URL_PATTERN = /^(https?):\/\/([^/?#]*)([^#]*)(?:#.*)?$/is;

// undici refuses other characters in a request target; saying so up front gives a clearer error.
const PATH_PATTERN = /^[\x21-\x7e]*$/;

/**
 * Splits a delivery URL into an origin (validated by `new URL`) and the raw path + query, untouched.
 * Throws `TargetInvalidError` for anything that is not a plain http(s) URL: that is a mistake in
 * hookproof's input, not something the receiver did.
 */
export function parseTarget(url: string): Target {
  const match = URL_PATTERN.exec(url);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const rawPath = match?.[3];
  const shown = maskUrlCredentials(url);
  if (match === null || parsed === undefined || rawPath === undefined || parsed.hostname === '') {
    throw new TargetInvalidError(`not an http(s) URL: ${shown}`);
  }
  // `http:///hooks` parses as host "hooks" (WHATWG skips the empty authority): a typo, not a host.
  if (match[2] === '') throw new TargetInvalidError(`the target URL has no host: ${shown} (expected e.g. https://receiver.example.com/hooks)`);
  if (parsed.username !== '' || parsed.password !== '') {
    throw new TargetInvalidError(`credentials in the target URL are not supported (gridX sends none; the receiver authenticates by signature): ${shown}`);
  }
  if (!PATH_PATTERN.test(rawPath)) {
    throw new TargetInvalidError(`the target URL's path or query has characters that must be percent-encoded (spaces, tabs, non-ASCII): ${shown}`);
  }
  const path = rawPath === '' ? '/' : rawPath.startsWith('?') ? `/${rawPath}` : rawPath;
  return { origin: parsed.origin, path };
}
