import { REQUIREMENTS } from './hookproof';
import { describeReceiverConformance } from './hookproof-jest';
import { receiverUnderTest, SUBSCRIBED_TYPES } from './receiverUnderTest';

describeReceiverConformance({
  ...receiverUnderTest('events-other'),
  title: 'gridX conformance: other events',
  checks: REQUIREMENTS.filter((r) => r.remotelyTestable && r.id.startsWith('EVT-')).map((r) => r.id),
  types: SUBSCRIBED_TYPES.filter((t) => !t.startsWith('ev/')),
});
