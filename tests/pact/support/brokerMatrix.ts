import type { MatrixEntry } from './fakeBroker';

// `GET /matrix` of the fake broker: see fakeBroker.ts for the documents it follows.

/** `GET /matrix` for one selector and an environment, in the MatrixDecorator's shape. */
export function matrix(base: string, query: ReadonlyArray<readonly [string, string]>, entries: readonly MatrixEntry[]): [number, unknown] {
  const value = (name: string): string | undefined => query.find(([key]) => key === name)?.[1];
  const pacticipant = value('q[][pacticipant]');
  const version = value('q[][version]');
  const environment = value('environment');
  if (pacticipant === undefined) return [400, { errors: { q: ['Please provide 1 or more version selectors.'] } }];
  // As the broker's Matrix::Service validates selectors: an unknown pacticipant or environment is a
  // 400; a known pacticipant's unknown version is an answer, and not a deployable one.
  if (!entries.some((e) => e.pacticipant === pacticipant || e.provider.name === pacticipant)) return [400, { errors: { q: [`Pacticipant ${pacticipant} not found`] } }];
  if (environment !== undefined && !entries.some((e) => e.environment === environment)) return [400, { errors: { q: [`Environment with name '${environment}' does not exist`] } }];
  const entry = entries.find((e) => e.pacticipant === pacticipant && e.version === version && e.environment === environment);
  if (entry === undefined) {
    const reason = `There is no verified pact between the version ${version ?? '(latest)'} of ${pacticipant} and the versions in ${environment ?? 'the given selectors'}`;
    return [200, { summary: { deployable: false, reason, success: 0, failed: 0, unknown: 0 }, notices: [{ type: 'error', text: reason }], matrix: [] }];
  }
  const verifiedRow = entry.verified !== undefined;
  const reason = entry.deployable
    ? 'All required verification results are published and successful'
    : entry.verified === false
      ? `The verification for the pact between the version of ${entry.pacticipant} and ${entry.provider.name} ${entry.provider.version} in ${entry.environment} failed`
      : `There is no verified pact between the version of ${entry.pacticipant} and ${entry.provider.name} ${entry.provider.version} in ${entry.environment}`;
  return [
    200,
    {
      // As the broker's summary has it: deployable is null while a verification result is unknown.
      summary: {
        deployable: verifiedRow ? entry.deployable : null,
        reason,
        success: entry.verified === true ? 1 : 0,
        failed: entry.verified === false ? 1 : 0,
        unknown: verifiedRow ? 0 : 1,
      },
      notices: [{ type: entry.deployable ? 'success' : 'error', text: reason }],
      matrix: [
        {
          consumer: {
            name: entry.pacticipant,
            version: { number: entry.version, _links: { self: { href: `${base}/pacticipants/${entry.pacticipant}/versions/${entry.version}` } } },
          },
          provider: {
            name: entry.provider.name,
            version: { number: entry.provider.version, _links: { self: { href: `${base}/pacticipants/${entry.provider.name}/versions/${entry.provider.version}` } } },
          },
          pact: {
            createdAt: '2024-06-01T12:00:00+00:00',
            _links: { self: { href: `${base}/pacts/provider/${entry.provider.name}/consumer/${entry.pacticipant}/version/${entry.version}` } },
          },
          verificationResult: verifiedRow
            ? {
                success: entry.verified,
                verifiedAt: '2024-06-01T12:05:00+00:00',
                _links: { self: { href: `${base}/pacts/provider/${entry.provider.name}/consumer/${entry.pacticipant}/pact-version/0/verification-results/1` } },
              }
            : null,
        },
      ],
    },
  ];
}
