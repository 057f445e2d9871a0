/**
 * A report with what legitimately changes from run to run taken out: clock times, durations,
 * ports, temporary paths, the runtime's version and the digest over all of them. What is left is
 * what hookproof decided (cases, labels, statuses, findings, reproductions), which a restructuring
 * must not move.
 */
const VOLATILE_KEYS = new Set(['startedAt', 'finishedAt', 'generatedAt', 'receivedAt', 'at', 'digest', 'node', 'platform', 'port', 'durationMs', 'elapsedMs', 'latencyMs']);

// Moments within a run (`atMs`, `answeredAtMs`, `gapsMs`) depend on the machine's load.
function isVolatile(key: string): boolean {
  return VOLATILE_KEYS.has(key) || /(^at|At|gaps)Ms$/.test(key);
}

export function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = isVolatile(key) ? '<volatile>' : normalise(inner);
    return out;
  }
  if (typeof value === 'string') {
    return value
      .replace(/(127\.0\.0\.1|localhost|\[::1\]):\d+/g, '$1:<port>')
      .replace(/\/tmp\/[\w.-]+/g, '<tmp>')
      .replace(/\b\d+(\.\d+)? ?ms\b/g, '<n> ms')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');
  }
  return value;
}
