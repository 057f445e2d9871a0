// The event checks cost the most (each draws --runs events per type): split them by type.
import { REQUIREMENTS } from './hookproof';
import { describeReceiverConformance } from './hookproof-jest';
import { receiverUnderTest, SUBSCRIBED_TYPES } from './receiverUnderTest';

describeReceiverConformance({
  ...receiverUnderTest('events-ev'),
  title: 'gridX conformance: ev/* events',
  checks: REQUIREMENTS.filter((r) => r.remotelyTestable && r.id.startsWith('EVT-')).map((r) => r.id),
  types: SUBSCRIBED_TYPES.filter((t) => t.startsWith('ev/')),
});
