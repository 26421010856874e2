// URL normalisation and crawl scope: decides, for a discovered URL, whether a source's crawl may follow it.
import picomatch from 'picomatch';

export type CrawlScope = 'host' | 'path_prefix';

export type OutOfScopeReason = 'out_of_scope_host' | 'out_of_scope_path' | 'excluded_pattern' | 'not_included' | 'not_http';

/** The scope-relevant settings of a knowledge source. */
export interface ScopeSource {
  startUrl: string;
  /** 'host': any URL on the start URL's host (either scheme); 'path_prefix': only under the start URL's path. */
  scope: CrawlScope;
  /** Globs on the URL path ('/docs/**'); when non-empty, a URL must match one. */
  includePatterns?: readonly string[];
  /** Globs on the URL path; a URL matching one is out of scope. Checked before includes. */
  excludePatterns?: readonly string[];
}

export type ScopeDecision =
  | { inScope: true; /** Normalised URL: the key to deduplicate and fetch with. */ url: string }
  | { inScope: false; reason: OutOfScopeReason; /** Normalised URL, or null when it is not an http(s) URL. */ url: string | null };

/** Decides for a URL (relative ones resolve against `base`) whether it is in the source's scope. */
export type ScopeFilter = (url: string, base?: string) => ScopeDecision;

/** Query parameters that only track campaigns or clicks; dropped by normalisation (utm_* by prefix). */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'fbclid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wickedid',
  'rb_clickid',
  's_cid',
  'ref_src',
  'srsltid',
]);

const isTrackingParam = (name: string): boolean => {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
};

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Decodes percent-escapes of unreserved characters and upper-cases the others (RFC 3986 §6.2.2). */
function normalisePercentEncoding(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
    const ch = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

/**
 * Normalises an http(s) URL: lower-case scheme and host (IDN as punycode, trailing dot dropped), default port and
 * fragment and credentials dropped, dot segments resolved, percent-encoding normalised, tracking parameters removed
 * and the remaining query parameters sorted by name (stable). Returns null for anything that is not http(s).
 */
export function normalizeUrl(url: string, base?: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.replace(/\.+$/, '');
  u.pathname = normalisePercentEncoding(u.pathname);
  if (u.search) {
    const params = new URLSearchParams(u.search);
    for (const name of new Set(params.keys())) if (isTrackingParam(name)) params.delete(name);
    params.sort();
    const query = params.toString();
    u.search = query ? `?${query}` : '';
  }
  return u.href;
}

/** The path a 'path_prefix' scope allows: the start path as a directory ('/docs' → '/docs/'; '/docs/a.html' → '/docs/'). */
export function scopePrefix(startPath: string): string {
  if (startPath.endsWith('/')) return startPath;
  const last = startPath.slice(startPath.lastIndexOf('/') + 1);
  return /\.[A-Za-z0-9]{1,6}$/.test(last) ? startPath.slice(0, startPath.lastIndexOf('/') + 1) : `${startPath}/`;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Builds the scope check of a source. Throws if the start URL is not http(s) or a pattern is not a valid glob.
 * Order of checks: not_http, out_of_scope_host, out_of_scope_path, excluded_pattern, not_included.
 * Globs match the URL path (raw or percent-decoded), with picomatch and `dot: true`.
 */
export function scopeFilter(source: ScopeSource): ScopeFilter {
  const startHref = normalizeUrl(source.startUrl);
  if (!startHref) throw new Error('scopeFilter: startUrl must be an absolute http(s) URL');
  const start = new URL(startHref);
  const prefix = scopePrefix(start.pathname);
  const startPathNoSlash = prefix.slice(0, -1);
  const compile = (patterns: readonly string[] | undefined): ((path: string) => boolean) | null => {
    const list = (patterns ?? []).map((p) => p.trim()).filter((p) => p !== '');
    return list.length > 0 ? picomatch(list, { dot: true }) : null;
  };
  const excluded = compile(source.excludePatterns);
  const included = compile(source.includePatterns);
  const matches = (matcher: (path: string) => boolean, path: string): boolean => matcher(path) || matcher(safeDecode(path));

  return (raw: string, base?: string): ScopeDecision => {
    const url = normalizeUrl(raw, base);
    if (!url) return { inScope: false, reason: 'not_http', url: null };
    const u = new URL(url);
    if (u.host !== start.host) return { inScope: false, reason: 'out_of_scope_host', url };
    if (source.scope === 'path_prefix' && !(u.pathname.startsWith(prefix) || u.pathname === startPathNoSlash)) {
      return { inScope: false, reason: 'out_of_scope_path', url };
    }
    if (excluded && matches(excluded, u.pathname)) return { inScope: false, reason: 'excluded_pattern', url };
    if (included && !matches(included, u.pathname)) return { inScope: false, reason: 'not_included', url };
    return { inScope: true, url };
  };
}
