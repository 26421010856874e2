// Renders one page in the shared Chromium. Crawled content is hostile: every request the page makes goes through
// request interception and is allowed only when it is same-origin with the page and passes the URL policy. Chromium
// never touches the network itself: allowed requests are fetched by `safeFetch` (DNS pinned to the vetted addresses)
// and answered from here, so a DNS answer that changes between our check and the browser's own lookup (rebinding)
// cannot lead it to a private address.
import type { HTTPRequest, Page } from 'puppeteer-core';
import { checkUrl, safeFetch, type UrlPolicy } from '../fetching/index.js';
import type { BrowserPool } from './browser-pool.js';

export type RenderFailureReason = 'render_timeout' | 'render_blocked' | 'render_failed';

export type RenderResult =
  { ok: true; html: string; finalUrl: string; status: number | undefined } | { ok: false; reason: RenderFailureReason; detail: string };

/** One intercepted request and what became of it. */
export interface InterceptedRequest {
  url: string;
  resourceType: string;
  allowed: boolean;
  /** Why it was refused: 'cross_origin', 'resource_type', or a `UrlCheckReason` ('private_address', 'port', …). */
  reason?: string;
}

export interface RenderOptions {
  policy: UrlPolicy;
  /** Bounds the whole render (navigation, scripts, settling, serialisation); default 15 s. */
  timeoutMs?: number;
  /** Largest rendered HTML returned, in UTF-8 bytes; default 10 MiB. */
  maxBytes?: number;
  /** After DOMContentLoaded, wait at most this long for the network to go quiet (500 ms without requests); default 3 s. */
  settleMs?: number;
  userAgent?: string;
  /** Sees every request the page tried to make (tests, debugging, metrics). */
  onRequest?: (request: InterceptedRequest) => void;
  /** The page's HTML as the crawler already fetched it: served to the browser instead of downloading it again. */
  initialDocument?: { body: Buffer; contentType: string };
}

/** Not needed for the text of a page; refused to save time and bandwidth. */
const BLOCKED_TYPES = new Set([
  'image',
  'media',
  'font',
  'stylesheet',
  'websocket',
  'eventsource',
  'manifest',
  'texttrack',
  'ping',
  'cspviolationreport',
  'prefetch',
  'signedexchange',
]);

/**
 * Defence in depth, run in every frame before the page's own scripts: interfaces that open connections the request
 * interception does not see (WebSocket, WebTransport, WebRTC) or that run outside the page (service and shared workers).
 */
const HARDENING_SCRIPT = `(() => {
  for (const name of ['WebSocket', 'WebTransport', 'RTCPeerConnection', 'webkitRTCPeerConnection', 'SharedWorker']) {
    try { Object.defineProperty(globalThis, name, { value: undefined, configurable: false, writable: false }); } catch {}
  }
  try { Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined, configurable: false }); } catch {}
  try { window.open = () => null; } catch {}
})();`;

class RenderTimeout extends Error {}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

export async function renderPage(pool: BrowserPool, url: string, options: RenderOptions): Promise<RenderResult> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const settleMs = options.settleMs ?? 3_000;

  const verdict = await checkUrl(url, options.policy);
  if (!verdict.ok) return { ok: false, reason: 'render_blocked', detail: `${verdict.reason}: ${verdict.detail}` };
  const origin = verdict.url.origin;

  try {
    return await pool.withPage(async (page) => {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RenderTimeout(`render took longer than ${timeoutMs} ms`)), timeoutMs);
      });
      const work = render(page, verdict.url.href, origin, timeoutMs, maxBytes, settleMs, options);
      work.catch(() => {}); // after a timeout the page is closed under it; its rejection is expected
      try {
        return await Promise.race([work, deadline]);
      } finally {
        clearTimeout(timer);
      }
    });
  } catch (error) {
    if (error instanceof RenderTimeout) return { ok: false, reason: 'render_timeout', detail: error.message };
    if (error instanceof Error && error.name === 'TimeoutError') return { ok: false, reason: 'render_timeout', detail: describe(error) };
    return { ok: false, reason: 'render_failed', detail: describe(error) };
  }
}

async function render(
  page: Page,
  url: string,
  origin: string,
  timeoutMs: number,
  maxBytes: number,
  settleMs: number,
  options: RenderOptions,
): Promise<RenderResult> {
  const started = Date.now();
  const remaining = () => Math.max(1, timeoutMs - (Date.now() - started));
  let mainBlocked: string | undefined;
  let documentServed = false;
  let mainFailed: string | undefined;

  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => {}));
  page.on('popup', (popup) => void popup?.close().catch(() => {}));
  await page.setBypassServiceWorker(true);
  await page.evaluateOnNewDocument(HARDENING_SCRIPT);
  if (options.userAgent) await page.setUserAgent(options.userAgent);
  page.setDefaultTimeout(timeoutMs);
  await page.setRequestInterception(true);

  page.on('request', (request: HTTPRequest) => {
    void (async () => {
      const requestUrl = request.url();
      const resourceType = request.resourceType();
      if (requestUrl.startsWith('data:') || requestUrl.startsWith('blob:')) return; // never reach the network, not intercepted
      let refusal: string | undefined;
      try {
        if (BLOCKED_TYPES.has(resourceType)) refusal = 'resource_type';
        // A crawler reads; it never submits forms or posts data on a site's behalf.
        else if (request.method() !== 'GET') refusal = 'method';
        // Origin first: no DNS lookup (a leak in itself) for hosts the page may not reach anyway.
        else if (new URL(requestUrl).origin !== origin) refusal = 'cross_origin';
        else {
          const check = await checkUrl(requestUrl, options.policy);
          if (!check.ok) refusal = check.reason;
        }
      } catch {
        refusal = 'invalid_url';
      }
      options.onRequest?.({ url: requestUrl, resourceType, allowed: !refusal, ...(refusal ? { reason: refusal } : {}) });
      if (refusal && request.isNavigationRequest() && request.frame() === page.mainFrame()) mainBlocked = `${refusal}: ${requestUrl}`;
      if (request.isInterceptResolutionHandled()) return;
      if (refusal) return request.abort('blockedbyclient');
      const isDocument = request.isNavigationRequest() && request.frame() === page.mainFrame();
      if (isDocument && options.initialDocument && !documentServed && new URL(requestUrl).href === url) {
        documentServed = true;
        return request.respond({ status: 200, contentType: options.initialDocument.contentType, body: options.initialDocument.body });
      }
      const failure = await respondSafely(request, requestUrl, { ...options, maxBytes, timeoutMs: remaining() });
      if (failure && isDocument) mainFailed = failure;
    })().catch(() => {}); // the page may be closing under us
  });

  let status: number | undefined;
  try {
    const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: remaining() });
    status = response?.status();
  } catch (error) {
    if (mainBlocked) return { ok: false, reason: 'render_blocked', detail: mainBlocked };
    if (mainFailed) return { ok: false, reason: 'render_failed', detail: mainFailed };
    throw error;
  }
  if (mainBlocked) return { ok: false, reason: 'render_blocked', detail: mainBlocked };

  // Let scripts fetch and render; quiet network or the settle bound, whichever first. A page that never goes quiet
  // is still returned as rendered so far.
  await page.waitForNetworkIdle({ idleTime: 500, timeout: Math.min(settleMs, remaining()) }).catch(() => {});
  if (mainBlocked) return { ok: false, reason: 'render_blocked', detail: mainBlocked };

  // UTF-16 length ≤ UTF-8 bytes, so this refuses oversized documents before serialising them across the protocol.
  const length = Number(await page.evaluate('document.documentElement ? document.documentElement.outerHTML.length : 0'));
  if (length > maxBytes) return { ok: false, reason: 'render_failed', detail: `rendered HTML is over ${maxBytes} bytes (${length} characters)` };
  const html = await page.content();
  const bytes = Buffer.byteLength(html);
  if (bytes > maxBytes) return { ok: false, reason: 'render_failed', detail: `rendered HTML is ${bytes} bytes, over ${maxBytes}` };
  return { ok: true, html, finalUrl: page.url(), status };
}

/**
 * Fetches an allowed request with `safeFetch` and answers the browser with the result. Redirects are
 * passed on, not followed, so the browser's next request passes the interception checks again.
 * Returns why the request failed, if it did.
 */
async function respondSafely(
  request: HTTPRequest,
  requestUrl: string,
  options: RenderOptions & { maxBytes: number; timeoutMs: number },
): Promise<string | undefined> {
  const fetched = await safeFetch(requestUrl, {
    redirect: 'manual',
    userAgent: options.userAgent ?? 'Mozilla/5.0',
    policy: options.policy,
    allowedContentTypes: ['*/*'],
    maxBodyBytes: options.maxBytes,
    totalTimeoutMs: options.timeoutMs,
    headers: { accept: request.headers().accept ?? '*/*' },
  });
  if (request.isInterceptResolutionHandled()) return undefined;
  if (fetched.ok && fetched.status >= 300) {
    await request.respond({ status: fetched.status, headers: { location: fetched.headers.location ?? '' } });
  } else if (fetched.ok) {
    const contentType = fetched.headers['content-type'];
    await request.respond({ status: fetched.status, ...(contentType ? { contentType } : {}), body: fetched.body });
  } else if (fetched.reason === 'http_error' && fetched.status) {
    await request.respond({ status: fetched.status, body: '' });
  } else {
    await request.abort(fetched.reason === 'timeout' ? 'timedout' : 'failed');
    return fetched.reason === 'too_large' ? `the document is over ${options.maxBytes} bytes (${fetched.detail})` : `${fetched.reason}: ${fetched.detail}`;
  }
  return undefined;
}
