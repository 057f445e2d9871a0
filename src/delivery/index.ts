export type { DeliveryRequest } from './DeliveryRequest';
export type { DeliveryError, DeliveryResult } from './DeliveryResult';
export type { BeforeSend, DeliveryClientOptions } from './DeliveryClient';
export { DeliveryClient, createDeliveryClient } from './DeliveryClient';
export { describeResult } from './describeResult';
export { isRetryable } from './isRetryable';
export type { RetryOptions, RetryResult } from './retry';
export { deliverWithRetries } from './retry';
