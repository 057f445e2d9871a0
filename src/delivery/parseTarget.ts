import { TargetInvalidError } from '../errors';

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
  if (match === null || parsed === undefined || rawPath === undefined || parsed.hostname === '') {
    throw new TargetInvalidError(`not an http(s) URL: ${url}`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new TargetInvalidError(`credentials in the target URL are not supported: ${parsed.origin}`);
  }
  if (!PATH_PATTERN.test(rawPath)) {
    throw new TargetInvalidError(`the target URL's path or query has characters that must be percent-encoded: ${url}`);
  }
  const path = rawPath === '' ? '/' : rawPath.startsWith('?') ? `/${rawPath}` : rawPath;
  return { origin: parsed.origin, path };
}
