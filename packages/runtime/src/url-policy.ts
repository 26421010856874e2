import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/** Why a URL may not be fetched; stable strings, meant for logs, metrics and crawl reports. */
export type UrlCheckReason = 'invalid_url' | 'scheme' | 'credentials' | 'port' | 'private_address' | 'metadata_address' | 'dns_failed';

/** One address a host resolved to, with the ipaddr.js range it falls in ('unicast' for public addresses). */
export interface VettedAddress {
  address: string;
  family: 4 | 6;
  range: string;
  /** True when it is only allowed because `allowPrivateHosts` names it. */
  allowedByConfig: boolean;
}

export type UrlCheckResult =
  | {
      ok: true;
      url: URL;
      /** Lower-case host name without brackets or a trailing dot (an IP literal for IP URLs). */
      hostname: string;
      port: number;
      /** Every address the host resolved to; each one passed the policy. Connect only to these. */
      addresses: VettedAddress[];
    }
  | { ok: false; reason: UrlCheckReason; detail: string; address?: string; range?: string };

export type Resolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export interface UrlPolicy {
  /** Ports allowed besides 80 and 443. */
  allowedPorts?: readonly number[];
  /**
   * Addresses (`10.1.2.3`, `::1`), CIDRs (`10.0.0.0/8`) or host names (`intranet.example`) allowed even though they are
   * private, loopback, link-local, … A host name entry allows whatever that host resolves to. Cloud metadata endpoints
   * are only allowed by an entry naming them exactly (their address as IP or /32 or /128, or their host name), never by
   * a wider CIDR.
   */
  allowPrivateHosts?: readonly string[];
  /** Bounds the DNS lookup; default 5 s. */
  dnsTimeoutMs?: number;
  /** Resolves a host name to all of its A and AAAA addresses; default `dns.lookup(host, { all: true })`. */
  resolver?: Resolver;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** Well-known cloud metadata endpoints (AWS, GCP, Azure, OpenStack, Oracle, Alibaba, AWS IPv6). */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata.azure.internal', 'instance-data', 'instance-data.ec2.internal']);

const defaultResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Host name as compared against the lists: lower case, no IPv6 brackets, no trailing dot. */
export function normalizeHostname(hostname: string): string {
  let host = hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  while (host.endsWith('.')) host = host.slice(0, -1);
  return host;
}

interface ParsedAllowList {
  hosts: Set<string>;
  cidrs: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
}

const allowListCache = new WeakMap<readonly string[], ParsedAllowList>();

function parseAllowList(entries: readonly string[] = []): ParsedAllowList {
  const cached = allowListCache.get(entries);
  if (cached) return cached;
  const parsed: ParsedAllowList = { hosts: new Set(), cidrs: [] };
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    if (ipaddr.isValidCIDR(entry)) {
      const [address, bits] = ipaddr.parseCIDR(entry);
      parsed.cidrs.push([unwrapMapped(address), address.kind() === 'ipv6' && isMapped(address) ? bits - 96 : bits]);
    } else if (ipaddr.isValid(normalizeHostname(entry))) {
      const address = unwrapMapped(ipaddr.parse(normalizeHostname(entry)));
      parsed.cidrs.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else {
      parsed.hosts.add(normalizeHostname(entry));
    }
  }
  allowListCache.set(entries, parsed);
  return parsed;
}

function isMapped(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress();
}

/** `::ffff:10.0.0.1` is classified, allowed and refused as `10.0.0.1`. */
function unwrapMapped(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return isMapped(address) ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

/**
 * The IPv4 address an IPv6 address embeds, where the form leads to (or is read by some stacks as) that IPv4 address.
 * Judged by prefix, not by ipaddr.js's range names: it classifies IPv4-compatible addresses (`::7f00:1`) as unicast.
 */
export function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const bytes = address.toByteArray();
  const words = address.parts;
  const last32 = () => ipaddr.fromByteArray(bytes.slice(12, 16)) as ipaddr.IPv4;
  const zero = (from: number, to: number) => words.slice(from, to).every((w) => w === 0);
  // ::a.b.c.d, IPv4-compatible (deprecated, ::/96), and ::ffff:a.b.c.d, IPv4-mapped.
  if (zero(0, 5) && (words[5] === 0 || words[5] === 0xffff)) return last32();
  // ::ffff:0:a.b.c.d, SIIT (RFC 6145).
  if (zero(0, 4) && words[4] === 0xffff && words[5] === 0) return last32();
  // 64:ff9b::/96 NAT64 (RFC 6052) and its local-use 64:ff9b:1::/48 (RFC 8215).
  if (words[0] === 0x64 && words[1] === 0xff9b && (zero(2, 6) || words[2] === 1)) return last32();
  // 2002:AABB:CCDD::/48, 6to4.
  if (words[0] === 0x2002) return ipaddr.fromByteArray(bytes.slice(2, 6)) as ipaddr.IPv4;
  // Teredo 2001:0::/32: the client's address, bit-inverted, in the last 32 bits.
  if (words[0] === 0x2001 && words[1] === 0) return ipaddr.fromByteArray(bytes.slice(12, 16).map((b) => b ^ 0xff)) as ipaddr.IPv4;
  // ISATAP interface identifiers (…:0:5efe:a.b.c.d, …:200:5efe:a.b.c.d) under any prefix.
  if ((words[4] === 0 || words[4] === 0x200) && words[5] === 0x5efe) return last32();
  return undefined;
}

/** Ranges of public, routable unicast space. Everything else (private, loopback, reserved, tunnels, …) is refused. */
const PUBLIC_RANGES = new Set(['unicast']);
/** ipaddr.js ranges of IPv6 prefixes that translate to the embedded IPv4 address. */
const TRANSLATION_RANGES = new Set(['rfc6052', 'rfc6145', '6to4']);

/**
 * Classifies one IP address against the policy: returns the refusal, or the vetted address.
 * Exported for tests and for callers that already hold an address.
 */
export function checkAddress(
  rawAddress: string,
  policy: UrlPolicy = {},
  hostname?: string,
): { ok: true; vetted: VettedAddress } | { ok: false; reason: 'private_address' | 'metadata_address'; detail: string; address: string; range: string } {
  const parsed = ipaddr.parse(rawAddress);
  const address = unwrapMapped(parsed);
  const text = address.toString();
  const family: 4 | 6 = address.kind() === 'ipv4' ? 4 : 6;
  let range: string = address.range();
  let isPublic = PUBLIC_RANGES.has(range);
  // Any IPv6 form that embeds an IPv4 address is only as public as that address, and is a metadata endpoint when it is.
  const inner = address.kind() === 'ipv6' ? embeddedIPv4(address as ipaddr.IPv6) : undefined;
  if (inner) {
    // Translation prefixes lead to the IPv4 address, so a public one passes; other forms (Teredo) stay refused.
    isPublic = (isPublic || TRANSLATION_RANGES.has(range)) && PUBLIC_RANGES.has(inner.range());
    if (!PUBLIC_RANGES.has(inner.range())) range = `${range}:${inner.range()}`;
  }
  const allow = parseAllowList(policy.allowPrivateHosts);
  const hostAllowed = hostname !== undefined && allow.hosts.has(normalizeHostname(hostname));

  if (
    METADATA_ADDRESSES.has(text) ||
    (inner !== undefined && METADATA_ADDRESSES.has(inner.toString())) ||
    (hostname !== undefined && METADATA_HOSTS.has(normalizeHostname(hostname)))
  ) {
    const exact =
      hostAllowed || allow.cidrs.some(([net, bits]) => net.kind() === address.kind() && bits === (family === 4 ? 32 : 128) && net.toString() === text);
    if (exact) return { ok: true, vetted: { address: text, family, range, allowedByConfig: true } };
    return { ok: false, reason: 'metadata_address', detail: `${text} is a cloud metadata endpoint`, address: text, range };
  }

  if (isPublic) return { ok: true, vetted: { address: text, family, range, allowedByConfig: false } };

  const cidrAllowed = allow.cidrs.some(([net, bits]) => net.kind() === address.kind() && address.match(net, bits));
  if (hostAllowed || cidrAllowed) return { ok: true, vetted: { address: text, family, range, allowedByConfig: true } };
  return { ok: false, reason: 'private_address', detail: `${text} is in a non-public range (${range})`, address: text, range };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Decides whether a URL may be fetched: http(s) only, no credentials, an allowed port, and every address its host
 * resolves to public (or explicitly allowed). Never throws; the refusal carries a machine-readable reason.
 * Connect only to `addresses` of an ok result, or a later DNS answer could point somewhere else (DNS rebinding).
 */
export async function checkUrl(input: string | URL, policy: UrlPolicy = {}): Promise<UrlCheckResult> {
  let url: URL;
  try {
    url = new URL(input.toString());
  } catch {
    return { ok: false, reason: 'invalid_url', detail: `not a valid absolute URL: ${String(input).slice(0, 200)}` };
  }
  const defaultPort = DEFAULT_PORTS[url.protocol];
  if (defaultPort === undefined) return { ok: false, reason: 'scheme', detail: `scheme ${url.protocol} is not http or https` };
  if (url.username || url.password) return { ok: false, reason: 'credentials', detail: 'URLs with credentials are not fetched' };

  const port = url.port ? Number(url.port) : defaultPort;
  if (port !== 80 && port !== 443 && !(policy.allowedPorts ?? []).includes(port)) {
    return { ok: false, reason: 'port', detail: `port ${port} is not allowed` };
  }

  const hostname = normalizeHostname(url.hostname);
  if (!hostname) return { ok: false, reason: 'invalid_url', detail: 'URL has no host' };

  let resolved: Array<{ address: string; family: number }>;
  if (ipaddr.isValid(hostname)) {
    // The WHATWG parser already turned 0x7f.1, 2130706433 and friends into dotted quads.
    resolved = [{ address: hostname, family: hostname.includes(':') ? 6 : 4 }];
  } else {
    if (METADATA_HOSTS.has(hostname) && !parseAllowList(policy.allowPrivateHosts).hosts.has(hostname)) {
      return { ok: false, reason: 'metadata_address', detail: `${hostname} is a cloud metadata endpoint` };
    }
    try {
      resolved = await withTimeout((policy.resolver ?? defaultResolver)(hostname), policy.dnsTimeoutMs ?? 5_000, `DNS lookup of ${hostname}`);
    } catch (error) {
      return { ok: false, reason: 'dns_failed', detail: `could not resolve ${hostname}: ${(error as Error).message}` };
    }
    if (resolved.length === 0) return { ok: false, reason: 'dns_failed', detail: `${hostname} has no A or AAAA record` };
  }

  const addresses: VettedAddress[] = [];
  for (const { address } of resolved) {
    if (!ipaddr.isValid(address)) return { ok: false, reason: 'dns_failed', detail: `${hostname} resolved to an invalid address ${address}` };
    const verdict = checkAddress(address, policy, ipaddr.isValid(hostname) ? undefined : hostname);
    // One refused address refuses the host: the connection could land on any of them.
    if (!verdict.ok) {
      const via = ipaddr.isValid(hostname) ? '' : ` (${hostname} resolves to it)`;
      return { ok: false, reason: verdict.reason, detail: `${verdict.detail}${via}`, address: verdict.address, range: verdict.range };
    }
    if (!addresses.some((a) => a.address === verdict.vetted.address)) addresses.push(verdict.vetted);
  }
  return { ok: true, url, hostname, port, addresses };
}

const noLookup: Resolver = () => Promise.reject(new Error('no lookup'));

/**
 * True when the URL is refused whatever DNS would say: an IP literal or a host name in a private,
 * loopback, link-local or metadata range. For sorting discovered links without resolving each one.
 */
export async function refusedWithoutLookup(input: string, policy: UrlPolicy = {}): Promise<boolean> {
  const result = await checkUrl(input, { ...policy, resolver: noLookup });
  return !result.ok && (result.reason === 'private_address' || result.reason === 'metadata_address');
}

/**
 * The crawler's URL policy from the environment. The ingestion worker checks every fetch with it, and the knowledge
 * subgraph checks a source's start URL with it when the source is added or changed: one policy, read the same way.
 */
export const urlPolicyEnvSchema = z.object({
  /** Comma-separated hosts, IPs or CIDRs the crawler may fetch although private (e.g. 127.0.0.1 for tests). Empty = none. */
  CRAWLER_ALLOW_PRIVATE_HOSTS: z.string().default(''),
  /** Comma-separated ports allowed besides 80 and 443 (e.g. a local test site's). */
  CRAWLER_ALLOWED_PORTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
        .map(Number),
    )
    .refine((ports) => ports.every((p) => Number.isInteger(p) && p > 0 && p < 65536), 'must be comma-separated port numbers'),
});

export function urlPolicyFromEnv(config: z.infer<typeof urlPolicyEnvSchema>): UrlPolicy {
  return {
    allowPrivateHosts: config.CRAWLER_ALLOW_PRIVATE_HOSTS.split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    allowedPorts: config.CRAWLER_ALLOWED_PORTS,
  };
}

const REFUSAL_TEXT: Record<UrlCheckReason, string> = {
  invalid_url: 'is not a valid absolute URL',
  scheme: 'must use http or https',
  credentials: 'must not contain credentials',
  port: 'uses a port the crawler may not fetch',
  private_address: 'points to a private, loopback, link-local or otherwise non-public address',
  metadata_address: 'points to a cloud metadata endpoint',
  dns_failed: 'has a host name that does not resolve',
};

/** A sentence for people (a form field's error) explaining a refusal, e.g. "startUrl points to a cloud metadata endpoint (…)". */
export function describeRefusal(subject: string, refusal: Extract<UrlCheckResult, { ok: false }>): string {
  return `${subject} ${REFUSAL_TEXT[refusal.reason]} (${refusal.detail.slice(0, 200)}).`;
}
