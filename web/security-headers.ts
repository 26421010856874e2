import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

/**
 * What the app may load: only its own origin (scripts, styles, the same-origin /graphql over HTTP and WebSocket,
 * /media thumbnails), no plugins, no <base> or form targets elsewhere, and no framing (clickjacking).
 */
const APP_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

const COMMON_HEADERS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'strict-origin-when-cross-origin'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
];

/** An origin as the widget settings store it (`https://shop.example.com`, `http://127.0.0.1:8080`), or `*`. */
const ORIGIN = /^(\*|https?:\/\/[a-z0-9.-]+(:\d{1,5})?|https?:\/\/\[[0-9a-f:.]+\](:\d{1,5})?)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The `frame-ancestors` source list of one organization's widget panel, from the public `widgetFrameAncestors`
 * query: its allowed origins, `*` for any site, `'none'` when the widget is off, unknown or the API does not answer.
 * Kept for a short while, so a page full of widgets does not ask once per load.
 */
export class WidgetFrameAncestors {
  private readonly cache = new Map<string, { value: string; expires: number }>();

  constructor(
    private readonly gatewayUrl: string,
    private readonly ttlMs = 30_000,
  ) {}

  async of(organizationId: string | null): Promise<string> {
    if (!organizationId || !UUID.test(organizationId)) return "'none'";
    const cached = this.cache.get(organizationId);
    if (cached && cached.expires > Date.now()) return cached.value;
    try {
      const response = await fetch(new URL('/graphql', this.gatewayUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($o: ID!) { widgetFrameAncestors(organizationId: $o) }', variables: { o: organizationId } }),
        signal: AbortSignal.timeout(5_000),
      });
      const body = (await response.json()) as { data?: { widgetFrameAncestors?: unknown } };
      const list = body.data?.widgetFrameAncestors;
      if (!Array.isArray(list)) return "'none'";
      const origins = list.filter((o): o is string => typeof o === 'string' && ORIGIN.test(o));
      const value = origins.length > 0 ? origins.join(' ') : "'none'";
      if (this.cache.size >= 1_000) this.cache.clear();
      this.cache.set(organizationId, { value, expires: Date.now() + this.ttlMs });
      return value;
    } catch {
      // Closed when in doubt: the panel is simply not shown inside other sites for now.
      return "'none'";
    }
  }
}

/** Paths the preview server forwards to the gateway, which sends its own headers. */
const PROXIED = /^\/(graphql|media)(\/|\?|$)/;
/** The widget's panel (a route of the app), not the widget's script `/widget.js`. */
const WIDGET_PANEL = /^\/widget\/?(\?|$)/;

/** Sets the security headers of one response of the app; resolves once they are set. */
export async function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, ancestors: WidgetFrameAncestors): Promise<void> {
  const url = req.url ?? '/';
  if (PROXIED.test(url)) return;
  for (const [name, value] of COMMON_HEADERS) res.setHeader(name, value);
  if (WIDGET_PANEL.test(url)) {
    // Framed by the organization's allowed sites only; X-Frame-Options cannot say that, so only CSP speaks here.
    const organizationId = new URL(url, 'http://app.invalid').searchParams.get('organization');
    res.setHeader('content-security-policy', [...APP_POLICY, `frame-ancestors ${await ancestors.of(organizationId)}`].join('; '));
    return;
  }
  res.setHeader('content-security-policy', [...APP_POLICY, "frame-ancestors 'none'"].join('; '));
  res.setHeader('x-frame-options', 'DENY');
}

/**
 * Security headers for the built app as `vite preview` serves it (what `npm run up` runs): Content-Security-Policy,
 * frame-ancestors (the widget panel: its organization's allowed sites; everything else: none), X-Frame-Options,
 * X-Content-Type-Options, Referrer-Policy. The dev server keeps Vite's defaults (its HMR needs inline scripts).
 */
export function securityHeaders(gatewayUrl: string): Plugin {
  return {
    name: 'scs-security-headers',
    configurePreviewServer(server) {
      const ancestors = new WidgetFrameAncestors(gatewayUrl);
      server.middlewares.use((req, res, next) => {
        setSecurityHeaders(req, res, ancestors).then(() => next(), next);
      });
    },
  };
}
