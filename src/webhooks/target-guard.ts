import { lookup as dnsLookup, LookupAddress, LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may not reach unless private targets are allowed: loopback, private,
 * link-local, shared (carrier-grade NAT), multicast, reserved and unspecified ranges, including
 * IPv4 written inside IPv6.
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** Returns the IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::/96) address. */
function embeddedIpv4(address: string): string | undefined {
  const match =
    /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(
      address,
    );
  if (!match) {
    return undefined;
  }
  if (match[1]) {
    return match[1];
  }
  const high = parseInt(match[2]!, 16);
  const low = parseInt(match[3]!, 16);

  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Checks whether `address` is an IP address in a range that webhooks may not reach by default. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) {
    return BLOCKED.check(address, 'ipv4');
  }
  if (family === 6) {
    const inner = embeddedIpv4(address);

    return inner ? BLOCKED.check(inner, 'ipv4') : BLOCKED.check(address, 'ipv6');
  }

  return false;
}

/** Returns why a target URL cannot receive webhooks, or undefined when it may. */
export function describeTargetProblem(raw: string, allowPrivate: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a URL: expected an absolute https:// or http:// address`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `${url.protocol} is not supported: use an https:// or http:// address`;
  }
  if (url.username || url.password) {
    return 'the URL contains credentials: remove them and verify the webhook signature instead';
  }
  if (allowPrivate) {
    return undefined;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || isBlockedAddress(host)) {
    return `${host} is a private, loopback or link-local address: use a public address, or set WEBHOOK_ALLOW_PRIVATE_TARGETS=true for a receiver on a private network`;
  }

  return undefined;
}

/** Raised by the guarded lookup when a host name resolves to a blocked address. */
export class BlockedTargetError extends Error {
  readonly code = 'EBLOCKEDTARGET';

  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a private, loopback or link-local address`);
    this.name = 'BlockedTargetError';
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * Resolves a host name for http.request and refuses names with a blocked address. It runs when
 * the socket connects, so a name that changes its address after a first check is caught.
 */
export function guardedLookup(
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, []);

      return;
    }
    const blocked = addresses.find((entry) => isBlockedAddress(entry.address));
    if (blocked) {
      callback(new BlockedTargetError(hostname, blocked.address), []);

      return;
    }
    if (options.all) {
      callback(null, addresses);

      return;
    }
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
}
