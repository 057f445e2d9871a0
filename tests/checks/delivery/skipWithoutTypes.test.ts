import { NO_TYPES_NOTE, skipWith, skipWithoutTypes } from '../../../src/checks/skipWithoutTypes';
import { defaultEngine } from '../../support/engine';
import { runCheckOnReference } from '../support/runCheck';

// The delivery checks learn "no type" from envelopeFields, not from ctx.types: they must still
// skip the one way every other check does, with the same outcome.
describe('the delivery checks without a non-deprecated type', () => {
  const deprecated = defaultEngine().catalogue.types.find((t) => t.deprecated);

  it.each(['dlv-duplicate-accepted', 'dlv-out-of-order', 'dlv-concurrent', 'dlv-transient-retried'])('%s skips as skipWithoutTypes does', async (id) => {
    expect(deprecated).toBeDefined();
    const report = await runCheckOnReference(id, { types: [deprecated?.type ?? ''] });
    expect(report).toMatchObject({ id, ...skipWithoutTypes([]) });
  });

  it('skipWith is the skip skipWithoutTypes returns, with any note', () => {
    expect(skipWith(NO_TYPES_NOTE)).toEqual(skipWithoutTypes([]));
    expect(skipWith('no shared envelope')).toEqual({ status: 'skip', cases: 0, failures: [], note: 'no shared envelope' });
  });
});
