import { UsageError } from '../errors';
import { hmacSha512Hex } from './digest';
import { gridx } from '../contract/gridx';

/** How `sign` writes the header; the defaults are gridX's canonical form. */
export interface SignOptions {
  /** Upper-case hex digits (allowed by the spec's pattern, never sent by gridX). Default false. */
  readonly uppercase?: boolean;
  /** What joins two digests: gridX sends `', '`; the pattern also allows `','`. Default `', '`. */
  readonly separator?: ', ' | ',';
}

/**
 * The `X-Signature` value gridX would send for `body`: one `sha512=<hex>` digest per secret, in the
 * order given, e.g. `sha512=<hex>, sha512=<hex>` during a rotation.
 *
 * gridX signs with at most `gridx.signature.digests.max` secrets; any count from one up is accepted here so
 * tests can go beyond that. Throws `UsageError` (code `USAGE`) when `secrets` is empty, because a
 * header with no digest is not a signature at all.
 */
export function sign(body: Uint8Array | string, secrets: readonly string[], options: SignOptions = {}): string {
  if (secrets.length === 0) {
    throw new UsageError('cannot sign without a secret: pass at least one webhook secret');
  }
  const separator = options.separator ?? ', ';
  return secrets
    .map((secret) => {
      const hex = hmacSha512Hex(body, secret);
      return `${gridx.signature.label}=${options.uppercase === true ? hex.toUpperCase() : hex}`;
    })
    .join(separator);
}
