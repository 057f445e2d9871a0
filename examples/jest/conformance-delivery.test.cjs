const { CHECKS, describeReceiverConformance } = require('hookproof/jest');
const { receiverUnderTest } = require('./receiverUnderTest.cjs');

describeReceiverConformance({
  ...receiverUnderTest('delivery'),
  title: 'gridX conformance: deliveries',
  checks: CHECKS.filter((c) => c.requirement.startsWith('DLV-') || c.requirement === 'GONE-1').map((c) => c.id),
});
