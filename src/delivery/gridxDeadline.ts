/**
 * gridX's deadline for a delivery (receiver-contract.md, DLV-1): no complete answer within 5 s is a
 * timeout. A run may wait longer to observe slower answers, but DLV-1 is judged against this.
 */
export const GRIDX_DEADLINE_MS = 5000;
