export { resolveBrokerConnection, BROKER_VARIABLES, type BrokerOptions, type BrokerConnection, type BrokerAuth, type Environment } from './brokerConnection';
export { brokerEnvironment, connectionSecrets } from './brokerEnvironment';
export { redactSecrets } from './redactSecrets';
export { pactCliBinary } from './pactCliBinary';
export { PactCliUnavailableError } from './pactCliError';
export { runPactCli, type PactCliRun, type RunPactCliOptions } from './runPactCli';
export { readPactParties, type PactParties } from './readPactParties';
export { publishPacts, type PublishPactsOptions, type PublishPactsResult } from './publishPacts';
export { canIDeploy, type CanIDeployOptions, type CanIDeployResult, type MatrixRow } from './canIDeploy';
