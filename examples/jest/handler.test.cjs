// A partner's own unit tests of their webhook handler, with hookproof's matchers and typed
// generators. The handler here is hookproof's reference handler standing in for yours.
const fc = require('fast-check');
const { createEngine, serialiseEvent, sign, startReferenceReceiver, typedEventArbitrary } = require('hookproof');
const { gridxMatchers } = require('hookproof/jest');

expect.extend(gridxMatchers);

const SECRET = 'example-handler-secret-31f0';
const engine = createEngine();

/** What your code does with a plugged event, typed from the spec. */
/** @param {import('hookproof/jest').GridxEventOf<'ev/plugged'>} event */
function chargingAllowed(event) {
  return event.data.state === 'PLUGGED' && event.data.atHome;
}

describe('my ev/plugged logic', () => {
  it('only ever sees valid events, and decides on plugged-in vehicles at home', () => {
    fc.assert(
      fc.property(typedEventArbitrary(engine, 'ev/plugged'), (event) => {
        expect(event).toBeValidGridxEvent('ev/plugged');
        expect(chargingAllowed(event)).toBe(event.data.state === 'PLUGGED' && event.data.atHome);
      }),
    );
  });
});

describe('my webhook endpoint', () => {
  /** @type {import('hookproof').ReferenceReceiver} */
  let receiver;
  beforeAll(async () => {
    receiver = await startReferenceReceiver({ secrets: [SECRET] });
  });
  afterAll(() => receiver.close());

  it('accepts every signed ev/plugged event gridX may send', async () => {
    await fc.assert(
      fc.asyncProperty(typedEventArbitrary(engine, 'ev/plugged'), async (event) => {
        const body = serialiseEvent(event);
        const signature = sign(body, [SECRET]);
        expect(signature).toHaveValidSignature(body, SECRET);
        const response = await fetch(receiver.url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-signature': signature } });
        expect(response.status).toBe(202);
      }),
      { numRuns: 25 },
    );
  });
});
