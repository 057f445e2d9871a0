import { canonicalize } from '../../attest/canonicalJson';
import { bodyBytes } from '../http/exactBody';
import { portabilityProblems } from './portabilityProblems';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a broker adds to a document it serves, which says nothing about the contract. */
const BROKER_ADDITIONS = new Set(['_links', '_id', '_embedded']);

/**
 * How `copy` (a broker's copy of a pact) differs from `original` (what was published), one line
 * each; none when every interaction survived: the same description, provider states, method, path,
 * query, headers, matching rules and expected answer, every body byte for byte, and every example
 * signature still signing its body. The broker may add `_links` (and interaction `_id`s) and lay
 * the document out its own way: key order and whitespace around the interactions do not count.
 */
export function contractDifferences(original: unknown, copy: unknown): string[] {
  const before = interactionsOf(original);
  const after = interactionsOf(copy);
  const problems: string[] = [];
  if (before.length !== after.length) problems.push(`${before.length} interactions were published, the broker's copy has ${after.length}`);
  before.forEach((interaction, i) => {
    const other = after[i];
    if (other === undefined) return;
    const name = typeof interaction.description === 'string' ? `"${interaction.description}"` : `interaction ${i}`;
    const a = normalised(interaction);
    const b = normalised(other);
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => canonicalize(a[k] ?? null) !== canonicalize(b[k] ?? null));
    if (fields.length > 0) problems.push(`${name} changed: ${fields.join(', ')}`);
  });
  problems.push(...portabilityProblems(copy).map((p) => `in the broker's copy, ${p}`));
  return problems;
}

function interactionsOf(pact: unknown): Json[] {
  if (!isObject(pact)) return [];
  const list = Array.isArray(pact.interactions) ? pact.interactions : Array.isArray(pact.messages) ? pact.messages : [];
  return (list as unknown[]).filter(isObject);
}

/** The interaction as fields to compare: bodies as their bytes (base64), broker additions left out. */
function normalised(interaction: Json): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(interaction)) {
    if (BROKER_ADDITIONS.has(key)) continue;
    if ((key === 'request' || key === 'response') && isObject(value)) {
      for (const [part, inner] of Object.entries(value)) out[`${key}.${part}`] = part === 'body' ? bytesOf(inner) : inner;
    } else out[key] = key === 'contents' ? bytesOf(value) : value;
  }
  return out;
}

function bytesOf(body: unknown): string | null {
  return bodyBytes(body)?.toString('base64') ?? null;
}
