/*
 * jest on Node 20 cannot require ES modules, and pact-js's verification proxy requires
 * https-proxy-agent 9 (ESM only), which it uses to honour HTTPS_PROXY / HTTP_PROXY. These tests
 * talk to 127.0.0.1 with no proxy, so the agent is never constructed: a CommonJS stand-in lets jest
 * load the real verifier. The tests that run bin/hookproof.js in a child process use the real
 * module (Node 20.19+ itself requires ES modules).
 *
 * Import this before anything loads pact-js (hookproof loads it on first verification).
 */
jest.mock('https-proxy-agent', () => ({
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- stands in for a class that pact-js constructs with new
  HttpsProxyAgent: class HttpsProxyAgent {
    constructor() {
      throw new Error('the https-proxy-agent stand-in of the tests cannot proxy; unset HTTPS_PROXY and HTTP_PROXY');
    }
  },
}));

export {};
