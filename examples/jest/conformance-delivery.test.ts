import { CHECKS, describeReceiverConformance } from './hookproof-jest';
import { receiverUnderTest } from './receiverUnderTest';

describeReceiverConformance({
  ...receiverUnderTest('delivery'),
  title: 'gridX conformance: deliveries',
  checks: CHECKS.filter((c) => c.requirement.startsWith('DLV-') || c.requirement === 'GONE-1').map((c) => c.id),
});
