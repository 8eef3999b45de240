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
/**
 * Link-local addresses, where cloud providers serve instance metadata and credentials
 * (169.254.169.254, fd00:ec2::254). They stay refused when private targets are allowed.
 */
const LINK_LOCAL = new BlockList();
LINK_LOCAL.addSubnet('169.254.0.0', 16, 'ipv4');
LINK_LOCAL.addSubnet('fe80::', 10, 'ipv6');
LINK_LOCAL.addAddress('fd00:ec2::254', 'ipv6');

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
  return inList(BLOCKED, address);
}

/** Returns whether an IP address is link-local or a cloud metadata address. */
export function isLinkLocalAddress(address: string): boolean {
  return inList(LINK_LOCAL, address);
}

function inList(list: BlockList, address: string): boolean {
  const family = isIP(address);
  if (family === 4) {
    return list.check(address, 'ipv4');
  }
  if (family === 6) {
    const inner = embeddedIpv4(address);

    return inner ? list.check(inner, 'ipv4') : list.check(address, 'ipv6');
  }

  return false;
}

/** Why a URL cannot receive webhooks: a malformed URL, or an address that is not allowed. */
export interface TargetProblem {
  reason: 'INVALID_WEBHOOK_URL' | 'WEBHOOK_TARGET_NOT_ALLOWED';
  message: string;
}

/**
 * Checks a webhook target URL: an absolute http(s) URL without credentials, and, unless
 * `allowPrivate`, not on a private, loopback or link-local address literal. Link-local addresses
 * are refused in any case. Returns undefined for an acceptable URL. Host names are checked when
 * they are resolved, by `guardedLookup` and `linkLocalGuardedLookup`.
 */
export function findTargetProblem(raw: string, allowPrivate: boolean): TargetProblem | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      reason: 'INVALID_WEBHOOK_URL',
      message: `"${raw}" is not a URL: expected an absolute https:// or http:// address`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      reason: 'INVALID_WEBHOOK_URL',
      message: `${url.protocol} is not supported: use an https:// or http:// address`,
    };
  }
  if (url.username || url.password) {
    return {
      reason: 'INVALID_WEBHOOK_URL',
      message: 'the URL contains credentials: remove them and verify the webhook signature instead',
    };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isLinkLocalAddress(host)) {
    return {
      reason: 'WEBHOOK_TARGET_NOT_ALLOWED',
      message: `${host} is a link-local address, where cloud providers serve instance metadata: it is rejected even with WEBHOOK_ALLOW_PRIVATE_TARGETS=true, so use the receiver's private or public address`,
    };
  }
  if (allowPrivate) {
    return undefined;
  }
  if (host === 'localhost' || host.endsWith('.localhost') || isBlockedAddress(host)) {
    return {
      reason: 'WEBHOOK_TARGET_NOT_ALLOWED',
      message: `${host} is a private, loopback or link-local address: use a public address, or set WEBHOOK_ALLOW_PRIVATE_TARGETS=true for a receiver on a private network`,
    };
  }

  return undefined;
}

/** Returns the message of `findTargetProblem`, or undefined for an acceptable URL. */
export function describeTargetProblem(raw: string, allowPrivate: boolean): string | undefined {
  return findTargetProblem(raw, allowPrivate)?.message;
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
  checkedLookup(hostname, options, callback, isBlockedAddress);
}

/**
 * Resolves a host name like `guardedLookup` when private targets are allowed: only link-local
 * and metadata addresses fail.
 */
export function linkLocalGuardedLookup(
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
): void {
  checkedLookup(hostname, options, callback, isLinkLocalAddress);
}

function checkedLookup(
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
  isBlocked: (address: string) => boolean,
): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, []);

      return;
    }
    const blocked = addresses.find((entry) => isBlocked(entry.address));
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
