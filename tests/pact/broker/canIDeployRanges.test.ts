import fc from 'fast-check';
import { UsageError } from '../../../src/errors';
import { OPTION_RANGES } from '../../../src/optionRanges';
import { canIDeploy } from '../../../src/pact/broker/canIDeploy';
import { cleanEnv, pactCli } from './support/cli';

// The library and the CLI must agree on the retry options' ranges: once the library refused 500
// retries that the CLI (and README) accept. Without a broker URL neither gets as far as the Pact
// CLI, so an accepted value shows as the same "no Pact Broker URL" refusal from both.
const NO_BROKER_URL = 'no Pact Broker URL: pass --broker-url URL or set PACT_BROKER_BASE_URL';
const base = { pacticipant: 'acme-receiver', version: '1.2.3', toEnvironment: 'production' } as const;
const retryOptions = [
  { option: '--retry-while-unknown', field: 'retryWhileUnknown' },
  { option: '--retry-interval', field: 'retryIntervalSeconds' },
] as const;

async function libraryRefusal(field: (typeof retryOptions)[number]['field'], value: number): Promise<UsageError> {
  const refused: unknown = await canIDeploy({ ...base, [field]: value }, {}).then(
    () => new Error('canIDeploy resolved without a broker URL'),
    (error: unknown) => error,
  );
  if (!(refused instanceof UsageError)) throw new Error(`expected a UsageError, got ${String(refused)}`);
  return refused;
}

async function cliRefusal(option: string, value: number): Promise<{ code: number; stderr: string[] }> {
  const run = await pactCli(
    ['can-i-deploy', '--pacticipant', base.pacticipant, '--version', base.version, '--to-environment', base.toEnvironment, option, String(value)],
    cleanEnv(),
  );
  return { code: run.code, stderr: run.stderr };
}

describe('can-i-deploy retry options: the library accepts exactly what the CLI accepts', () => {
  it.each(retryOptions)('$option: the range max is accepted, max + 1 refused with the CLI message', async ({ option, field }) => {
    const { max } = OPTION_RANGES[option];
    expect((await libraryRefusal(field, max)).message).toBe(NO_BROKER_URL);
    const overMessage = `${option} must be a whole number from ${OPTION_RANGES[option].min} to ${max}, got "${max + 1}"`;
    expect((await libraryRefusal(field, max + 1)).message).toBe(overMessage);
    expect(await cliRefusal(option, max + 1)).toEqual({ code: 2, stderr: [`hookproof: ${overMessage}`] });
  });

  it('any whole number around either range gets the same answer from both', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...retryOptions).chain((o) => {
          const { min, max } = OPTION_RANGES[o.option];
          return fc.tuple(fc.constant(o), fc.oneof(fc.integer({ min: min - 3, max: min + 3 }), fc.integer({ min: max - 3, max: max + 3 }), fc.integer({ min: 0, max: 5000 })));
        }),
        async ([{ option, field }, value]) => {
          const library = await libraryRefusal(field, value);
          expect(await cliRefusal(option, value)).toEqual({ code: 2, stderr: [`hookproof: ${library.message}`] });
        },
      ),
      { numRuns: 40 },
    );
  });
});
