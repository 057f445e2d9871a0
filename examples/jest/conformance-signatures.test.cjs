// One group of checks per file: jest's --shard=i/n splits a run by test file.
const { CHECKS, describeReceiverConformance } = require('hookproof/jest');
const { receiverUnderTest } = require('./receiverUnderTest.cjs');

describeReceiverConformance({
  ...receiverUnderTest('signatures'),
  title: 'gridX conformance: transport and signatures',
  checks: CHECKS.filter((c) => c.requirement === 'TLS-1' || c.requirement.startsWith('SIG-')).map((c) => c.id),
});
