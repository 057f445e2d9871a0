const { REQUIREMENTS } = require('hookproof');
const { describeReceiverConformance } = require('hookproof/jest');
const { receiverUnderTest, SUBSCRIBED_TYPES } = require('./receiverUnderTest.cjs');

describeReceiverConformance({
  ...receiverUnderTest('events-other'),
  title: 'gridX conformance: other events',
  checks: REQUIREMENTS.filter((r) => r.remotelyTestable && r.id.startsWith('EVT-')).map((r) => r.id),
  types: SUBSCRIBED_TYPES.filter((t) => !t.startsWith('ev/')),
});
