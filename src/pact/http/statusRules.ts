import { classifyStatus } from '../../contract/classifyStatus';
import type { HttpPactResponse } from './HttpPact';

const ALL_STATUSES = Array.from({ length: 500 }, (_, i) => 100 + i);

/** The statuses gridX counts as success (200, 201, 202, 204), from its own classification. */
export function successStatuses(): number[] {
  return ALL_STATUSES.filter((status) => classifyStatus(status) === 'success');
}

/**
 * What EVT-5 allows for a deprecated type: success, or a refusal gridX will not retry and that
 * does not delete the subscription: the 4xx statuses gridX classifies as permanent.
 */
export function acceptedOrRefusedStatuses(): number[] {
  return ALL_STATUSES.filter((status) => {
    const kind = classifyStatus(status);
    return kind === 'success' || (kind === 'permanent' && status >= 400 && status < 500);
  });
}

/**
 * An expected response that passes for any of `statuses` (Pact V4's `statusCode` matcher with a
 * list), with `example` as the example status. A single status needs no matcher.
 */
export function statusResponse(example: number, statuses: readonly number[] = [example]): HttpPactResponse {
  if (statuses.length === 1 && statuses[0] === example) return { status: example };
  return { status: example, matchingRules: { status: { '': { combine: 'AND', matchers: [{ match: 'statusCode', status: statuses }] } } } };
}
