import fc from 'fast-check';
import { escapePointerSegment, pointerFromSegments, pointerSegments, unescapePointerSegment } from '../src/jsonPointer';

describe('jsonPointer', () => {
  it('escapes ~ and / as RFC 6901 prescribes', () => {
    expect(escapePointerSegment('a/b~c')).toBe('a~1b~0c');
    expect(escapePointerSegment('~1')).toBe('~01');
    expect(escapePointerSegment(3)).toBe('3');
    expect(pointerFromSegments(['data', 'a/b', 0])).toBe('/data/a~1b/0');
  });

  it('never leaves a / inside an escaped segment', () => {
    fc.assert(fc.property(fc.string(), (name) => expect(escapePointerSegment(name)).not.toContain('/')));
  });

  it('unescaping an escaped segment gives the name back', () => {
    fc.assert(fc.property(fc.string(), (name) => expect(unescapePointerSegment(escapePointerSegment(name))).toBe(name)));
  });

  it('splits a pointer built from segments into the same segments', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (segments) => {
        expect(pointerSegments(pointerFromSegments(segments))).toEqual(segments);
      }),
    );
    expect(pointerSegments('')).toEqual([]);
  });
});
