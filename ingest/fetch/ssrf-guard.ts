// The SSRF guard: a URL may only reach public addresses. Checked in the socket's own DNS lookup,
// so the address connected to is the address checked (no rebinding window), and on IP literals
// before connecting, on every request and every redirect. Addresses are parsed by ipaddr.js and
// judged by their range, never by their spelling: an IPv6 address that carries an IPv4 one
// (IPv4-mapped, IPv4-translated, IPv4-compatible, NAT64, 6to4) is judged by the IPv4 inside it.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

/** IPv6 ranges whose last (or, for 6to4, second and third) 32 bits are an IPv4 address. */
const CARRIES_V4 = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052']);

/** 64:ff9b::/96, the well-known NAT64 prefix; the rest of rfc6052 (64:ff9b:1::/48) is for local use only. */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');
/** 2000::/3, the only IPv6 block assigned for global unicast. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

function v4Verdict(ip: ipaddr.IPv4): string | null {
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

function v6Verdict(ip: ipaddr.IPv6): string | null {
  const range = ip.range();
  const parts = ip.parts;
  if (range === 'rfc6052' && !ip.match(NAT64_WELL_KNOWN)) return 'local-use NAT64';
  if (CARRIES_V4.has(range)) {
    const inner = v4Verdict(ipaddr.IPv4.parse(`${parts[6]! >> 8}.${parts[6]! & 255}.${parts[7]! >> 8}.${parts[7]! & 255}`));
    return inner && `${range} address of an IPv4 ${inner} address`;
  }
  if (range === '6to4') {
    const inner = v4Verdict(ipaddr.IPv4.parse(`${parts[1]! >> 8}.${parts[1]! & 255}.${parts[2]! >> 8}.${parts[2]! & 255}`));
    return inner && `6to4 address of an IPv4 ${inner} address`;
  }
  if (range !== 'unicast') return range;
  // ::a.b.c.d (IPv4-compatible, deprecated) and everything else outside 2000::/3 is never a public host
  if (parts.slice(0, 6).every((p) => p === 0)) return 'IPv4-compatible';
  if (!ip.match(GLOBAL_UNICAST_V6)) return 'reserved';
  return null;
}

/**
 * Why an IP address is refused (its range: "loopback", "private", "ipv4Mapped address of an IPv4
 * loopback address" …), or null when it is a public unicast address. A string that is not an
 * address is refused as such.
 */
export function blockedRange(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  // only the standard spellings count as addresses here; legacy forms (0x7f.1, 2130706433) are
  // normalised by the URL parser before they get here, and anything else is not an address
  if (!ipaddr.IPv4.isValidFourPartDecimal(bare) && !ipaddr.IPv6.isValid(bare)) return 'not an IP address';
  const ip = ipaddr.parse(bare);
  return ip.kind() === 'ipv4' ? v4Verdict(ip as ipaddr.IPv4) : v6Verdict(ip as ipaddr.IPv6);
}

/** Whether an IP address is one the guard refuses (loopback, private, link-local, metadata, reserved, or not an address). */
export function isBlockedAddress(address: string): boolean {
  return blockedRange(address) !== null;
}

export class BlockedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range = blockedRange(address) ?? 'non-public',
  ) {
    super(host === address ? `${address} is not a public address (${range})` : `${host} resolves to ${address}, not a public address (${range})`);
    this.name = 'BlockedAddressError';
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A dns.lookup replacement for http(s).request that refuses non-public addresses. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = addresses as LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => isBlockedAddress(a.address));
      if (bad) return callback(new BlockedAddressError(hostname, bad.address) as NodeJS.ErrnoException, '');
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}
