import { createServer } from 'node:http';
import { connect, type Socket } from 'node:net';
import { createListenHandler } from '../../src/sender/listen/createListenHandler';
import { parseRespondScript } from '../../src/sender/listen/respondScript';
import { defaultEngine } from '../support/engine';
import { closeAfterAll, listen } from '../support/servers';

/** Opens a connection and sends a POST with `sent` of `length` body bytes; resolves with everything answered until it closes. */
function partialPost(port: number, length: number, sent: number): { socket: Socket; answer: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  socket.write(`POST /hooks HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\n\r\n`);
  socket.write(Buffer.alloc(sent, 0x61));
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  const answer = new Promise<string>((resolve) => {
    socket.on('close', () => resolve(text));
    socket.on('error', () => resolve(text));
  });
  return { socket, answer };
}

/** What was answered within a while (a kept-alive connection never closes by itself), then the connection is closed. */
async function answerOf(post: { socket: Socket; answer: Promise<string> }): Promise<string> {
  let text = '';
  post.socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  await Promise.race([post.answer, new Promise((resolve) => setTimeout(resolve, 2000))]);
  post.socket.destroy();
  return text;
}

describe('listen: a total budget for bodies in flight across connections', () => {
  const closing = closeAfterAll();

  it('answers 503 (transient, gridX retries) once bodies held across connections would pass the budget, and frees what ended', async () => {
    const handler = createListenHandler({
      validators: defaultEngine().validators,
      secrets: ['budget-secret-0a1b2c'],
      respond: parseRespondScript('204'),
      maxBodyBytes: 80_000,
      maxBytesInFlight: 100_000,
    });
    const server = await closing(listen(createServer(handler)));
    // A slow sender holds 70 KB of an 80 KB body and never sends the rest.
    const slow = partialPost(server.port, 80_000, 70_000);
    // Until the listener has read those bytes, nothing else can show the budget is taken: wait for
    // a later connection to be refused, sending afresh while the first is still being read.
    let refused = '';
    for (let attempt = 0; attempt < 50 && !refused.startsWith('HTTP/1.1 503'); attempt += 1) {
      refused = await answerOf(partialPost(server.port, 60_000, 60_000));
    }
    expect(refused).toMatch(/^HTTP\/1\.1 503 /);
    expect(refused.toLowerCase()).toContain('retry-after: 1');
    expect(handler.deliveries()).toHaveLength(0);
    // Once the slow connection is gone its bytes are free again: the same delivery is taken.
    slow.socket.destroy();
    await slow.answer;
    let accepted = '';
    for (let attempt = 0; attempt < 50 && !accepted.startsWith('HTTP/1.1 204'); attempt += 1) {
      accepted = await answerOf(partialPost(server.port, 60_000, 60_000));
    }
    expect(accepted).toMatch(/^HTTP\/1\.1 204 /);
  });
});
