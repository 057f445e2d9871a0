// One group of checks per file: jest's --shard=i/n splits a run by test file.
import { REQUIREMENTS } from './hookproof';
import { describeReceiverConformance } from './hookproof-jest';
import { receiverUnderTest } from './receiverUnderTest';

describeReceiverConformance({
  ...receiverUnderTest('signatures'),
  title: 'gridX conformance: transport and signatures',
  checks: REQUIREMENTS.filter((r) => r.remotelyTestable && (r.id === 'TLS-1' || r.id.startsWith('SIG-'))).map((r) => r.id),
});
