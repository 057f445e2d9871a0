import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * A unit of the layering: a top-level folder of src/ (`runner`) or a file directly in src/
 * (`errors.ts`). Imports inside one unit are free; imports between units must go down.
 */
export type Unit = string;

/** One import of one unit by another, with the file that makes it. */
export interface UnitImport {
  readonly from: Unit;
  readonly to: Unit;
  readonly file: string;
}

/** What breaks the declared order: an import of a unit not below, a cycle, a unit no tier names. */
export type LayerViolation =
  | { readonly kind: 'upward'; readonly from: Unit; readonly to: Unit; readonly files: readonly string[] }
  | { readonly kind: 'cycle'; readonly units: readonly Unit[] }
  | { readonly kind: 'undeclared'; readonly unit: Unit };

/**
 * Checks an import graph against tiers listed bottom first: a unit may import units of its own
 * tier or of lower tiers, never of a tier above, and no set of units may import each other in a
 * cycle (which is what keeps peers of one tier in an order). Every unit that imports or is
 * imported must be in a tier.
 */
export function checkLayers(tiers: readonly (readonly Unit[])[], imports: readonly UnitImport[]): LayerViolation[] {
  const tierOf = new Map<Unit, number>();
  tiers.forEach((units, index) => units.forEach((unit) => tierOf.set(unit, index)));
  const violations: LayerViolation[] = [];
  const units = [...new Set(imports.flatMap((i) => [i.from, i.to]))].sort();
  for (const unit of units) if (!tierOf.has(unit)) violations.push({ kind: 'undeclared', unit });
  const upward = new Map<string, { from: Unit; to: Unit; files: Set<string> }>();
  for (const { from, to, file } of imports) {
    const a = tierOf.get(from);
    const b = tierOf.get(to);
    if (from === to || a === undefined || b === undefined || b <= a) continue;
    const key = `${from} -> ${to}`;
    const entry = upward.get(key) ?? { from, to, files: new Set<string>() };
    entry.files.add(file);
    upward.set(key, entry);
  }
  for (const { from, to, files } of upward.values()) violations.push({ kind: 'upward', from, to, files: [...files].sort() });
  for (const cycle of cyclesOf(imports)) violations.push({ kind: 'cycle', units: cycle });
  return violations;
}

/** The strongly connected components of more than one unit (Tarjan), each sorted. */
function cyclesOf(imports: readonly UnitImport[]): Unit[][] {
  const next = new Map<Unit, Set<Unit>>();
  for (const { from, to } of imports) if (from !== to) next.set(from, (next.get(from) ?? new Set()).add(to));
  const index = new Map<Unit, number>();
  const low = new Map<Unit, number>();
  const stack: Unit[] = [];
  const onStack = new Set<Unit>();
  const found: Unit[][] = [];
  const visit = (unit: Unit): void => {
    const own = index.size;
    index.set(unit, own);
    low.set(unit, own);
    stack.push(unit);
    onStack.add(unit);
    for (const to of next.get(unit) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(unit, Math.min(low.get(unit) ?? own, low.get(to) ?? own));
      } else if (onStack.has(to)) {
        low.set(unit, Math.min(low.get(unit) ?? own, index.get(to) ?? own));
      }
    }
    if (low.get(unit) !== own) return;
    const component: Unit[] = [];
    let member: Unit | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== unit);
    if (component.length > 1) found.push(component.sort());
  };
  for (const unit of [...next.keys()].sort()) if (!index.has(unit)) visit(unit);
  return found;
}

/** One line per violation, naming the files that make an upward import. */
export function describeViolation(violation: LayerViolation): string {
  switch (violation.kind) {
    case 'upward':
      return `${violation.from} imports ${violation.to}, which is above it: ${violation.files.join(', ')}`;
    case 'cycle':
      return `import cycle between ${violation.units.join(', ')}`;
    case 'undeclared':
      return `${violation.unit} is in no tier: place it in the declared order`;
  }
}

// Static imports and re-exports (`from '…'`), side-effect imports, `import('…')` types and
// dynamic imports, and `require('…')`: every way a file of src/ names another.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;

/** Every relative import between units of the source tree under `srcDir`, by file (paths relative to `srcDir`). */
export function importsOfTree(srcDir: string): UnitImport[] {
  const root = resolve(srcDir);
  return sourceFiles(root).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const from = unitOf(root, file);
    return [...text.matchAll(IMPORT)].flatMap((match) => {
      const target = resolve(dirname(file), match[1] ?? '.');
      // Outside src/ (package.json): not a unit of the layering.
      if (relative(root, target).startsWith('..')) return [];
      return [{ from, to: unitOf(root, target), file: relative(root, file).split(sep).join('/') }];
    });
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The unit a path (a file, a module path without extension, or a folder) belongs to. */
function unitOf(root: string, path: string): Unit {
  const [first = '', ...rest] = relative(root, path).split(sep);
  if (rest.length > 0) return first;
  const bare = first.replace(/\.(ts|js)$/, '');
  const asFolder = join(root, bare);
  return existsSync(asFolder) && statSync(asFolder).isDirectory() ? bare : `${bare}.ts`;
}
