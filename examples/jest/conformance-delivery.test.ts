import { REQUIREMENTS } from './hookproof';
import { describeReceiverConformance } from './hookproof-jest';
import { receiverUnderTest } from './receiverUnderTest';

describeReceiverConformance({
  ...receiverUnderTest('delivery'),
  title: 'gridX conformance: deliveries',
  checks: REQUIREMENTS.filter((r) => r.remotelyTestable && (r.id.startsWith('DLV-') || r.id === 'GONE-1')).map((r) => r.id),
});
