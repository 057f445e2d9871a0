// The event checks cost the most (each draws HOOKPROOF_RUNS events per type): split them by type.
const { CHECKS, describeReceiverConformance } = require('hookproof/jest');
const { receiverUnderTest, SUBSCRIBED_TYPES } = require('./receiverUnderTest.cjs');

describeReceiverConformance({
  ...receiverUnderTest('events-ev'),
  title: 'gridX conformance: ev/* events',
  checks: CHECKS.filter((c) => c.requirement.startsWith('EVT-')).map((c) => c.id),
  types: SUBSCRIBED_TYPES.filter((t) => t.startsWith('ev/')),
});
