// The event checks cost the most (each draws --runs events per type): split them by type.
import { CHECKS, describeReceiverConformance } from './hookproof-jest';
import { receiverUnderTest, SUBSCRIBED_TYPES } from './receiverUnderTest';

describeReceiverConformance({
  ...receiverUnderTest('events-ev'),
  title: 'gridX conformance: ev/* events',
  checks: CHECKS.filter((c) => c.requirement.startsWith('EVT-')).map((c) => c.id),
  types: SUBSCRIBED_TYPES.filter((t) => t.startsWith('ev/')),
});
