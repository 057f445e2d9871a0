import type { CasePlan, Reproduction } from '../evidence/failure';
import type { RecordedRequest } from '../evidence/recordedRequest';
import type { DerivedDigest } from '../evidence/signatureRecipe';
import { dirname, join } from 'node:path';
import { maskUrlCredentials } from '../redaction/maskUrlCredentials';
import { gridx } from '../contract/gridx';
import { listStatuses } from '../contract/listStatuses';

/** Name of the environment variable holding secret `index` in reproductions (never the value). */
export function secretEnvName(index: number): string {
  return index === 0 ? 'HOOKPROOF_SECRET' : `HOOKPROOF_SECRET_${index + 1}`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Text placed inside a double-quoted shell word, literally. */
function doubleQuoted(text: string): string {
  return text.replace(/[\\"`$]/g, '\\$&');
}

/** The shell lines that compute one derived digest into `$P<n>`, from the secret's variable. */
function digestLines(digest: DerivedDigest, n: number, bodyFile: string, signedFile: string): string[] {
  const file = digest.over === 'signed-body' ? signedFile : bodyFile;
  const lines = [`P${n}=$(openssl dgst -${digest.algorithm} -hmac "$${secretEnvName(digest.secretIndex)}" -r ${file} | cut -d' ' -f1)`];
  const edit = digest.edit;
  if (edit?.kind === 'digit') lines.push(`P${n}=$(printf '%s' "$P${n}" | sed 's/^\\(.\\{${edit.at}\\}\\)./\\1${edit.digit}/')`);
  if (edit?.kind === 'slice') lines.push(`P${n}=$(printf '%s' "$P${n}" | cut -c${edit.start + 1}-${edit.end})`);
  if (edit?.kind === 'around') lines.push(`P${n}=${edit.before}$P${n}${edit.after}`);
  if (digest.upperCase) lines.push(`P${n}=$(printf '%s' "$P${n}" | tr a-f A-F)`);
  return lines;
}

/**
 * The shell lines that send one recorded request: its exact body (via base64, so any byte survives
 * the shell) written to `hookproof-case<suffix>.body`, the header with every derived digest
 * recomputed from $HOOKPROOF_SECRET by openssl, and curl (`&` at the end when `background`).
 * No secret and no digest computed with one is ever written into it.
 */
function sendLines(url: string, request: RecordedRequest, suffix: string, background: boolean): string[] {
  const bodyFile = `hookproof-case${suffix}.body`;
  const signedFile = `hookproof-case${suffix}.signed`;
  const lines = [`printf '%s' ${shellQuote(request.bodyBase64)} | base64 -d > ${bodyFile}`];
  if (request.signature.signedBodyBase64 !== undefined) lines.push(`printf '%s' ${shellQuote(request.signature.signedBodyBase64)} | base64 -d > ${signedFile}`);
  let n = 0;
  const header = (request.signature.parts ?? []).map((part) => {
    if (typeof part === 'string') return doubleQuoted(part);
    n += 1;
    lines.push(...digestLines(part.digest, n, bodyFile, signedFile));
    return `\${P${n}}`;
  });
  const parts = [`curl -sS -i -X POST ${shellQuote(url)}`, `-H 'Content-Type: application/json'`];
  for (const [name, value] of Object.entries(request.headers)) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  // curl drops a header given with an empty value; `Name;` is how it sends one (SIG-5's empty value).
  if (request.signature.parts !== null) parts.push(header.length === 0 ? `-H 'X-Signature;'` : `-H "X-Signature: ${header.join('')}"`);
  parts.push(`--data-binary @${bodyFile}${background ? ' &' : ''}`);
  lines.push(parts.join(' \\\n  '));
  return lines;
}

/** One delivery's shell snippet (see sendLines). */
export function curlCommand(url: string, request: RecordedRequest): string {
  return sendLines(url, request, '', false).join('\n');
}

const ROLE_NOTE: Readonly<Record<CasePlan['deliveries'][number]['role'], string>> = {
  setup: 'must be accepted before the case can be judged',
  judged: 'the delivery judged',
  control: 'a control: send it only if the delivery judged is answered wrongly',
};

/**
 * A case of several deliveries as numbered commands, in the order they were sent; deliveries of one
 * batch are sent at once (`&`, then `wait`).
 */
export function caseCurlCommand(url: string, plan: CasePlan): string {
  const total = plan.deliveries.length;
  const blocks: string[] = [];
  plan.deliveries.forEach((delivery, index) => {
    const next = plan.deliveries[index + 1];
    const batched = delivery.batch !== undefined;
    const lines = [`# ${index + 1}/${total} ${delivery.label} (${ROLE_NOTE[delivery.role]})`, ...sendLines(url, delivery.request, `-${index + 1}`, batched)];
    // A new line after each answer, so the next status line starts its own line.
    if (!batched) lines.push('echo');
    if (batched && next?.batch !== delivery.batch) lines.push('wait');
    if (delivery.role === 'judged' && plan.retries !== undefined) {
      lines.push(
        `# gridX retries this delivery up to five times while it gets ${listStatuses(gridx.statuses.transient)} or no answer, after ${plan.retries.baseDelayMs} ms, then doubling`,
      );
    }
    blocks.push(lines.join('\n'));
  });
  return blocks.join('\n');
}

export function replayCommand(reportPath: string, caseId: string, url: string): string {
  return `npx --no-install hookproof replay ${shellQuote(reportPath)} ${shellQuote(caseId)} --url ${shellQuote(url)}`;
}

/** A password in the URL is replaced: reproductions are printed and stored. */
export function reproduction(url: string, reportPath: string, caseId: string, request: RecordedRequest, plan?: CasePlan): Reproduction {
  const shown = maskUrlCredentials(url);
  // A case of several deliveries prints them all (numbered); every body too long to print goes to a file.
  const curl = plan !== undefined ? caseCurlCommand(shown, plan) : curlCommand(shown, request);
  const long = longBodies(curl).length > 0;
  return { curl, replay: replayCommand(reportPath, caseId, shown), ...(long ? { bodyFile: bodyFilePath(reportPath, caseId) } : {}) };
}

/** A body line of a snippet too long to print: its line, its bytes (base64) and the file curl reads. */
export interface LongBody {
  readonly line: number;
  readonly base64: string;
  /** `hookproof-case.body`, `hookproof-case-2.body`, `hookproof-case-2.signed`… */
  readonly target: string;
}

const BODY_LINE = /^printf '%s' '([A-Za-z0-9+/=]*)' \| base64 -d > (hookproof-case(?:-\d+)?\.(?:body|signed))$/;

// A body line longer than this would wrap on a terminal and bury the summary: it goes to a file too.
const PRINTABLE_LINE = 240;

/** The body lines of a curl snippet too long to print: bodies above {@link INLINE_BODY_BYTES}, or lines over a screen's width. */
export function longBodies(curl: string): LongBody[] {
  return curl.split('\n').flatMap((text, line) => {
    const match = BODY_LINE.exec(text);
    const base64 = match?.[1];
    const target = match?.[2];
    if (base64 === undefined || target === undefined || (text.length <= PRINTABLE_LINE && Buffer.byteLength(base64, 'base64') <= INLINE_BODY_BYTES)) return [];
    return [{ line, base64, target }];
  });
}

/** Where the body a snippet writes to `target` is kept, beside `bodyFile` (the case's first). */
export function keptBodyFile(bodyFile: string, target: string): string {
  const suffix = target.replace(/^hookproof-case/, '');
  return suffix === '.body' ? bodyFile : bodyFile.replace(/\.body$/, suffix);
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
  const bodyFile = reproduce.bodyFile;
  if (bodyFile === undefined) return reproduce.curl;
  const lines = reproduce.curl.split('\n');
  for (const body of longBodies(reproduce.curl)) {
    lines[body.line] = bodyFileWritten
      ? `cp ${shellQuote(keptBodyFile(bodyFile, body.target))} ${body.target}  # the body, too long to print here`
      : `# the body is too long to print here: write report.json and decode it from the case's reproduce.curl into ${body.target}`;
  }
  return lines.join('\n');
}
