import type { SenderRequirementId } from '../checks/requirements';

/** Requirement IDs of the sender's side of the gridX contract (`receiver-contract.md`, "The sender's side"). */
export type { SenderRequirementId };

/** One sender requirement, with what it asks. All three are required. */
export interface SenderRequirement {
  readonly id: SenderRequirementId;
  readonly summary: string;
}

export const SENDER_REQUIREMENTS: readonly SenderRequirement[] = [
  { id: 'SND-1', summary: 'every event the sender emits validates against the schema for its type' },
  { id: 'SND-2', summary: "every request carries a well-formed X-Signature with a digest for the receiver's current secret over the exact bytes sent" },
  { id: 'SND-3', summary: 'answers are classified as in the contract: transient errors retried up to five more times with exponential backoff, nothing else retried' },
];
