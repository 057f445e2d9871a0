import { compactJson } from '../serialise/compactJson';
import type { BrokenSide, EmpiricalResult, SchemaChange, SpecDiff } from './specDiff';

const MAX_EXAMPLE_CHARS = 2000;

/**
 * `hookproof diff` as text lines: type and field additions and removals, breaking changes (by who
 * they break), other changes, the empirical proof with one shrunk example per type and direction,
 * and a verdict line. Changes shared by several types (an envelope field, a shared data schema)
 * are printed once with the list of types.
 */
export function renderDiff(diff: SpecDiff): string[] {
  const lines = [`hookproof diff  OLD ${diff.old.path}  →  NEW ${diff.new.path}`, ''];
  const { added, removed, common } = diff.types;
  lines.push(`event types: ${added.length} added, ${removed.length} removed, ${common.length} in both`);
  for (const type of added) lines.push(`  + ${type}`);
  for (const type of removed) lines.push(`  - ${type}`);

  const fieldGroups = groupBy(
    diff.fields.flatMap((f) => [...f.added.map((p) => ({ type: f.type, key: `+ ${p}` })), ...f.removed.map((p) => ({ type: f.type, key: `- ${p}` }))]),
    (entry) => entry.key,
  );
  if (fieldGroups.length > 0) {
    lines.push('', 'fields (JSON pointers):');
    for (const [key, entries] of fieldGroups)
      lines.push(
        `  ${key}  in ${typeList(
          entries.map((e) => e.type),
          common.length,
        )}`,
      );
  }

  const breaking = diff.changes.filter((c) => c.breaks.length > 0);
  const other = diff.changes.filter((c) => c.breaks.length === 0);
  lines.push('', breaking.length === 0 ? 'breaking changes: none found in the schemas' : 'breaking changes:');
  for (const [, group] of groupChanges(breaking)) lines.push(changeLine(group, common.length, true));
  if (other.length > 0) {
    lines.push('', 'other changes:');
    for (const [, group] of groupChanges(other)) lines.push(changeLine(group, common.length, false));
  }

  lines.push('', ...empiricalLines(diff));
  lines.push('', verdictLine(diff));
  return lines;
}

function changeLine(group: readonly SchemaChange[], commonCount: number, withSides: boolean): string {
  const first = group[0] as SchemaChange;
  const where = first.pointer === '' ? '' : `  ${first.pointer}`;
  const who = withSides ? `${first.breaks.map((s) => `breaks ${s}s`).join(', ')}  ` : '';
  return `  ${who}${typeList(
    group.map((c) => c.type),
    commonCount,
  )}${where}  ${first.kind}: ${first.message}`;
}

function empiricalLines(diff: SpecDiff): string[] {
  if (!diff.empirical.ran) return ['empirical check: not run (--no-empirical)'];
  const { runs, seed, results } = diff.empirical;
  const lines = [`empirical check: ${runs} generated events per type in both specs and direction, seed ${seed}`];
  for (const side of ['receiver', 'sender'] as const) {
    const found = results.filter((r) => r.breaks === side && r.counterexample !== undefined);
    const [producer, judge] = side === 'receiver' ? ['NEW', 'OLD'] : ['OLD', 'NEW'];
    if (found.length === 0) {
      lines.push(`  ${side}s: every event generated under ${producer} is valid under ${judge} (${plural(results.filter((r) => r.breaks === side).length, 'type')})`);
      continue;
    }
    const consequence = side === 'receiver' ? 'a receiver built for OLD may reject it' : 'a sender on OLD still sends it';
    lines.push(`  ${side}s: valid under ${producer} but rejected by ${judge} (${consequence}), in ${plural(found.length, 'type')}:`);
    for (const result of found) lines.push(...exampleLines(result));
  }
  const unconfirmed = unconfirmedBreaks(diff);
  if (unconfirmed.length > 0) {
    lines.push(`  not shown by generated events (the schema change stands; a larger --runs may find one): ${unconfirmed.join(', ')}`);
  }
  return lines;
}

function exampleLines(result: EmpiricalResult): string[] {
  const example = result.counterexample;
  if (example === undefined) return [];
  const json = compactJson(example.event);
  const shown = json.length > MAX_EXAMPLE_CHARS ? `${json.slice(0, MAX_EXAMPLE_CHARS)}… (${json.length} characters)` : json;
  return [`    ${result.type}`, ...example.issues.map((issue) => `      ${issue.pointer === '' ? '(root)' : issue.pointer}: ${issue.message}`), `      example: ${shown}`];
}

/** "type (side)" pairs a schema change says break but no generated event showed. */
function unconfirmedBreaks(diff: SpecDiff): string[] {
  const shown = new Set(diff.empirical.results.filter((r) => r.counterexample !== undefined).map((r) => `${r.type} (${r.breaks})`));
  const common = new Set(diff.types.common);
  const claimed = new Set(diff.changes.filter((c) => common.has(c.type)).flatMap((c) => c.breaks.map((s) => `${c.type} (${s})`)));
  return [...claimed].filter((key) => !shown.has(key)).sort();
}

function verdictLine(diff: SpecDiff): string {
  if (!diff.breaking) return 'verdict: no breaking change (exit 0)';
  const sides = (['receiver', 'sender'] as const).filter((s: BrokenSide) => diff.breaks[s]).map((s) => `${s}s`);
  return `verdict: BREAKING for ${sides.join(' and ')} (exit 1)`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function typeList(types: readonly string[], commonCount: number): string {
  const unique = [...new Set(types)];
  return unique.length > 3 && unique.length === commonCount ? `all ${commonCount} types in both` : unique.join(', ');
}

function groupChanges(changes: readonly SchemaChange[]): Array<[string, SchemaChange[]]> {
  return groupBy(changes, (c) => JSON.stringify([c.pointer, c.kind, c.message, c.breaks]));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
}
