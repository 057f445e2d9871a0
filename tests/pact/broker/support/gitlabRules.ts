/*
 * GitLab CI's `rules: - if:` expressions, the subset the recipes use, evaluated as GitLab documents
 * them ("CI/CD variable expressions"): `$VAR` alone is true when the variable is defined and not
 * empty; `$VAR == null` when it is undefined; `==` / `!=` compare with a quoted string or null;
 * `&&` binds tighter than `||`; parentheses group. Anything else is an error, so a recipe using
 * more than this fails its test instead of being misread.
 */

type Value = string | null;

/** Whether `expression` holds for a pipeline with these variables (an absent one is undefined). */
export function ruleHolds(expression: string, vars: Readonly<Record<string, string | undefined>>): boolean {
  const tokens = expression.match(/\$[A-Za-z_][A-Za-z0-9_]*|"[^"]*"|'[^']*'|==|!=|&&|\|\||\(|\)|null|\S+/g) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const next = (): string => {
    const token = tokens[at++];
    if (token === undefined) throw new Error(`unexpected end of rule: ${expression}`);
    return token;
  };
  const operand = (): Value | boolean => {
    const token = next();
    if (token === '(') {
      const inner = or();
      if (next() !== ')') throw new Error(`unbalanced parenthesis in rule: ${expression}`);
      return inner;
    }
    if (token === 'null') return null;
    if (token.startsWith('$')) return vars[token.slice(1)] ?? null;
    if (/^(".*"|'.*')$/.test(token)) return token.slice(1, -1);
    throw new Error(`unsupported token ${token} in rule: ${expression}`);
  };
  const comparison = (): boolean => {
    const left = operand();
    const op = peek();
    if (op !== '==' && op !== '!=') return typeof left === 'boolean' ? left : left !== null && left !== '';
    next();
    const right = operand();
    return (left === right) === (op === '==');
  };
  const and = (): boolean => {
    let value = comparison();
    while (peek() === '&&') {
      next();
      value = comparison() && value;
    }
    return value;
  };
  const or = (): boolean => {
    let value = and();
    while (peek() === '||') {
      next();
      value = and() || value;
    }
    return value;
  };
  const result = or();
  if (at !== tokens.length) throw new Error(`unsupported rule: ${expression}`);
  return result;
}
