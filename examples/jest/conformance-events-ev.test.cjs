// The event checks cost the most (each draws HOOKPROOF_RUNS events per type): split them by type.
const { REQUIREMENTS } = require('hookproof');
const { describeReceiverConformance } = require('hookproof/jest');
const { receiverUnderTest, SUBSCRIBED_TYPES } = require('./receiverUnderTest.cjs');

describeReceiverConformance({
  ...receiverUnderTest('events-ev'),
  title: 'gridX conformance: ev/* events',
  checks: REQUIREMENTS.filter((r) => r.remotelyTestable && r.id.startsWith('EVT-')).map((r) => r.id),
  types: SUBSCRIBED_TYPES.filter((t) => t.startsWith('ev/')),
});
