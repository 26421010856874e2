/** At most this many allowed origins per organization, each at most this long. */
export const MAX_WIDGET_ORIGINS = 100;
const MAX_ORIGIN_LENGTH = 253 + 'https://'.length + ':65535'.length;

/** A host name as the URL parser leaves it (lower-cased, IDNs as punycode), or an IPv6 literal. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/**
 * The normalised origin (`https://host[:port]`: scheme and host lower-cased, default port dropped,
 * IDNs as punycode) of an http(s) origin written by a person, or a reason it is not one. A trailing
 * slash is tolerated; a path, query, fragment, credentials or wildcard is not.
 */
export function parseOrigin(value: string): { origin: string } | { problem: string } {
  const text = value.trim();
  if (text.length === 0) return { problem: 'is empty' };
  if (text.length > MAX_ORIGIN_LENGTH) return { problem: 'is too long' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'is not a web address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'must start with https:// or http://' };
  if (!/^https?:\/\//i.test(text)) return { problem: 'must start with https:// or http://' };
  if (url.username || url.password) return { problem: 'must not contain a user name or password' };
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(text) || /^https?:\/\/[^/]+\/./i.test(text)) {
    return { problem: 'must be an origin only, without a path (e.g. https://www.example.com)' };
  }
  if (!HOST.test(url.hostname)) return { problem: 'has a host name that is not valid (wildcards are not supported: list each site)' };
  return { origin: url.origin };
}

/** Normalises a list of origins, dropping duplicates; the first invalid one is reported with its reason. */
export function normaliseOrigins(values: readonly string[]): { origins: string[] } | { problem: string } {
  if (values.length > MAX_WIDGET_ORIGINS) return { problem: `List at most ${MAX_WIDGET_ORIGINS} origins.` };
  const origins: string[] = [];
  for (const value of values) {
    const parsed = parseOrigin(value);
    if ('problem' in parsed) return { problem: `"${value.trim().slice(0, 80)}" ${parsed.problem}.` };
    if (!origins.includes(parsed.origin)) origins.push(parsed.origin);
  }
  return { origins };
}
