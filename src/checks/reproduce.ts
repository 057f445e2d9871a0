import type { Reproduction } from './check';
import type { RecordedRequest } from './recordedRequest';
import { resignHeader } from './signatureRecipe';
import { dirname, join } from 'node:path';
import { maskUrlCredentials } from '../redaction/maskUrlCredentials';

/** Name of the environment variable holding secret `index` in reproductions (never the value). */
export function secretEnvName(index: number): string {
  return index === 0 ? 'HOOKPROOF_SECRET' : `HOOKPROOF_SECRET_${index + 1}`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A copy-paste shell snippet that sends the case again: the exact body (via base64, so any byte
 * survives the shell), the header with every valid digest recomputed from $HOOKPROOF_SECRET by
 * openssl, and curl. No secret is ever written into it.
 */
export function curlCommand(url: string, request: RecordedRequest): string {
  const lines = [`printf '%s' ${shellQuote(request.bodyBase64)} | base64 -d > hookproof-case.body`];
  const header = resignHeader(request.signature, (secretIndex, upperCase) => {
    const variable = `SIG${secretIndex + 1}`;
    return upperCase ? `$(printf '%s' "$${variable}" | tr a-f A-F)` : `$${variable}`;
  });
  const usedSecrets = [...new Set(request.signature.signedDigests.map((d) => d.secretIndex))].sort();
  for (const index of usedSecrets) {
    lines.push(`SIG${index + 1}=$(openssl dgst -sha512 -hmac "$${secretEnvName(index)}" -r hookproof-case.body | cut -d' ' -f1)`);
  }
  const parts = [`curl -sS -i -X POST ${shellQuote(url)}`, `-H 'Content-Type: application/json'`];
  for (const [name, value] of Object.entries(request.headers)) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  // Double quotes so that $SIGn expands; the header has no other shell-special characters
  // except in forged cases, whose literal text is escaped.
  if (header !== undefined) parts.push(`-H "X-Signature: ${header.replace(/[\\"`]/g, '\\$&').replace(/\$(?!SIG\d|\(printf)/g, '\\$')}"`);
  parts.push('--data-binary @hookproof-case.body');
  lines.push(parts.join(' \\\n  '));
  return lines.join('\n');
}

export function replayCommand(reportPath: string, caseId: string, url: string): string {
  return `npx --no-install hookproof replay ${shellQuote(reportPath)} ${shellQuote(caseId)} --url ${shellQuote(url)}`;
}

/** A password in the URL is replaced: reproductions are printed and stored. */
export function reproduction(url: string, reportPath: string, caseId: string, request: RecordedRequest): Reproduction {
  const shown = maskUrlCredentials(url);
  const long = Buffer.byteLength(request.bodyBase64, 'base64') > INLINE_BODY_BYTES;
  return { curl: curlCommand(shown, request), replay: replayCommand(reportPath, caseId, shown), ...(long ? { bodyFile: bodyFilePath(reportPath, caseId) } : {}) };
}

/**
 * Bodies up to this many bytes are written into the curl snippet itself; a longer one would make a
 * line longer than a screen (EVT-4's bodies are tens of KB), so the console's snippet copies it
 * from a file beside report.json instead (`Reproduction.bodyFile`).
 */
export const INLINE_BODY_BYTES = 2048;

/** Where the body of a case too long to print is written, under the report's directory. */
export function bodyFilePath(reportPath: string, caseId: string): string {
  return join(dirname(reportPath), 'bodies', `${caseId.replace(/[^A-Za-z0-9_-]/g, '-')}.body`);
}

/**
 * The curl snippet as printed where lines must stay short (console, JUnit, jest): with a body file,
 * its first line (the body, inline as base64) becomes a copy of that file. `bodyFileWritten` false
 * (no report was written): the line says where the body is instead of printing it.
 */
export function printableCurl(reproduce: Reproduction, bodyFileWritten = true): string {
  if (reproduce.bodyFile === undefined) return reproduce.curl;
  const [, ...rest] = reproduce.curl.split('\n');
  const first = bodyFileWritten
    ? `cp ${shellQuote(reproduce.bodyFile)} hookproof-case.body  # the body, too long to print here`
    : "# the body is too long to print here: write report.json and decode the case's request.bodyBase64 into hookproof-case.body";
  return [first, ...rest].join('\n');
}
