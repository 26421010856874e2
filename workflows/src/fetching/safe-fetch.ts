import type { LookupAddress } from 'node:dns';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, request } from 'undici';
import { checkUrl, normalizeHostname, type UrlCheckReason, type UrlPolicy, type VettedAddress } from '@scs/runtime/url-policy';

export type SafeFetchFailureReason =
  'blocked_url' | 'redirect_loop' | 'too_many_redirects' | 'timeout' | 'too_large' | 'content_type' | 'http_error' | 'network_error' | 'robots_disallowed';

export interface SafeFetchSuccess {
  ok: true;
  /** The URL that answered with the body, after redirects, without fragment. */
  finalUrl: string;
  status: number;
  /** Response headers, names in lower case, repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Media type without parameters, lower case (`text/html`); '' when the server sent none. */
  contentType: string;
  /** The decoded body (gzip, deflate and br are undone). */
  body: Buffer;
  /** Every URL that answered with a redirect, in order, starting with the requested one; empty when none. */
  redirects: string[];
  /** True only with `truncateBody`, when the body was cut at `maxBodyBytes`. */
  truncated: boolean;
}

export interface SafeFetchFailure {
  ok: false;
  reason: SafeFetchFailureReason;
  /** Human-readable explanation, safe to log. */
  detail: string;
  /** HTTP status, when a response was received. */
  status?: number;
  /** The URL being fetched when it failed (the requested one or a redirect target). */
  url: string;
  /** For `blocked_url`: which rule of the URL policy refused it. */
  blockedBy?: UrlCheckReason;
  redirects: string[];
}

export type SafeFetchResult = SafeFetchSuccess | SafeFetchFailure;

/** What a robots.txt check must offer to be consulted before each hop. */
export interface RobotsGate {
  isAllowed(url: string, userAgent?: string): Promise<boolean>;
}

export const PAGE_CONTENT_TYPES: readonly string[] = ['text/html', 'application/xhtml+xml', 'text/plain'];
export const IMAGE_CONTENT_TYPES: readonly string[] = ['image/*'];

export interface SafeFetchOptions {
  /** Sent as `User-Agent` on every request, e.g. `SCSBot/1.0 (+https://example.com/bot)`. */
  userAgent: string;
  /** Applied to the requested URL and to every redirect target. */
  policy?: UrlPolicy;
  /** Redirects followed before giving up with `too_many_redirects`; default 5. */
  maxRedirects?: number;
  /** TCP (and TLS) connect timeout per hop; default 5 s. */
  connectTimeoutMs?: number;
  /** Time from sending a request to receiving its response headers, per hop; default 10 s. */
  headersTimeoutMs?: number;
  /** Bound on the whole call: DNS, every hop, the body; default 30 s. */
  totalTimeoutMs?: number;
  /** Largest decoded body accepted; default 10 MiB. */
  maxBodyBytes?: number;
  /** Keep the first `maxBodyBytes` of a larger body (marked `truncated`) instead of failing with `too_large`. */
  truncateBody?: boolean;
  /** Media types accepted: exact (`text/html`), `type/*`, or `*` + '/' + `*` for anything; default PAGE_CONTENT_TYPES. */
  allowedContentTypes?: readonly string[];
  /** Extra request headers (the User-Agent, Accept and Accept-Encoding are set here). */
  headers?: Record<string, string>;
  /** Consulted before each hop; a refusal ends the fetch with `robots_disallowed`. */
  robots?: RobotsGate;
  /** Aborting ends the fetch with `network_error` (detail `aborted`). */
  signal?: AbortSignal;
  /** `manual`: a redirect is returned as it is (ok, its 3xx status and headers, empty body), not followed. Default `follow`. */
  redirect?: 'follow' | 'manual';
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

class TotalTimeout extends Error {}

function contentTypeAllowed(contentType: string, allowed: readonly string[]): boolean {
  return allowed.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p === '*/*') return true;
    if (!contentType) return false;
    if (p.endsWith('/*')) return contentType.startsWith(p.slice(0, -1));
    return contentType === p;
  });
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function decoderFor(encoding: string): NodeJS.ReadWriteStream | null | undefined {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e?.code ?? e?.cause?.code;
  const message = e?.message ?? String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** Stops receiving a body: destroying the stream aborts the request, and its abort error is expected, not thrown. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

function isUndiciTimeout(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

/** Rejects as soon as `signal` aborts, so awaits that cannot be cancelled (DNS, robots) still honour the deadline. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * GETs a URL the way a crawler must: every hop is checked by the URL policy before connecting, and the connection goes
 * to an address that check vetted (the agent's DNS lookup only answers with those), so a DNS answer cannot change
 * between check and connect. Redirects are followed by hand, with loop detection and a bound; time, size and media
 * type are bounded. Expected failures come back as `{ ok: false, reason }`; it does not throw for them.
 */
export async function safeFetch(input: string | URL, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const maxRedirects = options.maxRedirects ?? 5;
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const totalTimeoutMs = options.totalTimeoutMs ?? 30_000;
  const allowedContentTypes = options.allowedContentTypes ?? PAGE_CONTENT_TYPES;

  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new TotalTimeout(`no complete response within ${totalTimeoutMs} ms`)), totalTimeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;

  // Host name → addresses vetted by checkUrl for this call; the only answers the agent's lookup gives.
  const vetted = new Map<string, VettedAddress[]>();
  const lookup = (hostname: string, lookupOptions: { all?: boolean; family?: number | string }, callback: LookupCallback) => {
    const family = lookupOptions.family === 'IPv4' ? 4 : lookupOptions.family === 'IPv6' ? 6 : Number(lookupOptions.family ?? 0);
    const candidates = (vetted.get(normalizeHostname(hostname)) ?? []).filter((a) => !family || a.family === family);
    process.nextTick(() => {
      if (candidates.length === 0) {
        const error: NodeJS.ErrnoException = new Error(`${hostname} has no vetted address`);
        error.code = 'ENOTFOUND';
        callback(error, []);
      } else if (lookupOptions.all) {
        callback(
          null,
          candidates.map((a) => ({ address: a.address, family: a.family })),
        );
      } else {
        callback(null, candidates[0]!.address, candidates[0]!.family);
      }
    });
  };
  const agent = new Agent({
    connect: { timeout: options.connectTimeoutMs ?? 5_000, lookup },
    headersTimeout: options.headersTimeoutMs ?? 10_000,
    bodyTimeout: totalTimeoutMs,
  });

  const redirects: string[] = [];
  const seen = new Set<string>();
  let current = String(input);
  let status: number | undefined;
  const fail = (reason: SafeFetchFailureReason, detail: string, extra: Partial<SafeFetchFailure> = {}): SafeFetchFailure => ({
    ok: false,
    reason,
    detail,
    url: current,
    redirects: [...redirects],
    ...(status !== undefined ? { status } : {}),
    ...extra,
  });

  try {
    for (;;) {
      status = undefined;
      const check = await untilAborted(checkUrl(current, options.policy), signal);
      if (!check.ok) return fail('blocked_url', `${check.reason}: ${check.detail}`, { blockedBy: check.reason });
      const url = check.url;
      url.hash = '';
      current = url.href;
      seen.add(current);

      if (options.robots && !(await untilAborted(options.robots.isAllowed(current, options.userAgent), signal))) {
        return fail('robots_disallowed', `robots.txt of ${url.origin} disallows ${url.pathname}`);
      }

      vetted.set(check.hostname, check.addresses);
      const response = await request(url, {
        dispatcher: agent,
        method: 'GET',
        signal,
        headers: {
          ...options.headers,
          'user-agent': options.userAgent,
          accept: allowedContentTypes.join(', '),
          'accept-encoding': 'gzip, deflate, br',
        },
      });
      status = response.statusCode;
      const headers = flattenHeaders(response.headers);

      if (REDIRECT_STATUSES.has(status) && options.redirect === 'manual') {
        discard(response.body);
        return { ok: true, finalUrl: current, status, headers, contentType: '', body: Buffer.alloc(0), redirects, truncated: false };
      }
      if (REDIRECT_STATUSES.has(status)) {
        discard(response.body);
        const location = headers.location;
        if (!location) return fail('http_error', `${status} redirect without a Location header`);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          return fail('blocked_url', `invalid_url: redirect to an invalid URL ${location.slice(0, 200)}`, { blockedBy: 'invalid_url' });
        }
        next.hash = '';
        if (seen.has(next.href)) {
          redirects.push(current);
          return fail('redirect_loop', `${current} redirects back to ${next.href}, already visited`, { url: next.href });
        }
        if (redirects.length >= maxRedirects) return fail('too_many_redirects', `more than ${maxRedirects} redirects`);
        redirects.push(current);
        current = next.href;
        continue;
      }

      if (status < 200 || status >= 300) {
        discard(response.body);
        return fail('http_error', `HTTP ${status}`);
      }

      const contentType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!contentTypeAllowed(contentType, allowedContentTypes)) {
        discard(response.body);
        return fail('content_type', `content type ${contentType || '(none)'} is not one of ${allowedContentTypes.join(', ')}`);
      }

      const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
      const decoder = decoderFor(encoding);
      if (decoder === undefined) {
        discard(response.body);
        return fail('content_type', `content encoding ${encoding} is not supported`);
      }

      const declaredLength = Number(headers['content-length']);
      if (!options.truncateBody && !decoder && Number.isFinite(declaredLength) && declaredLength > maxBodyBytes) {
        discard(response.body);
        return fail('too_large', `Content-Length ${declaredLength} exceeds ${maxBodyBytes} bytes`);
      }

      const source: Readable = decoder
        ? (pipeline(response.body, decoder as unknown as NodeJS.WritableStream, () => {}) as unknown as Readable)
        : response.body;
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      for await (const chunk of source) {
        const buffer = chunk as Buffer;
        if (size + buffer.length > maxBodyBytes) {
          // Leaving the loop destroys the stream, which aborts the download.
          if (!options.truncateBody) {
            discard(response.body);
            return fail('too_large', `body exceeds ${maxBodyBytes} bytes`);
          }
          chunks.push(buffer.subarray(0, maxBodyBytes - size));
          size = maxBodyBytes;
          truncated = true;
          discard(response.body);
          break;
        }
        chunks.push(buffer);
        size += buffer.length;
      }

      return { ok: true, finalUrl: current, status, headers, contentType, body: Buffer.concat(chunks, size), redirects, truncated };
    }
  } catch (error) {
    if (deadline.signal.aborted) return fail('timeout', `no complete response within ${totalTimeoutMs} ms`);
    if (options.signal?.aborted) return fail('network_error', 'aborted');
    if (isUndiciTimeout(error)) return fail('timeout', describe(error));
    return fail('network_error', describe(error));
  } finally {
    clearTimeout(timer);
    // Closes every socket of this call, including one still receiving a body that was refused.
    agent.destroy().catch(() => {});
  }
}
