import type { BrokerConnection, BrokerOptions, Environment } from './brokerConnection';
import { brokerEnvironment, connectionSecrets } from './brokerEnvironment';
import { BROKER_TIMEOUT_MS, type RunPactCliOptions } from './runPactCli';

/**
 * How to run the Pact CLI against `connection`: credentials in its environment only, the secrets to
 * redact, and the deadline (the broker timeout, plus `extraMs` a command knowingly waits, such as
 * can-i-deploy's retries).
 */
export function cliRunOptions(connection: BrokerConnection, options: BrokerOptions, env: Environment, extraMs = 0): RunPactCliOptions {
  return {
    env: brokerEnvironment(connection, env),
    secrets: connectionSecrets(connection),
    ...(options.pactCli !== undefined ? { binary: options.pactCli } : {}),
    timeoutMs: (options.brokerTimeoutMs ?? BROKER_TIMEOUT_MS) + extraMs,
  };
}
