/*
 * GitHub Actions' `if:` expressions, the subset the recipe's jobs use, evaluated as GitHub documents
 * them ("Expressions"): context paths (`github.event.pull_request.head.repo.full_name`, a missing
 * one is null), single-quoted strings, `==` / `!=` (strings compared case-insensitively), `&&`
 * binding tighter than `||`, `!`, parentheses, and `${{ }}` around the whole. Anything else is an
 * error, so a recipe using more than this fails its test instead of being misread.
 */

type Value = string | boolean | null;

function lookup(context: unknown, path: string): Value {
  let here: unknown = context;
  for (const key of path.split('.')) here = typeof here === 'object' && here !== null ? (here as Record<string, unknown>)[key] : undefined;
  return typeof here === 'string' || typeof here === 'boolean' ? here : null;
}

function truthy(value: Value): boolean {
  return value !== null && value !== false && value !== '';
}

/** Whether a job's `if:` holds for this `github` context. */
export function githubIfHolds(expression: string, github: unknown): boolean {
  const text = expression.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const tokens = text.match(/'[^']*'|==|!=|&&|\|\||!|\(|\)|[A-Za-z_][\w.-]*|\S+/g) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const next = (): string => {
    const token = tokens[at++];
    if (token === undefined) throw new Error(`unexpected end of expression: ${expression}`);
    return token;
  };
  const operand = (): Value => {
    const token = next();
    if (token === '!') return !truthy(operand());
    if (token === '(') {
      const inner = or();
      if (next() !== ')') throw new Error(`unbalanced parenthesis: ${expression}`);
      return inner;
    }
    if (token.startsWith("'")) return token.slice(1, -1);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token.startsWith('github.')) return lookup(github, token.slice('github.'.length));
    throw new Error(`unsupported token ${token} in: ${expression}`);
  };
  const comparison = (): Value => {
    const left = operand();
    const op = peek();
    if (op !== '==' && op !== '!=') return left;
    next();
    const right = operand();
    const same = typeof left === 'string' && typeof right === 'string' ? left.toLowerCase() === right.toLowerCase() : left === right;
    return same === (op === '==');
  };
  const and = (): Value => {
    let value = comparison();
    while (peek() === '&&') {
      next();
      const right = comparison();
      value = truthy(value) ? right : value;
    }
    return value;
  };
  const or = (): Value => {
    let value = and();
    while (peek() === '||') {
      next();
      const right = and();
      value = truthy(value) ? value : right;
    }
    return value;
  };
  const result = or();
  if (at !== tokens.length) throw new Error(`unsupported expression: ${expression}`);
  return truthy(result);
}
