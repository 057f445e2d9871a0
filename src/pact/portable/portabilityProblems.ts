import { bodyBytes } from '../http/exactBody';
import { EXAMPLE_SECRET } from '../http/httpInteraction';
import { planFromState } from '../http/providerStates';
import { planSignature } from '../http/planSignature';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why a pact's signed interactions would not reach a verifier unchanged through a Pact Broker, one
 * line each (none: it is portable). A broker stores and serves the document as parsed JSON, so only
 * what survives a parse and a re-serialisation is kept: a body written as JSON data (`encoded:
 * false`) comes back with other bytes (the Pact tools sort its keys and drop its spaces), so the
 * signature no longer matches; a string with a lone surrogate cannot be stored as UTF-8 at all.
 * A body written as its exact text (`encoded: "json"`) is a string and survives.
 *
 * Checked for every interaction whose provider state is one of hookproof's signing states: its
 * example signature must still sign its body's bytes with the example secret, so an edit to either
 * after generation is caught here, before a partner's verifier fails on it.
 */
export function portabilityProblems(pact: unknown): string[] {
  const problems: string[] = [];
  const lone = loneSurrogatePath(pact, '$');
  if (lone !== undefined) problems.push(`${lone} holds a lone UTF-16 surrogate, which no broker can store as UTF-8`);
  const interactions = isObject(pact) && Array.isArray(pact.interactions) ? (pact.interactions as unknown[]) : [];
  const meta = isObject(pact) && isObject(pact.metadata) && isObject(pact.metadata.hookproof) ? pact.metadata.hookproof : {};
  const secret = typeof meta.exampleSecret === 'string' ? meta.exampleSecret : EXAMPLE_SECRET;
  interactions.forEach((interaction, i) => {
    if (!isObject(interaction) || !isObject(interaction.request)) return;
    const name = typeof interaction.description === 'string' ? `"${interaction.description}"` : `interaction ${i}`;
    const problem = signedInteractionProblem(interaction, interaction.request, secret);
    if (problem !== undefined) problems.push(`${name}: ${problem}`);
  });
  return problems;
}

function signedInteractionProblem(interaction: Json, request: Json, secret: string): string | undefined {
  const states = Array.isArray(interaction.providerStates) ? (interaction.providerStates as unknown[]).filter(isObject) : [];
  let plan: ReturnType<typeof planFromState>;
  try {
    plan = states.map((s) => planFromState(typeof s.name === 'string' ? s.name : '', s.params)).find((p) => p !== undefined);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (plan === undefined) return undefined;
  const body = request.body;
  if (!isObject(body) || typeof body.content !== 'string' || typeof body.encoded !== 'string') {
    return 'its request body is JSON data, not its exact text (encoded: "json"): a broker and the verifiers re-serialise it (keys sorted, spaces dropped), so its signature would no longer match its bytes; regenerate it with hookproof pact generate';
  }
  if (body.encoded.toLowerCase() === 'json') {
    try {
      JSON.parse(body.content);
    } catch {
      return 'its request body is marked encoded: "json" but is not JSON';
    }
  }
  const bytes = bodyBytes(body) ?? Buffer.alloc(0);
  const headers = isObject(request.headers) ? request.headers : {};
  const key = Object.keys(headers).find((h) => h.toLowerCase() === plan.header.toLowerCase());
  const raw = key === undefined ? undefined : headers[key];
  const given = Array.isArray(raw) ? raw.join(', ') : typeof raw === 'string' ? raw : undefined;
  const expected = planSignature(plan, bytes, [secret]);
  if (given !== expected) {
    return expected === undefined
      ? `it must carry no ${plan.header} header, and carries one`
      : `its example ${plan.header} does not sign its body's bytes as its provider state says: the body or the header was changed after generation`;
  }
  return undefined;
}

/** The JSON path of the first string (or key) holding a lone surrogate, if any. */
function loneSurrogatePath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = loneSurrogatePath(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isObject(value)) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (hasLoneSurrogate(key)) return `${path} (a key)`;
    const found = loneSurrogatePath(child, `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
