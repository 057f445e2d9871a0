/**
 * Why a regex could take exponential time in JavaScript's backtracking engine, or undefined when it
 * has neither shape that does: a quantified group that itself holds a quantifier (`(a+)+`,
 * `(\d*x?)*`) or an alternation (`(a|a)*`, `(a|ab){2,}`). The Pact core runs regexes with Rust's
 * linear-time engine, where these are harmless; hookproof runs them with V8's, where `^(a+)+$`
 * against "aaaa…!" runs for minutes. A pact file is input from outside, so such a regex is not
 * run: its matcher is reported unchecked. Contract regexes (formats, ids, enumerations) do not
 * need either shape.
 */
export function backtrackingRisk(pattern: string): string | undefined {
  // For each open group: whether it holds a quantifier or an alternation so far.
  const groups: Array<{ quantified: boolean; alternation: boolean }> = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') groups.push({ quantified: false, alternation: false });
    else if (c === '|') {
      const top = groups[groups.length - 1];
      if (top !== undefined) top.alternation = true;
    } else if (c === ')') {
      const closed = groups.pop();
      if (closed === undefined) continue;
      const quantifiedGroup = isQuantifier(pattern, i + 1);
      if (quantifiedGroup && closed.quantified) return 'a quantified group holds another quantifier (nested repetition)';
      if (quantifiedGroup && closed.alternation) return 'a quantified group holds an alternation';
      // What the group held, or its own quantifier, makes its parent hold a quantifier too.
      const parent = groups[groups.length - 1];
      if (parent !== undefined && (closed.quantified || quantifiedGroup)) parent.quantified = true;
      if (parent !== undefined && closed.alternation) parent.alternation = true;
    } else if (isQuantifier(pattern, i)) {
      const top = groups[groups.length - 1];
      if (top !== undefined) top.quantified = true;
    }
  }
  return undefined;
}

/** Whether a repetition (`*`, `+`, `{n,}`, `{n,m}` with m > 1) starts at `i`; `?` and `{1}` repeat nothing. */
function isQuantifier(pattern: string, i: number): boolean {
  const c = pattern[i];
  if (c === '*' || c === '+') return true;
  if (c !== '{') return false;
  const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
  if (braces === null) return false;
  if (braces[2] === undefined) return Number(braces[1]) > 1;
  return braces[3] === '' || Number(braces[3]) > 1;
}
