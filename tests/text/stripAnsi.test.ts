import fc from 'fast-check';
import { stripAnsi } from '../../src/text/stripAnsi';

/** CSI sequences as the Pact core and CLI write them: colours, erases, cursor and mode switches. */
const csi = fc.tuple(fc.stringMatching(/^[0-9;?]{0,6}$/), fc.constantFrom('m', 'K', 'J', 'H', 'A', 'l', 'h')).map(([params, final]) => `\u001b[${params}${final}`);
const plainText = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', ' ', '0', '9', '-', '/', '[', ']', 'm', ';', '?', 'é', '€', '\t', '\n') });

describe('stripAnsi', () => {
  it('removes every CSI sequence woven into text, and leaves the text itself exactly as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(plainText, csi)), plainText, (pieces, tail) => {
        const coloured = pieces.map(([text, sequence]) => text + sequence).join('') + tail;
        expect(stripAnsi(coloured)).toBe(pieces.map(([text]) => text).join('') + tail);
      }),
    );
  });

  it('strips colours and cursor moves alike (the Pact CLI writes both)', () => {
    expect(stripAnsi('\u001b[31mexpected 401\u001b[0m but was \u001b[1;32m202\u001b[0m\u001b[2K\u001b[?25l')).toBe('expected 401 but was 202');
  });
});
