import type { DeliveryClient } from '../delivery/DeliveryClient';
import type { DeliveryRequest } from '../delivery/DeliveryRequest';
import { sign } from '../signing/sign';
import type { EventFeed, FedEvent } from './eventFeed';

/** Where and how a capacity phase delivers: the same for a sustained phase and a recovery burst. */
export interface CapacityTarget {
  readonly url: string;
  readonly secrets: readonly string[];
  readonly signatureHeader: string;
  readonly extraHeaders?: Readonly<Record<string, string>>;
  readonly client: Pick<DeliveryClient, 'send'>;
  readonly feed: EventFeed;
  /** Deliveries in flight at most; beyond it events wait in hookproof, still timed from their schedule. */
  readonly maxInFlight: number;
  readonly signal?: AbortSignal;
}

/** The request gridX would make for `event`: its exact bytes, signed with every current secret. */
export function signedRequest(target: Pick<CapacityTarget, 'url' | 'secrets' | 'signatureHeader' | 'extraHeaders'>, event: FedEvent): DeliveryRequest {
  const headers: Record<string, string> = { ...target.extraHeaders, 'content-type': 'application/json', [target.signatureHeader.toLowerCase()]: sign(event.body, target.secrets) };
  return { url: target.url, body: event.body, headers };
}
