import { escapeHtml } from '../text/escapeHtml';
import { escapeXmlAttribute } from '../text/escapeXml';

/**
 * The ways a secret can show up in hookproof's outputs: raw; escaped as in a JSON string (also
 * with every non-ASCII character as `\uXXXX`); HTML/XML-escaped; percent- and form-encoded (a URL
 * query); single-quote escaped for a shell (the curl reproduction); hex of its UTF-8 bytes; and the
 * base64 text its bytes produce at each of the three byte alignments (bodies are stored base64).
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([
    secret,
    JSON.stringify(secret).slice(1, -1),
    asciiJson(secret),
    escapeHtml(secret),
    escapeXmlAttribute(secret),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    secret.replace(/'/g, `'\\''`),
  ]);
  const bytes = Buffer.from(secret, 'utf8');
  forms.add(bytes.toString('hex'));
  forms.add(bytes.toString('hex').toUpperCase());
  for (const core of base64Cores(bytes)) {
    forms.add(core);
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms];
}

/** JSON string content with every character outside printable ASCII written as `\uXXXX`. */
function asciiJson(secret: string): string {
  return JSON.stringify(secret)
    .slice(1, -1)
    .replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Base64 groups 3 bytes into 4 characters, so the secret's bytes encode differently depending on
 * their offset modulo 3. For each offset, the characters made only of the secret's bits are fixed
 * whatever surrounds them: those are what any base64 text containing the secret contains.
 */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (const pad of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64');
    const first = Math.ceil((pad * 8) / 6);
    const end = Math.floor(((pad + bytes.length) * 8) / 6);
    if (end > first) cores.push(encoded.slice(first, end));
  }
  return cores;
}
