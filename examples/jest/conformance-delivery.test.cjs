const { REQUIREMENTS } = require('hookproof');
const { describeReceiverConformance } = require('hookproof/jest');
const { receiverUnderTest } = require('./receiverUnderTest.cjs');

describeReceiverConformance({
  ...receiverUnderTest('delivery'),
  title: 'gridX conformance: deliveries',
  checks: REQUIREMENTS.filter((r) => r.remotelyTestable && (r.id.startsWith('DLV-') || r.id === 'GONE-1')).map((r) => r.id),
});
