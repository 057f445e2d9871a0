import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from '@jest/test-result';
import SlowFirstSequencer from './slowFirstSequencer';

const ROOT = join(__dirname, '..', '..');

/** Tests as jest hands them to a sequencer, untimed (as on CI) and all of one size. */
function untimed(paths: readonly string[]): Test[] {
  return paths.map((path) => ({ path: join(ROOT, path), context: { config: { rootDir: ROOT, cache: false }, hasteFS: { getSize: () => 100 } } }) as unknown as Test);
}

describe('the slow tier of npm test', () => {
  it('names files that exist (a moved or renamed file must move here too, or it would run last again)', () => {
    expect(SlowFirstSequencer.SLOW_FIRST.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
    expect(new Set(SlowFirstSequencer.SLOW_FIRST).size).toBe(SlowFirstSequencer.SLOW_FIRST.length);
  });

  it('starts those files first, in their order, and still runs every file once', () => {
    const others = ['tests/jsonPointer.test.ts', 'tests/contracts.test.ts'];
    const slow = [...SlowFirstSequencer.SLOW_FIRST].reverse();
    const sorted = new SlowFirstSequencer({ contexts: [], globalConfig: {} as never }).sort(untimed([others[0] ?? '', ...slow, others[1] ?? '']));
    const order = sorted.map((test) => test.path.slice(ROOT.length + 1));
    expect(order.slice(0, slow.length)).toEqual(SlowFirstSequencer.SLOW_FIRST);
    expect([...order].sort()).toEqual([...slow, ...others].sort());
  });
});
