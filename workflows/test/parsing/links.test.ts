// scopeFilter and normalizeUrl: unit cases, and the fixture site's links under a 'host' scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeUrl, parsePage, scopeFilter, scopePrefix, type ScopeDecision } from '../../src/parsing/index.js';
import { buildManifest } from '../fixture-site/manifest.js';
import { startFixtureSite, type FixtureSite } from '../fixture-site/site.js';
import { fetchPage } from './support.js';

const START = 'https://help.example.com/docs/';

describe('normalizeUrl', () => {
  it.each([
    ['HTTP://Help.Example.COM:80/a/../b/?utm_source=x&b=2&a=1&utm_medium=y#frag', 'http://help.example.com/b/?a=1&b=2'],
    ['https://help.example.com:443/docs', 'https://help.example.com/docs'],
    ['https://help.example.com:8443/docs', 'https://help.example.com:8443/docs'],
    ['https://user:secret@help.example.com/x', 'https://help.example.com/x'],
    ['https://help.example.com./x', 'https://help.example.com/x'],
    ['https://help.example.com/%7euser/a%2fb%3A', 'https://help.example.com/~user/a%2Fb%3A'],
    ['https://help.example.com/search?q=a+b&fbclid=1&gclid=2&page=2&q=c', 'https://help.example.com/search?page=2&q=a+b&q=c'],
    ['https://help.example.com/x?utm_campaign=launch', 'https://help.example.com/x'],
    ['https://help.example.com', 'https://help.example.com/'],
    ['https://bücher.example/x', 'https://xn--bcher-kva.example/x'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('resolves relative URLs against a base and refuses what is not http(s)', () => {
    expect(normalizeUrl('../billing/faq#q1', 'https://help.example.com/docs/getting-started/')).toBe('https://help.example.com/docs/billing/faq');
    for (const bad of ['mailto:support@example.com', 'javascript:alert(1)', 'ftp://example.com/x', 'data:text/html,x', 'http://', '::::']) {
      expect(normalizeUrl(bad), bad).toBeNull();
    }
  });
});

describe('scopeFilter', () => {
  const inScope = (url: string): string => (scopeFilter({ startUrl: START, scope: 'host' })(url) as ScopeDecision & { url: string }).url;

  it("'host' scope: the start URL's host on either scheme, nothing else", () => {
    const check = scopeFilter({ startUrl: START, scope: 'host' });
    expect(check('https://help.example.com/blog/post')).toEqual({ inScope: true, url: 'https://help.example.com/blog/post' });
    expect(check('http://HELP.example.com/docs/#top')).toEqual({ inScope: true, url: 'http://help.example.com/docs/' });
    expect(check('https://www.example.com/docs/')).toEqual({ inScope: false, reason: 'out_of_scope_host', url: 'https://www.example.com/docs/' });
    expect(check('https://sub.help.example.com/')).toMatchObject({ inScope: false, reason: 'out_of_scope_host' });
    expect(check('https://help.example.com:8443/docs/')).toMatchObject({ inScope: false, reason: 'out_of_scope_host' });
    expect(check('https://help.example.com.evil.test/docs/')).toMatchObject({ inScope: false, reason: 'out_of_scope_host' });
    expect(check('mailto:support@help.example.com')).toEqual({ inScope: false, reason: 'not_http', url: null });
    expect(check('javascript:void(0)')).toMatchObject({ reason: 'not_http' });
    expect(check('/relative', 'https://help.example.com/docs/a')).toEqual({ inScope: true, url: 'https://help.example.com/relative' });
    expect(inScope('https://help.example.com/docs/a?utm_source=mail&id=3')).toBe('https://help.example.com/docs/a?id=3');
  });

  it("'path_prefix' scope: only the start path's subtree, on segment boundaries", () => {
    const check = scopeFilter({ startUrl: START, scope: 'path_prefix' });
    expect(check('https://help.example.com/docs/')).toMatchObject({ inScope: true });
    expect(check('https://help.example.com/docs')).toMatchObject({ inScope: true });
    expect(check('https://help.example.com/docs/api/webhooks')).toMatchObject({ inScope: true });
    expect(check('https://help.example.com/blog/')).toMatchObject({ inScope: false, reason: 'out_of_scope_path' });
    expect(check('https://help.example.com/docsearch')).toMatchObject({ inScope: false, reason: 'out_of_scope_path' });
    expect(check('https://help.example.com/docs/../billing/')).toMatchObject({ inScope: false, reason: 'out_of_scope_path' });
    expect(check('https://other.example.com/docs/')).toMatchObject({ inScope: false, reason: 'out_of_scope_host' });
    const noSlash = scopeFilter({ startUrl: 'https://help.example.com/help/en-us', scope: 'path_prefix' });
    expect(noSlash('https://help.example.com/help/en-us/articles/1')).toMatchObject({ inScope: true });
    expect(noSlash('https://help.example.com/help/en-usa')).toMatchObject({ reason: 'out_of_scope_path' });
    expect(scopePrefix('/docs/index.html')).toBe('/docs/');
    expect(scopePrefix('/')).toBe('/');
  });

  it('applies exclude globs before include globs, on the path (raw or decoded)', () => {
    const check = scopeFilter({
      startUrl: START,
      scope: 'host',
      includePatterns: ['/docs/**', '/billing/*'],
      excludePatterns: ['/docs/internal/**', '**/*.pdf', '/docs/**/draft-*'],
    });
    expect(check('https://help.example.com/docs/api/webhooks')).toMatchObject({ inScope: true });
    expect(check('https://help.example.com/billing/faq')).toMatchObject({ inScope: true });
    expect(check('https://help.example.com/billing/invoices/2019')).toMatchObject({ inScope: false, reason: 'not_included' });
    expect(check('https://help.example.com/blog/')).toMatchObject({ inScope: false, reason: 'not_included' });
    expect(check('https://help.example.com/docs/internal/roadmap')).toMatchObject({ inScope: false, reason: 'excluded_pattern' });
    expect(check('https://help.example.com/docs/guide.pdf')).toMatchObject({ inScope: false, reason: 'excluded_pattern' });
    expect(check('https://help.example.com/docs/a/b/draft-v2')).toMatchObject({ inScope: false, reason: 'excluded_pattern' });
    expect(check('https://help.example.com/docs/.well-known/x')).toMatchObject({ inScope: true });
    const decoded = scopeFilter({ startUrl: START, scope: 'host', excludePatterns: ['/docs/über/**'] });
    expect(decoded('https://help.example.com/docs/%C3%BCber/x')).toMatchObject({ reason: 'excluded_pattern' });
  });

  it('refuses a start URL that is not http(s)', () => {
    expect(() => scopeFilter({ startUrl: 'ftp://example.com/', scope: 'host' })).toThrow();
  });
});

describe('scopeFilter over the fixture site', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite();
  });
  afterAll(async () => {
    await site?.stop();
  });

  it("puts every on-site link in scope and the off-site ones out ('host' scope)", async () => {
    const manifest = buildManifest(1);
    const check = scopeFilter({ startUrl: `${site.baseUrl}/`, scope: 'host' });
    const outside = new Set<string>();
    const inside = new Set<string>();
    for (const entry of manifest.pages.filter((p) => p.expected === 'indexed')) {
      for (const link of parsePage(await fetchPage(site, entry.path)).links) {
        const d = check(link.url);
        if (d.inScope) inside.add(new URL(d.url).pathname);
        else {
          expect(d.reason).toBe('out_of_scope_host');
          outside.add(d.url!);
        }
      }
    }
    const external = manifest.pages.filter((p) => p.external).map((p) => p.path);
    expect([...outside].sort()).toEqual(external.sort());
    for (const p of manifest.pages.filter((e) => !e.external && e.discovery === 'link')) expect(inside, p.path).toContain(p.path);
    const docsOnly = scopeFilter({ startUrl: `${site.baseUrl}/docs/`, scope: 'path_prefix', excludePatterns: ['/docs/api/**'] });
    expect(docsOnly(`${site.baseUrl}/billing/faq`)).toMatchObject({ reason: 'out_of_scope_path' });
    expect(docsOnly(`${site.baseUrl}/docs/api/webhooks`)).toMatchObject({ reason: 'excluded_pattern' });
    expect(docsOnly(`${site.baseUrl}/docs/accounts/`)).toMatchObject({ inScope: true });
  });
});
