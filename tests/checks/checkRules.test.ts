import { ChecksInvalidError } from '../../src/errors';
import { CHECKS, validateCatalogue, type Check } from '../../src/checks';
import type { RequirementId } from '../../src/contract/requirements';

/** The catalogue with one check replaced by `change(check)`. */
function withChanged(index: number, change: (check: Check) => Check): Check[] {
  return CHECKS.map((check, i) => (i === index ? change(check) : check));
}

describe('the list of checks rules', () => {
  it('accepts the shipped catalogue', () => {
    expect(validateCatalogue(CHECKS)).toBe(CHECKS);
  });

  it.each<[string, () => readonly Check[], RegExp]>([
    ['an id that is not kebab-case', () => withChanged(0, (c) => ({ ...c, id: 'Not_Kebab' })), /check id "Not_Kebab" is not kebab-case/],
    ['a duplicate id', () => [...CHECKS, CHECKS[0] as Check], /duplicate check id/],
    ['an unknown requirement', () => withChanged(0, (c) => ({ ...c, requirement: 'XYZ-1' as RequirementId })), /cites unknown requirement XYZ-1/],
    ['a severity unlike its requirement', () => withChanged(0, (c) => ({ ...c, severity: c.severity === 'required' ? 'recommended' : 'required' })), / but \S+ is /],
    ['a requirement no check covers', () => CHECKS.filter((c) => c.requirement !== 'SIG-1'), /no check covers SIG-1/],
  ])('refuses %s with a typed CHECKS_INVALID error', (_name, catalogue, message) => {
    let thrown: unknown;
    try {
      validateCatalogue(catalogue());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ChecksInvalidError);
    expect((thrown as ChecksInvalidError).code).toBe('CHECKS_INVALID');
    expect((thrown as Error).message).toMatch(message);
  });
});
