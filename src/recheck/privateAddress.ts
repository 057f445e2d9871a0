import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Loopback, private, link-local, carrier-grade NAT, unspecified and unique-local ranges. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/**
 * The private or loopback address `url`'s host is or resolves to, or undefined when every address
 * is public. An IPv4-mapped IPv6 address counts as private (it names an IPv4 host, maybe internal).
 */
export async function privateAddressOf(url: string): Promise<string | undefined> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses =
    isIP(host) !== 0
      ? [host]
      : await lookup(host, { all: true })
          .then((found) => found.map((a) => a.address))
          .catch(() => []);
  // BlockList matches an IPv4 rule against a mapped IPv6 address and back, so ::ffff:… is tested by prefix.
  return addresses.find((address) => (isIP(address) === 6 ? /^::ffff:/i.test(address) || PRIVATE.check(address, 'ipv6') : PRIVATE.check(address, 'ipv4')));
}
