import { DeliveryClient, type DeliveryRequest } from '../../src/delivery';
import { ClientClosedError } from '../../src/errors';
import { closeAfterAll, serve } from '../support/servers';

describe('DeliveryClient after close()', () => {
  const closing = closeAfterAll();

  it('refuses to send with CLIENT_CLOSED (the caller used it too late), and the receiver sees nothing more', async () => {
    const receiver = await closing(serve((_req, res) => res.end()));
    const request: DeliveryRequest = { url: receiver.url, body: Buffer.from('{"id":"1","type":"ping"}'), headers: {} };
    const client = new DeliveryClient({ timeoutMs: 5000 });
    expect((await client.send(request)).status).toBe(200);
    await client.close();
    await expect(client.send(request)).rejects.toThrow(ClientClosedError);
    await expect(client.send(request)).rejects.toMatchObject({ code: 'CLIENT_CLOSED', message: 'DeliveryClient.send() called after close()' });
    expect(receiver.hits()).toBe(1);
  });
});
