import { createHash } from 'node:crypto';

/** The event id and type a body carries, and the key its retries are grouped by. */
export interface EventIdentity {
  readonly key: string;
  readonly id: string | undefined;
  readonly type: string | undefined;
}

/** Reads `id` and `type` from a JSON body; without a string id the key is `sha256:<hex>` of the bytes. */
export function eventIdentity(body: Buffer): EventIdentity {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    value = undefined;
  }
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const id = typeof record.id === 'string' ? record.id : undefined;
  const type = typeof record.type === 'string' ? record.type : undefined;
  return { key: id ?? `sha256:${createHash('sha256').update(body).digest('hex')}`, id, type };
}
