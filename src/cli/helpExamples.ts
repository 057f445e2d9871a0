/**
 * Two or three examples at the end of each command's `--help`, by command path. In one file so
 * that they read as a set (same URL, same variable names) and a test can hold every one against
 * the options its command really has.
 */
export const HELP_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  certify: [
    'HOOKPROOF_SECRET=… hookproof certify --url https://staging.example.com/hooks/gridx',
    'hookproof certify --url https://staging.example.com/hooks/gridx --secret-env GRIDX_WEBHOOK_SECRET --types ev/plugged,ev/unplugged',
    'hookproof certify --url http://localhost:3000/hooks --allow-http --checks SIG-3 --seed 42 --runs 20',
  ],
  replay: [
    'hookproof replay hookproof-report/report.json sig-wrong-secret#1 --url http://localhost:3000/hooks',
    'hookproof replay hookproof-report/report.json evt-valid-events#3 --url https://staging.example.com/hooks/gridx --secret-env GRIDX_WEBHOOK_SECRET',
  ],
  serve: ['hookproof serve --port 8080 --secret-env GRIDX_WEBHOOK_SECRET', 'hookproof serve --port 0 --host ::1 --secret-env GRIDX_WEBHOOK_SECRET'],
  listen: [
    'hookproof listen --port 8080 --secret-env GRIDX_WEBHOOK_SECRET --expect ev/plugged --count 1',
    'hookproof listen --port 8080 --secret-env GRIDX_WEBHOOK_SECRET --for 10m --report-dir listen-report',
  ],
  send: [
    'hookproof send --url http://localhost:3000/hooks --allow-http --type ev/plugged --set data.state=UNPLUGGED',
    'hookproof send --url https://staging.example.com/hooks/gridx --secret-env GRIDX_WEBHOOK_SECRET --file event.json --retry',
    'hookproof send --url http://localhost:3000/hooks --allow-http --type ping --seed 7 --dry-run',
  ],
  demo: ['hookproof demo', 'hookproof demo --runs 20 --seed 1 --report-dir /tmp/hookproof-demo'],
  validate: ['hookproof validate events.ndjson', 'cat event.json | hookproof validate - --type ev/plugged --json'],
  'lint-spec': ['hookproof lint-spec', 'hookproof lint-spec --spec new-webhook-events.yaml --json'],
  errata: ['hookproof errata', 'hookproof errata --json'],
  types: ['hookproof types', 'hookproof types --spec new-webhook-events.yaml --json'],
  typegen: ['hookproof typegen --out src/gridxEvents.ts', 'hookproof typegen --out src/gridxEvents.ts --check'],
  diff: ['hookproof diff old.yaml new.yaml', 'hookproof diff old.yaml new.yaml --json --no-empirical'],
  vectors: ['hookproof vectors --out signature-vectors.json', 'hookproof vectors --out signature-vectors.json --check'],
  recheck: [
    'hookproof recheck hookproof-report/report.json --secret-env GRIDX_WEBHOOK_SECRET',
    'hookproof recheck hookproof-report/report.json --url https://staging.example.com/hooks/gridx --report-dir recheck-report',
  ],
  fleet: [
    'hookproof fleet targets.yaml --report-dir fleet',
    'hookproof fleet targets.yaml --report-dir fleet --previous last-fleet --parallel 8 --rate 50',
    'hookproof fleet targets.yaml --shard 1/4 --report-dir fleet-1',
  ],
  capacity: [
    'hookproof capacity --url https://staging.example.com/hooks/gridx --secret-env GRIDX_WEBHOOK_SECRET --rate 50/s --duration 2m --outage 5m',
    'hookproof capacity --url https://staging.example.com/hooks/gridx --secret-env GRIDX_WEBHOOK_SECRET --find-max --max-rate 500 --step 30s',
    'hookproof capacity --url https://staging.example.com/hooks/gridx --secret-env GRIDX_WEBHOOK_SECRET --rate 200 --shard 1/4 --start-at 2026-12-07T15:00:00Z --report-dir shard-1',
  ],
  init: ['hookproof init', 'hookproof init --ci github --jest', 'hookproof init --ci gitlab --force'],
  'report verify': ['hookproof report verify hookproof-report/report.json', 'hookproof report verify hookproof-report/report.html --public-key gridx.pem'],
  'pact generate': [
    'hookproof pact generate --provider my-receiver --out pacts',
    'hookproof pact generate --provider my-receiver --types ev/plugged,ev/unplugged --out pacts --check',
  ],
  'pact verify': [
    'hookproof pact verify --pact pacts --url https://staging.example.com/hooks/gridx --secret-env GRIDX_WEBHOOK_SECRET',
    'hookproof pact verify --broker-url https://broker.example.com --provider my-receiver --url https://staging.example.com/hooks/gridx --secret-env GRIDX_WEBHOOK_SECRET --publish-results --provider-version "$GIT_SHA"',
  ],
  'pact verify-messages': [
    'hookproof pact verify-messages --pact pacts/my-receiver-gridx-webhooks.json',
    'hookproof pact verify-messages --pact pacts/my-receiver-gridx-webhooks.json --strict --json',
  ],
  'pact publish': [
    'hookproof pact publish pacts/*.json --consumer-app-version "$GIT_SHA" --broker-url https://broker.example.com',
    'hookproof pact publish pacts/*.json --consumer-app-version "$GIT_SHA" --branch main --tag staging',
  ],
  'pact can-i-deploy': [
    'hookproof pact can-i-deploy --pacticipant my-receiver --version "$GIT_SHA" --to-environment production',
    'hookproof pact can-i-deploy --pacticipant my-receiver --version "$GIT_SHA" --to-environment production --retry-while-unknown 5 --retry-interval 10',
  ],
  'pact record-deployment': [
    'hookproof pact record-deployment --pacticipant my-receiver --version "$GIT_SHA" --environment production',
    'hookproof pact record-deployment --pacticipant my-receiver --version "$GIT_SHA" --environment production --application-instance eu-1',
  ],
  'pact ensure-environment': [
    'hookproof pact ensure-environment --name staging --broker-url https://broker.example.com',
    'hookproof pact ensure-environment --name production --production --broker-url https://broker.example.com',
  ],
  'pact record-release': [
    'hookproof pact record-release --pacticipant my-receiver --version "$GIT_SHA" --environment production',
    'hookproof pact record-release --pacticipant my-receiver --version 1.4.0 --environment app-store',
  ],
};

/** The help text appended after a command's own: its examples, or nothing. */
export function examplesHelp(path: string): string {
  const examples = HELP_EXAMPLES[path];
  return examples === undefined ? '' : `\nExamples:\n${examples.map((example) => `  $ ${example}`).join('\n')}`;
}
