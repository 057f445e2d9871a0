import { parseEvents } from '../../src/cli/input/parseEvents';
import { UsageError } from '../../src/errors';

describe('parseEvents', () => {
  it('reads one JSON event', () => {
    expect(parseEvents('{"type":"ping"}\n', 'e.json')).toEqual([{ kind: 'event', n: 1, event: { type: 'ping' } }]);
  });

  it('reads a pretty-printed event and ignores a BOM', () => {
    expect(parseEvents('\uFEFF{\n  "type": "ping"\n}\n', 'e.json')).toEqual([{ kind: 'event', n: 1, event: { type: 'ping' } }]);
  });

  it('reads a JSON array, numbering from 1', () => {
    expect(parseEvents('[{"a":1},{"b":2}]', 'e.json').map((e) => e.n)).toEqual([1, 2]);
  });

  it('reads NDJSON by line number, skipping blank lines, keeping bad lines as entries', () => {
    const entries = parseEvents('{"a":1}\n\n{"b":2}\r\nnot json\n', 'e.ndjson');
    expect(entries).toEqual([
      { kind: 'event', n: 1, event: { a: 1 } },
      { kind: 'event', n: 3, event: { b: 2 } },
      { kind: 'unparsable', n: 4, message: expect.stringMatching(/^line 4 is not JSON: /) },
    ]);
  });

  it('reports a broken multi-line document once, not once per line', () => {
    const entries = parseEvents('{\n  "type": "ping",\n}\n', 'e.json');
    expect(entries).toEqual([{ kind: 'unparsable', n: 1, message: expect.stringMatching(/^e\.json is not JSON: /) }]);
  });

  it.each([
    ['', 'no events in e.json (it is empty)'],
    [' \n\t\n', 'no events in e.json (it is empty)'],
    ['[]', 'no events in e.json (an empty JSON array)'],
  ])('refuses %j as having no events', (text, message) => {
    expect(() => parseEvents(text, 'e.json')).toThrow(new UsageError(message));
  });
});
