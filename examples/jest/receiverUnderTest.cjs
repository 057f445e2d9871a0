const { join } = require('node:path');
const { GRIDX_EVENT_TYPES } = require('hookproof');

/**
 * The receiver every conformance file certifies, from the environment (CI secret store):
 *
 *   GRIDX_RECEIVER_URL     the staging URL, exactly as registered with gridX
 *   GRIDX_WEBHOOK_SECRET   its webhook secret (never printed; reproductions read $HOOKPROOF_SECRET)
 *   GRIDX_ALLOW_HTTP=1     only for a local or staging http:// target
 *   HOOKPROOF_RUNS         cases per property (default 100)
 *   HOOKPROOF_SEED         the same seed in every shard, e.g. the CI run id (default: random, printed)
 *   HOOKPROOF_REPORT_DIR   write report.json, junit.xml and report.html under DIR/<group>
 *
 * @param {string} group
 * @returns {import('hookproof/jest').ReceiverConformanceOptions}
 */
function receiverUnderTest(group) {
  const url = process.env.GRIDX_RECEIVER_URL;
  const secret = process.env.GRIDX_WEBHOOK_SECRET;
  if (url === undefined || url === '' || secret === undefined || secret === '') {
    throw new Error('set GRIDX_RECEIVER_URL and GRIDX_WEBHOOK_SECRET to certify a receiver');
  }
  return {
    url,
    secret,
    allowHttp: process.env.GRIDX_ALLOW_HTTP === '1',
    runs: Number(process.env.HOOKPROOF_RUNS ?? 100),
    ...(process.env.HOOKPROOF_SEED !== undefined ? { seed: Number(process.env.HOOKPROOF_SEED) } : {}),
    // One directory per file: files of the same shard must not overwrite each other's reports.
    ...(process.env.HOOKPROOF_REPORT_DIR !== undefined ? { reportDir: join(process.env.HOOKPROOF_REPORT_DIR, group) } : {}),
  };
}

/** The event types the receiver subscribes to (here: every type of the spec). */
const SUBSCRIBED_TYPES = GRIDX_EVENT_TYPES;

module.exports = { receiverUnderTest, SUBSCRIBED_TYPES };
