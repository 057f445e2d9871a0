import type { Socket } from 'node:net';
import { TLSSocket, type PeerCertificate } from 'node:tls';
import { buildConnector } from 'undici';
import type { ConnectionFacts } from '../evidence/provenance';

/**
 * An undici connector that behaves as undici's own (built from the same options) and hands each
 * socket it opens to `record` before undici uses it.
 */
export function recordingConnector(options: buildConnector.BuildOptions, record: (facts: ConnectionFacts) => void): buildConnector.connector {
  const connect = buildConnector(options);
  return (opts, callback) => {
    connect(opts, (...args) => {
      const socket = args[1];
      if (args[0] === null && socket !== null) {
        const facts = factsOf(socket);
        if (facts !== undefined) record(facts);
      }
      callback(...args);
    });
  };
}

function factsOf(socket: Socket | TLSSocket): ConnectionFacts | undefined {
  const address = socket.remoteAddress;
  const port = socket.remotePort;
  if (address === undefined || port === undefined) return undefined;
  if (!(socket instanceof TLSSocket)) return { address, port };
  const certificate = socket.getPeerCertificate();
  // An empty object means the peer sent no certificate (not possible once the handshake is done).
  if (typeof certificate.fingerprint256 !== 'string') return { address, port };
  const validTo = new Date(certificate.valid_to);
  // Typed as always present, but a certificate with an empty subject name may come without one.
  const subject = (certificate.subject as PeerCertificate['subject'] | undefined)?.CN;
  return {
    address,
    port,
    tls: {
      certificateSha256: certificate.fingerprint256,
      validTo: Number.isNaN(validTo.getTime()) ? certificate.valid_to : validTo.toISOString(),
      ...(typeof subject === 'string' ? { subject } : {}),
    },
  };
}
