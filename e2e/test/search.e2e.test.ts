import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAndCrawlSource,
  addMember,
  createApiKey,
  GENEROUS_RATE_LIMITS,
  graphqlRequest,
  registerAdmin,
  startEmbeddingWorker,
  startIngestionWorker,
  startSystem,
  type ServiceProcess,
  type Session,
} from '@scs/test-support';
import { startFixtureSite, type FixtureSite } from '../../workflows/test/fixture-site/site.js';
import { EVALUATION_QUESTIONS } from '../../workflows/test/fixture-site/questions.js';

const SEARCH = `query($i: SearchInput!) { search(input: $i) {
  query tookMs
  hits { id score relevance sourceId pageUrl url title headingPath anchor text highlights }
  images { id score sourceId imageUrl pageUrl alt caption thumbnailUrl }
} }`;

/**
 * Hybrid search over a crawled site through the public gateway: the page that answers a question
 * comes first, results are scoped to the organization and to each source's audience, and images
 * come with thumbnails behind signed URLs.
 */
describe('search', () => {
  let site: FixtureSite;
  let system: Awaited<ReturnType<typeof startSystem>>;
  let workers: ServiceProcess[];
  let gateway: ServiceProcess;
  let admin: Session;
  let agent: Session;
  let partnerKey: string;
  let otherAdmin: Session;
  const sources: Record<'site' | 'billing' | 'otherOrgBlog', string> = { site: '', billing: '', otherOrgBlog: '' };

  beforeAll(async () => {
    site = await startFixtureSite();
    system = await startSystem(1, { ...GENEROUS_RATE_LIMITS, CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port });
    gateway = system.gateways[0]!;
    workers = [await startIngestionWorker({ CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port }), await startEmbeddingWorker()];
    admin = await registerAdmin(gateway, 'Search');
    agent = await addMember(gateway, system.subgraphs.users, admin, 'AGENT');
    partnerKey = (await createApiKey(gateway, admin, 'PARTNER', ['search:query'])).secret;
    otherAdmin = await registerAdmin(gateway, 'Other');
    // The whole site but billing for everyone; billing only for agents (and content managers).
    sources.site = (await addAndCrawlSource(gateway, admin, { startUrl: `${site.baseUrl}/`, excludePatterns: ['/billing/**', '/support/**'] })).sourceId;
    sources.billing = (
      await addAndCrawlSource(gateway, admin, { startUrl: `${site.baseUrl}/billing/`, scope: 'PATH_PREFIX', accessRoles: ['AGENT'] })
    ).sourceId;
    sources.otherOrgBlog = (await addAndCrawlSource(gateway, otherAdmin, { startUrl: `${site.baseUrl}/blog/`, scope: 'PATH_PREFIX' })).sourceId;
  }, 600_000);
  afterAll(async () => {
    for (const worker of workers ?? []) await worker.stop();
    await system?.stop();
    await site?.stop();
  });

  const search = (headers: Record<string, string>, input: Record<string, unknown>) => graphqlRequest(gateway.baseUrl, SEARCH, { i: input }, headers);
  const pathOf = (url: string) => new URL(url).pathname;

  it('puts the page that answers each question first (top 3 at worst), with deep links and highlights', async () => {
    const ranks: { question: string; rank: number }[] = [];
    for (const { question, answeredBy } of EVALUATION_QUESTIONS) {
      const { body } = await search(admin.headers, { query: question, limit: 5, includeImages: false });
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      const hits = body.data!.search.hits as { pageUrl: string; url: string; anchor: string | null; highlights: string[]; relevance: number }[];
      ranks.push({ question, rank: hits.findIndex((h) => pathOf(h.pageUrl) === answeredBy) + 1 });
      for (const hit of hits) {
        expect(hit.url).toBe(hit.anchor ? `${hit.pageUrl}#${hit.anchor}` : hit.pageUrl);
        // Page text is untrusted: fragments are HTML-escaped, only <mark> is markup.
        for (const fragment of hit.highlights) expect(fragment.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      }
    }
    const misses = ranks.filter((r) => r.rank === 0 || r.rank > 3);
    expect(misses, JSON.stringify(ranks)).toEqual([]);
    // Most answers come first.
    expect(ranks.filter((r) => r.rank === 1).length).toBeGreaterThanOrEqual(Math.ceil(EVALUATION_QUESTIONS.length * 0.75));
  });

  it('gives no more than two passages of one page, and drops passages unrelated to the question', async () => {
    const { body } = await search(admin.headers, { query: 'API rate limits 429 Retry-After', limit: 10, includeImages: false });
    const perPage = new Map<string, number>();
    for (const hit of body.data!.search.hits) perPage.set(hit.pageUrl, (perPage.get(hit.pageUrl) ?? 0) + 1);
    expect(Math.max(...perPage.values())).toBeLessThanOrEqual(2);
    const nonsense = await search(admin.headers, { query: 'zqxj vbnmw plorf', limit: 10, includeImages: false });
    expect(nonsense.body.data!.search.hits).toEqual([]);
  });

  it("scopes results to the caller's organization and to each source's audience", async () => {
    const pricing = { query: 'How much does the Pro plan cost?', limit: 8, includeImages: true };
    // Billing is for agents: the agent finds the pricing page, the partner key never sees that source.
    const asAgent = await search(agent.headers, pricing);
    expect(pathOf(asAgent.body.data!.search.hits[0].pageUrl)).toBe('/billing/pricing');
    const asPartner = await search({ 'x-api-key': partnerKey }, pricing);
    expect(asPartner.body.errors).toBeUndefined();
    expect(asPartner.body.data!.search.hits.length).toBeGreaterThan(0);
    for (const hit of [...asPartner.body.data!.search.hits, ...asPartner.body.data!.search.images]) expect(hit.sourceId).toBe(sources.site);
    // The other organization crawled the same blog: its passages never appear here, and ours never there.
    const residency = { query: 'Can I keep my data in Europe only?', limit: 8, includeImages: true };
    for (const hit of (await search(admin.headers, residency)).body.data!.search.hits) expect([sources.site, sources.billing]).toContain(hit.sourceId);
    const theirs = (await search(otherAdmin.headers, residency)).body.data!.search.hits;
    expect(theirs.length).toBeGreaterThan(0);
    for (const hit of theirs) expect(hit.sourceId).toBe(sources.otherOrgBlog);
    // Filtering by source, and a source of another organization finds nothing.
    const onlyBilling = await search(admin.headers, { ...pricing, sourceIds: [sources.billing] });
    for (const hit of onlyBilling.body.data!.search.hits) expect(hit.sourceId).toBe(sources.billing);
    expect((await search(admin.headers, { ...pricing, sourceIds: [sources.otherOrgBlog] })).body.data!.search.hits).toEqual([]);
    // Customers ask the bot; searching the index directly is for staff, partners and services.
    const customer = await addMember(gateway, system.subgraphs.users, admin, 'CUSTOMER');
    expect((await search(customer.headers, pricing)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('finds images by what they show, with a thumbnail behind a signed, expiring URL', async () => {
    const { body } = await search(agent.headers, { query: 'where is the VAT number on an invoice', limit: 3, includeImages: true });
    const image = body.data!.search.images.find((i: { imageUrl: string }) => i.imageUrl.endsWith('/images/invoice-example.webp'));
    expect(image, JSON.stringify(body.data!.search.images)).toBeDefined();
    expect(image.thumbnailUrl).toMatch(/^\/media\/thumbnails\/[0-9a-f]{64}\.webp\?org=[0-9a-f-]{36}&expires=\d+&signature=[\w-]+$/);
    const thumbnail = await fetch(new URL(image.thumbnailUrl, gateway.baseUrl));
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    expect((await thumbnail.arrayBuffer()).byteLength).toBeGreaterThan(100);
    // A changed signature, another organization's id or an expired URL: plain 404.
    const tampered = image.thumbnailUrl.replace(/signature=./, (m: string) => (m.endsWith('A') ? 'signature=B' : 'signature=A'));
    expect((await fetch(new URL(tampered, gateway.baseUrl))).status).toBe(404);
    const foreign = image.thumbnailUrl.replace(/org=[0-9a-f-]{36}/, `org=${otherAdmin.orgId}`);
    expect((await fetch(new URL(foreign, gateway.baseUrl))).status).toBe(404);
    const expired = image.thumbnailUrl.replace(/expires=\d+/, 'expires=1000');
    expect((await fetch(new URL(expired, gateway.baseUrl))).status).toBe(404);
  });

  it('refuses bad input with a clear error', async () => {
    for (const input of [{ query: '' }, { query: 'x'.repeat(1001) }, { query: 'ok', limit: 0 }, { query: 'ok', sourceIds: ['not-an-id'] }]) {
      const { body } = await search(admin.headers, input);
      expect(body.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
  });
});
