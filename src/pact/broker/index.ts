export { resolveBrokerConnection, BROKER_VARIABLES, type BrokerOptions, type BrokerConnection, type BrokerAuth, type Environment } from './brokerConnection';
export { brokerEnvironment, connectionSecrets } from './brokerEnvironment';
export { pactCliBinary } from './pactCliBinary';
export { PactCliUnavailableError } from '../../errors';
export { runPactCli, BROKER_TIMEOUT_MS, type PactCliRun, type RunPactCliOptions } from './runPactCli';
export { readPactParties, type PactParties } from './readPactParties';
export { publishPacts, type PublishPactsOptions, type PublishPactsResult } from './publishPacts';
export { canIDeploy, type CanIDeployOptions, type CanIDeployResult, type MatrixRow } from './canIDeploy';
export { recordDeployment, type RecordDeploymentOptions, type RecordDeploymentResult } from './recordDeployment';
