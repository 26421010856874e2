import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest, registerAdmin, startWebPreview, startSystem, TEST_PORTS, type ServiceProcess, type Session } from '@scs/test-support';

const WEB_PORT = TEST_PORTS.web;
const APP = `http://127.0.0.1:${WEB_PORT}`;

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string | null): Record<string, string> {
  return Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]),
  );
}

describe('the web app’s security headers, as `vite preview` (npm run up) serves it', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let web: ServiceProcess;
  let withWidget: Session;
  let withoutWidget: Session;

  beforeAll(async () => {
    system = await startSystem(1);
    // The built app (npm test builds web/dist), with its proxy to the test gateway.
    web = await startWebPreview(system.gateways[0]!.baseUrl);
    withWidget = await registerAdmin(system.gateways[0]!, 'Framed');
    withoutWidget = await registerAdmin(system.gateways[0]!, 'Unframed');
    const enabled = await graphqlRequest(
      system.gateways[0]!.baseUrl,
      'mutation { updateWidgetSettings(input: { enabled: true, allowedOrigins: ["https://shop.example.com", "http://127.0.0.1:8080"] }) { enabled } }',
      undefined,
      withWidget.headers,
    );
    expect(enabled.body.errors).toBeUndefined();
  }, 180_000);
  afterAll(async () => {
    await web?.stop();
    await system?.stop();
  });

  it.each(['/', '/sign-in', '/admin/members', '/widget.js'])('%s: own-origin scripts only, never framed, nosniff, a referrer policy', async (path) => {
    const response = await fetch(`${APP}${path}`);
    expect(response.status).toBe(200);
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp).toMatchObject({ 'default-src': "'self'", 'script-src': "'self'", 'object-src': "'none'", 'base-uri': "'self'", 'frame-ancestors': "'none'" });
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('the built page has no inline script the policy would block', async () => {
    const html = await (await fetch(`${APP}/`)).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
  });

  it('/widget may be framed by its organization’s allowed sites only, and by none when the widget is off or unknown', async () => {
    const framedBy = async (query: string) => {
      const response = await fetch(`${APP}/widget${query}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-frame-options')).toBeNull();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      return directives(response.headers.get('content-security-policy'))['frame-ancestors'];
    };
    expect(await framedBy(`?organization=${withWidget.orgId}`)).toBe('https://shop.example.com http://127.0.0.1:8080');
    expect(await framedBy(`?organization=${withoutWidget.orgId}`)).toBe("'none'");
    expect(await framedBy('?organization=00000000-0000-4000-8000-000000000000')).toBe("'none'");
    expect(await framedBy('?organization=not-a-uuid')).toBe("'none'");
    expect(await framedBy('')).toBe("'none'");
  });

  it('answers from the gateway keep the gateway’s own headers (the proxy is not rewritten)', async () => {
    const response = await fetch(`${APP}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});
