export type { ReceiverStats, ReferenceHandler, ReferenceHandlerOptions } from './createReferenceHandler';
export { createReferenceHandler } from './createReferenceHandler';
export type { ReferenceReceiver, ReferenceReceiverOptions } from './startReferenceReceiver';
export { startReferenceReceiver } from './startReferenceReceiver';
