/**
 * One webhook delivery as the caller prepared it. The client sends it as `POST` to `url` exactly as
 * given (path and query untouched, fragment dropped as HTTP requires), with exactly `body`'s bytes
 * and a matching `content-length`. `headers` are sent as given (the caller sets `X-Signature`);
 * `content-type` defaults to `application/json` unless the caller sets one.
 */
export type DeliveryRequest = {
  url: string;
  body: Buffer;
  headers: Record<string, string>;
};
