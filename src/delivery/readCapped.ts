import type { Readable } from 'node:stream';

/** A response body read up to a byte cap. */
export type CappedBody = { body: Buffer; truncated: boolean };

/**
 * Reads `stream` until it ends or `cap` bytes have arrived, whichever comes first. On reaching the
 * cap it destroys the stream, which makes undici drop the connection instead of draining the rest:
 * a receiver answering 100 MB must cost neither 100 MB of memory nor the time to download it.
 */
export async function readCapped(stream: Readable, cap: number): Promise<CappedBody> {
  // Destroying an undici body before its end emits an abort error. The loop below already surfaces
  // real errors; this listener only keeps that expected one from becoming an unhandled 'error'.
  stream.on('error', ignore);
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    const room = cap - size;
    if (buffer.length > room) {
      chunks.push(buffer.subarray(0, room));
      size = cap;
      truncated = true;
      break;
    }
    chunks.push(buffer);
    size += buffer.length;
  }
  if (truncated) stream.destroy();
  return { body: Buffer.concat(chunks, size), truncated };
}

function ignore(): void {
  // Intentionally empty; see the comment in readCapped.
}
