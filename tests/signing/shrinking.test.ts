import type fc from 'fast-check';
import { signatureCaseArbitrary } from '../../src/signing';
import { SIGNATURE_LABELS, type SignatureCase, type SignatureLabel } from '../../src/contract';
import { parseSignatureHeader } from '../../src/contract';
import { EVENT_BODY } from './support/arbitraries';
import { seededRandom } from './support/seededGenerator';

const RECEIVER_SECRETS = ['receiver-secret-current-0001', 'receiver-secret-previous-0002'];
const arbitrary = signatureCaseArbitrary(new Uint8Array(EVENT_BODY), RECEIVER_SECRETS);

/** Generates as fc.assert does, through the public Arbitrary API, keeping the shrink context. */
function generate(offset: number): fc.Value<SignatureCase> {
  return arbitrary.generate(seededRandom(offset), undefined);
}

/** The first few candidates of one shrink step. */
function candidates(value: fc.Value<SignatureCase>, limit = 40): Array<fc.Value<SignatureCase>> {
  return [...arbitrary.shrink(value.value, value.context).take(limit)];
}

/**
 * Follows the first candidate of every step to the end: what fast-check reports when the property
 * keeps failing. Checks each step's other candidates along the way.
 */
function shrinkFully(start: fc.Value<SignatureCase>, check: (shrunk: SignatureCase) => void): SignatureCase {
  let current = start;
  for (let step = 0; step < 2000; step += 1) {
    const next = candidates(current);
    next.forEach((candidate) => check(candidate.value));
    const [first] = next;
    if (first === undefined) return current.value;
    current = first;
  }
  throw new Error(`no end to shrinking ${start.value.label} after 2000 steps`);
}

/** Draws until every label has been seen a few times, so the checks cover them all. */
function startingPoints(perLabel: number): Map<SignatureLabel, Array<fc.Value<SignatureCase>>> {
  const byLabel = new Map<SignatureLabel, Array<fc.Value<SignatureCase>>>(SIGNATURE_LABELS.map((label) => [label, []]));
  for (let offset = 0; offset < 2000 && [...byLabel.values()].some((values) => values.length < perLabel); offset += 1) {
    const value = generate(offset);
    const values = byLabel.get(value.value.label);
    if (values !== undefined && values.length < perLabel) values.push(value);
  }
  return byLabel;
}

const starts = startingPoints(2);

describe('shrinking signature cases', () => {
  it.each(SIGNATURE_LABELS)('never changes the label, requirement or expectation of a %s case', (label) => {
    const values = starts.get(label) ?? [];
    expect(values.length).toBeGreaterThan(0);
    for (const start of values) {
      const { requirement, expected } = start.value;
      shrinkFully(start, (shrunk) => expect({ label: shrunk.label, requirement: shrunk.requirement, expected: shrunk.expected }).toEqual({ label, requirement, expected }));
    }
  });

  const smallest = (label: SignatureLabel): SignatureCase => {
    const [start] = starts.get(label) ?? [];
    if (start === undefined) throw new Error(`no ${label} case was generated`);
    return shrinkFully(start, () => undefined);
  };
  const digests = (header: string | undefined): string[] => {
    const parsed = parseSignatureHeader(header ?? '');
    return parsed.ok ? parsed.digests : [];
  };

  it('shrinks multi-digest cases toward the fewest digests, the matching one first', () => {
    expect(smallest('rotation').detail).toBe('2 digests, the matching one at position 1');
    expect(smallest('no-space-separator').detail).toBe('2 digests joined by "," without a space, the matching one at position 1');
    expect(smallest('uppercase-hex').detail).toBe('1 digest in upper-case hex, the matching one at position 1');
    expect(digests(smallest('none-matching').header)).toHaveLength(2);
  });

  it('shrinks toward the first receiver secret and the smallest defect', () => {
    expect(smallest('valid-single').detail).toBe('1 digest, made with receiver secret 1 of 2');
    expect(smallest('too-short').header).toMatch(/^sha512=[0-9a-f]{127}$/);
    expect(smallest('too-long').header).toMatch(/^sha512=[0-9a-f]{128}0$/);
    expect(smallest('non-hex').header).toMatch(/^sha512=g[0-9a-f]{127}$/);
    expect(smallest('garbage-around').header).toMatch(/^xsha512=[0-9a-f]{128}$/);
    expect(smallest('body-changed').detail).toMatch(/^signed with receiver secret 1 of 2, then byte \d+ changed from .* \(in a JSON string value\)$/);
  });
});
