import { buildHttpPact, httpPactJson, WITHOUT_SIG8_FILTER } from '../../../src/pact/http';
import { contentVersion } from '../../../src/pact/portable';
import { VERSION } from '../../../src/version';
import { defaultEngine } from '../../support/engine';

describe('what a generated contract records, and its pact-js variant', () => {
  const { catalogue } = defaultEngine();
  const build = (options: Partial<Parameters<typeof buildHttpPact>[1]> = {}): ReturnType<typeof buildHttpPact> =>
    buildHttpPact(catalogue, { provider: 'acme', types: ['ping', 'ev/plugged'], ...options });

  it('records the hookproof version and the generation options; the same inputs give the same bytes and version', () => {
    const pact = build({ path: '/in?t=1' });
    expect(pact.metadata.hookproof).toEqual(
      expect.objectContaining({ version: VERSION, options: { path: '/in?t=1', types: ['ev/plugged', 'ping'], includeDeprecated: false, for: 'all' } }),
    );
    const bytes = (p: ReturnType<typeof build>): Buffer => Buffer.from(httpPactJson(p));
    const version = (p: ReturnType<typeof build>): string => contentVersion(p.metadata.hookproof.specSha256, [bytes(p)]);
    expect(version(build({ path: '/in?t=1', types: ['ev/plugged', 'ping'] }))).toBe(version(pact));
    // Another path or another selection of types is another content, so another version.
    const versions = new Set([pact, build({ path: '/other' }), build({ types: ['ping'] }), build({ for: 'pact-js' })].map(version));
    expect(versions.size).toBe(4);
    expect([...versions].every((v) => v.startsWith(`${catalogue.spec.sha256.slice(0, 12)}+`))).toBe(true);
  });

  it('--for pact-js leaves out SIG-8 only; the documented description filter selects every interaction but SIG-8', () => {
    const full = build().interactions.map((i) => i.description);
    const variant = build({ for: 'pact-js' }).interactions.map((i) => i.description);
    expect(full.filter((d) => !variant.includes(d)).map((d) => d.split(' ')[0])).toEqual(['SIG-8']);
    const filter = new RegExp(WITHOUT_SIG8_FILTER);
    expect(full.filter((d) => filter.test(d))).toEqual(variant);
    const sig8 = build().interactions.find((i) => i.description.startsWith('SIG-8 '));
    expect(sig8?.comments.text.at(-1)).toContain(`PACT_DESCRIPTION='${WITHOUT_SIG8_FILTER}'`);
  });
});
