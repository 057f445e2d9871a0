const { CHECKS, describeReceiverConformance } = require('hookproof/jest');
const { receiverUnderTest, SUBSCRIBED_TYPES } = require('./receiverUnderTest.cjs');

describeReceiverConformance({
  ...receiverUnderTest('events-other'),
  title: 'gridX conformance: other events',
  checks: CHECKS.filter((c) => c.requirement.startsWith('EVT-')).map((c) => c.id),
  types: SUBSCRIBED_TYPES.filter((t) => !t.startsWith('ev/')),
});
