/**
 * A distinctive secret with characters that every format escapes differently: a quote and a
 * backslash (JSON), `<`, `&` and `>` (HTML/XML), non-ASCII (\u escapes, percent-encoding).
 */
export const SECRET = 'hp-s3cr3t"<&>é\\-7Qx';

/** Every encoded form of SECRET a leak could take; none may appear in any output. */
export function leakForms(secret: string = SECRET): Record<string, string> {
  const bytes = Buffer.from(secret, 'utf8');
  return {
    raw: secret,
    json: JSON.stringify(secret).slice(1, -1),
    jsonAscii: JSON.stringify(secret)
      .slice(1, -1)
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    html: secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
    percent: encodeURIComponent(secret),
    hex: bytes.toString('hex'),
    hexUpper: bytes.toString('hex').toUpperCase(),
    base64: bytes.toString('base64').replace(/=+$/, ''),
    // Inside a longer base64 text the secret's bytes start at offset 0, 1 or 2 of a 3-byte group.
    base64At1: alignedBase64(bytes, 1),
    base64At2: alignedBase64(bytes, 2),
  };
}

/** The base64 characters made only of the secret's bits when it starts `pad` bytes into a group. */
function alignedBase64(bytes: Buffer, pad: number): string {
  const text = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64');
  return text.slice(Math.ceil((pad * 8) / 6), Math.floor(((pad + bytes.length) * 8) / 6));
}

/** The names of the forms of `secret` found in `text` (empty when none leaked). */
export function leakedForms(text: string, secret: string = SECRET): string[] {
  return Object.entries(leakForms(secret))
    .filter(([, form]) => text.includes(form))
    .map(([name]) => name);
}
