// One group of checks per file: jest's --shard=i/n splits a run by test file.
const { REQUIREMENTS } = require('hookproof');
const { describeReceiverConformance } = require('hookproof/jest');
const { receiverUnderTest } = require('./receiverUnderTest.cjs');

describeReceiverConformance({
  ...receiverUnderTest('signatures'),
  title: 'gridX conformance: transport and signatures',
  checks: REQUIREMENTS.filter((r) => r.remotelyTestable && (r.id === 'TLS-1' || r.id.startsWith('SIG-'))).map((r) => r.id),
});
