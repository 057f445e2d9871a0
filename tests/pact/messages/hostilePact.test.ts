import fc from 'fast-check';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PactFileInvalidError } from '../../../src/errors';
import { backtrackingRisk } from '../../../src/pact/messages/backtrackingRisk';
import { MAX_PACT_FILE_BYTES, readMessagePact } from '../../../src/pact/messages/messagePactFile';
import { ruleAccepts } from '../../../src/pact/messages/ruleAccepts';
import { MAX_RULE_PATH_STEPS, parseRulePath } from '../../../src/pact/messages/rulePath';
import { tmp } from '../../recheck/support';

const regexRule = (regex: string): Parameters<typeof ruleAccepts>[0] => ({ path: '$.id', combine: 'AND', matchers: [{ match: 'regex', regex }] });

describe('pact verify-messages bounds the work a hostile pact file can ask for', () => {
  it('does not run regexes that backtrack exponentially in V8: their matcher is unchecked, at once', () => {
    const attack = `${'a'.repeat(40)}!`;
    for (const regex of ['^(a+)+$', '^(a*)*$', '(a|a)*$', '^(a|aa){2,}$', '((ab)*c?)+', '^(\\d+x?)+$', '(?:a+){3,}']) {
      const verdict = ruleAccepts(regexRule(regex), attack, 'a');
      expect(verdict).toMatchObject({ ok: 'unchecked', reason: expect.stringContaining(`does not run the regex ${regex}`) });
    }
  });

  it('runs every regex of the shapes contracts use, as before', () => {
    const safe = [
      '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      '^(gateway|ev)/[a-z-]+$',
      '^\\d{4}-\\d{2}-\\d{2}$',
      '^(ab)?c+$',
      '^(a){1}b*$',
      '^[(+)]+$',
      '^\\(a+\\)+$',
    ];
    for (const regex of safe) expect(backtrackingRisk(regex)).toBeUndefined();
    expect(ruleAccepts(regexRule('^(gateway|ev)/[a-z-]+$'), 'ev/plugged', 'x')).toEqual({ ok: true });
    expect(ruleAccepts(regexRule('^(gateway|ev)/[a-z-]+$'), 'EV/plugged', 'x')).toMatchObject({ ok: false });
  });

  it('flags a group quantifier over any quantified body, however it is nested', () => {
    fc.assert(
      fc.property(fc.constantFrom('a+', 'b*', '\\d{2,}', '(c+)', '(?:x|y)'), fc.constantFrom('+', '*', '{2,}', '{1,5}'), fc.constantFrom('', '^', 'z'), (inner, outer, prefix) => {
        expect(backtrackingRisk(`${prefix}(${inner})${outer}`)).toBeDefined();
      }),
    );
  });

  it('reads a rule path of 50,000 steps as unreadable, without building it', () => {
    expect(parseRulePath(`$${'.a'.repeat(MAX_RULE_PATH_STEPS)}`)).toHaveLength(MAX_RULE_PATH_STEPS);
    expect(parseRulePath(`$${'.a'.repeat(MAX_RULE_PATH_STEPS + 1)}`)).toBeUndefined();
    expect(parseRulePath(`$${'.a'.repeat(50_000)}`)).toBeUndefined();
  });

  it('refuses a pact file larger than the cap, in one line', () => {
    const path = join(tmp('hookproof-pact-'), 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, MAX_PACT_FILE_BYTES + 1);
    expect(() => readMessagePact(path)).toThrow(PactFileInvalidError);
    expect(() => readMessagePact(path)).toThrow(/is larger than 8 MiB/);
  });
});
