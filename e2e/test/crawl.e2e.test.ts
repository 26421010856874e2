import { createHash } from 'node:crypto';
import { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import { Client as TemporalClient, Connection, ScheduleNotFoundError } from '@temporalio/client';
import { KNOWLEDGE_INDEX_ALIAS } from '@scs/contracts/knowledge-index';
import { subscriptionTopic } from '@scs/contracts/subscription-topics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  collect,
  graphqlRequest,
  queryDatabase,
  registerAdmin,
  stackEnv,
  startEmbeddingWorker,
  startIngestionWorker,
  startSystem,
  waitForChannelSubscribers,
  wsClient,
  type ServiceProcess,
  type Session,
} from '@scs/test-support';
import { startFixtureSite, type FixtureSite } from '../../workflows/test/fixture-site/site.js';

const PROGRESS =
  'sourceId runId status discovered fetched indexed skipped failed skippedByReason { reason count } failedByReason { reason count } imagesIndexed imagesFailed imagesFailedByReason { reason count }';

/** A curator adds the fixture site, starts a crawl, watches it over a subscription, and finds the content in the index. */
describe('crawling a website end to end', () => {
  let site: FixtureSite;
  let system: Awaited<ReturnType<typeof startSystem>>;
  let worker: ServiceProcess;
  let embeddingWorker: ServiceProcess;
  let gateway: ServiceProcess;
  let curator: Session;
  let sourceId: string;
  const openSearch = new OpenSearchClient({ node: stackEnv().OPENSEARCH_URL! });

  beforeAll(async () => {
    site = await startFixtureSite();
    system = await startSystem(1, { CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port });
    gateway = system.gateways[0]!;
    worker = await startIngestionWorker(workerEnv());
    embeddingWorker = await startEmbeddingWorker();
    const admin = await registerAdmin(gateway, 'Crawl');
    curator = await addMember(gateway, system.subgraphs.users, admin, 'CURATOR');
  });
  afterAll(async () => {
    await worker?.stop();
    await embeddingWorker?.stop();
    await system?.stop();
    await site?.stop();
    await openSearch.close();
  });

  const workerEnv = () => ({ CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port, CRAWLER_MAX_PAGE_BYTES: String(2 * 1024 * 1024) });
  const as = (query: string, variables?: Record<string, unknown>) => graphqlRequest(gateway.baseUrl, query, variables, curator.headers);
  const searchText = async (phrase: string) => {
    await openSearch.indices.refresh({ index: KNOWLEDGE_INDEX_ALIAS });
    const { body } = await openSearch.search({
      index: KNOWLEDGE_INDEX_ALIAS,
      body: { query: { bool: { filter: [{ term: { orgId: curator.orgId } }, { term: { sourceId } }], must: [{ match_phrase: { text: phrase } }] } } },
    });
    return body.hits.hits.map((h) => (h._source as { pageUrl: string; anchor: string | null }).pageUrl);
  };

  /** Reads progress events until the run ends, and returns the last one. */
  async function untilFinished(events: ReturnType<typeof collect<Record<string, any>>>, timeoutMs: number): Promise<Record<string, any>> {
    for (;;) {
      const event = await events.next(timeoutMs);
      expect(event.errors, JSON.stringify(event.errors)).toBeUndefined();
      const progress = event.data!.crawlProgress;
      if (process.env.DEBUG_CRAWL) console.log(JSON.stringify(progress));
      if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(progress.status)) return progress;
    }
  }

  async function crawlToTheEnd(): Promise<Record<string, any>> {
    const client = wsClient(gateway.baseUrl, { authorization: `Bearer ${curator.accessToken}` });
    try {
      const events = collect(client, `subscription($s: ID!) { crawlProgress(sourceId: $s) { ${PROGRESS} } }`, { s: sourceId });
      await waitForChannelSubscribers(subscriptionTopic('crawlProgress', { sourceId }, curator.orgId), 1);
      const started = await as('mutation($s: ID!) { startCrawl(sourceId: $s) { runId status temporalUiUrl } }', { s: sourceId });
      expect(started.body.errors, JSON.stringify(started.body.errors)).toBeUndefined();
      expect(started.body.data!.startCrawl.temporalUiUrl).toContain(`/workflows/crawl-source-${sourceId}/`);
      const again = await as('mutation($s: ID!) { startCrawl(sourceId: $s) { runId } }', { s: sourceId });
      expect(again.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('already running') });
      return await untilFinished(events, 120_000);
    } finally {
      await client.dispose();
    }
  }

  it('crawls the site, counting every page with a reason, and makes its text searchable', async () => {
    const added = await as('mutation($i: AddSourceInput!) { addSource(input: $i) { id } }', {
      i: { startUrl: `${site.baseUrl}/`, jsRendering: 'AUTO', maxPages: 120, maxDepth: 6 },
    });
    expect(added.body.errors, JSON.stringify(added.body.errors)).toBeUndefined();
    sourceId = added.body.data!.addSource.id;

    const progress = await crawlToTheEnd();
    const reasons = (list: { reason: string; count: number }[]) => Object.fromEntries(list.map((r) => [r.reason, r.count]));
    expect(progress.status).toBe('COMPLETED');
    // Exact counts and reasons, as the fixture's manifest says a correct crawler concludes for every
    // URL reached by a link or the sitemap (redirect hops are followed inside one fetch, not counted apart).
    const linked = site.manifest.pages.filter((p) => p.discovery === 'link');
    const byReason = (kinds: string[]) => {
      const counts: Record<string, number> = {};
      for (const p of linked) if (kinds.includes(p.expected)) counts[p.reason!] = (counts[p.reason!] ?? 0) + 1;
      return counts;
    };
    expect(progress.discovered).toBe(linked.length);
    expect(progress.indexed).toBe(site.manifest.expectedCounts.pages.indexed);
    expect(progress.fetched).toBe(progress.indexed);
    expect(reasons(progress.skippedByReason)).toEqual(byReason(['skipped', 'duplicate']));
    expect(reasons(progress.failedByReason)).toEqual(byReason(['failed']));
    expect(progress.skipped + progress.failed + progress.indexed).toBe(linked.length);
    const imageReasons: Record<string, number> = {};
    for (const image of site.manifest.images) if (image.expected === 'failed') imageReasons[image.reason!] = (imageReasons[image.reason!] ?? 0) + 1;
    expect({ indexed: progress.imagesIndexed, failed: progress.imagesFailed, reasons: reasons(progress.imagesFailedByReason) }).toEqual({
      indexed: site.manifest.expectedCounts.images.indexed,
      failed: site.manifest.expectedCounts.images.failed,
      reasons: imageReasons,
    });
    // Neither private addresses nor other hosts were contacted: the fixture saw only its own URLs.
    // robots.txt disallows /private/: never fetched.
    expect(site.requests().some((r) => r.path.startsWith('/private/'))).toBe(false);

    const indexedPage = site.manifest.pages.find((p) => p.expected === 'indexed' && p.containsText?.length && !p.requiresJavaScript)!;
    expect(await searchText(indexedPage.containsText![0]!)).toContain(`${site.baseUrl}${indexedPage.path}`);
    // The page whose text only its script writes was rendered in Chromium (AUTO mode), and only that one.
    const scripted = site.manifest.pages.find((p) => p.requiresJavaScript)!;
    expect(await searchText(scripted.containsText![0]!)).toEqual([`${site.baseUrl}${scripted.path}`]);

    // Every chunk carries its sentence vector (semantic search over them is the knowledge `search` query's).
    await openSearch.indices.refresh({ index: KNOWLEDGE_INDEX_ALIAS });
    const { body: counts } = await openSearch.count({
      index: KNOWLEDGE_INDEX_ALIAS,
      body: { query: { bool: { filter: [{ term: { sourceId } }, { term: { kind: 'chunk' } }], must_not: [{ exists: { field: 'textVector' } }] } } },
    });
    expect(counts.count).toBe(0);

    // Images: the fixture's good images are indexed once each with their alt text, caption, a CLIP
    // vector and a thumbnail stored under its hash; the bomb, the corrupt file and the 404 are not.
    const { body: imageHits } = await openSearch.search({
      index: KNOWLEDGE_INDEX_ALIAS,
      body: { size: 50, query: { bool: { filter: [{ term: { sourceId } }, { term: { kind: 'image' } }] } } },
    });
    const images = imageHits.hits.hits.map((h) => h._source as Record<string, any>);
    const expectedImages = site.manifest.images.filter((i) => i.expected === 'indexed');
    expect(images.map((i) => i.imageUrl).sort()).toEqual(expectedImages.map((i) => `${site.baseUrl}${i.path}`).sort());
    for (const expected of expectedImages) {
      const image = images.find((i) => i.imageUrl === `${site.baseUrl}${expected.path}`)!;
      expect(image).toMatchObject({ alt: expected.alt, caption: expected.caption, thumbnailKey: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(expected.pages.map((p) => `${site.baseUrl}${p}`)).toContain(image.pageUrl);
      expect(image.imageVector).toHaveLength(512);
      expect(image.textVector).toHaveLength(384);
    }
    const thumbnails = await queryDatabase<{ sha256: string; bytes: Buffer }>(
      'select sha256, bytes from knowledge.image_thumbnails where organization_id = $1 and sha256 = any($2)',
      [curator.orgId, images.map((i) => i.thumbnailKey)],
    );
    expect(thumbnails.length).toBe(new Set(images.map((i) => i.thumbnailKey)).size);
    for (const t of thumbnails) expect(createHash('sha256').update(t.bytes).digest('hex')).toBe(t.sha256);
    // The caption's words find the image through BM25 on its text fields.
    const captioned = expectedImages[0]!;
    const { body: byCaption } = await openSearch.search({
      index: KNOWLEDGE_INDEX_ALIAS,
      body: { query: { bool: { filter: [{ term: { sourceId } }, { term: { kind: 'image' } }], must: [{ match: { caption: captioned.caption } }] } } },
    });
    expect((byCaption.hits.hits[0]?._source as { imageUrl: string }).imageUrl).toBe(`${site.baseUrl}${captioned.path}`);

    // What the crawl put in the index, paged: every indexed page once, its chunks in order, the images with thumbnails.
    const pageUrls: string[] = [];
    let after: string | null = null;
    do {
      const { body } = await as(
        'query($s: ID!, $a: String) { sourcePages(sourceId: $s, first: 25, after: $a) { items { url title chunkCount indexedAt } nextCursor } }',
        { s: sourceId, a: after },
      );
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      pageUrls.push(...body.data!.sourcePages.items.map((p: { url: string }) => p.url));
      after = body.data!.sourcePages.nextCursor;
    } while (after);
    expect(new Set(pageUrls).size).toBe(pageUrls.length);
    expect(pageUrls.length).toBe(progress.indexed);
    const chunks = await as(
      'query($s: ID!, $p: String) { sourceChunks(sourceId: $s, pageUrl: $p, first: 200) { items { chunkIndex anchor text } nextCursor } }',
      {
        s: sourceId,
        p: `${site.baseUrl}${indexedPage.path}`,
      },
    );
    expect(chunks.body.data!.sourceChunks.items.map((c: { chunkIndex: number }) => c.chunkIndex)).toEqual(
      chunks.body.data!.sourceChunks.items.map((_: unknown, i: number) => i),
    );
    const listed = await as('query($s: ID!) { sourceImages(sourceId: $s) { items { imageUrl alt thumbnailUrl } nextCursor } }', { s: sourceId });
    expect(listed.body.data!.sourceImages.items).toHaveLength(site.manifest.expectedCounts.images.indexed);
    for (const image of listed.body.data!.sourceImages.items) expect(image.thumbnailUrl).toMatch(/^\/media\/thumbnails\//);
    const badCursor = await as('query($s: ID!) { sourceChunks(sourceId: $s, after: "not-a-cursor") { nextCursor } }', { s: sourceId });
    expect(badCursor.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const runs = await as('query($s: ID!) { crawlRuns(sourceId: $s) { runId status progress { runId indexed } } }', { s: sourceId });
    // The run listed by Temporal is the one the progress events named.
    expect(runs.body.data!.crawlRuns[0]).toMatchObject({
      runId: progress.runId,
      status: 'COMPLETED',
      progress: { runId: progress.runId, indexed: progress.indexed },
    });
  }, 300_000);

  it('a re-crawl after the site changed updates changed pages and removes pages that are gone', async () => {
    site.mutate('second-version');
    const changed = site.manifest.pages.find((p) => site.manifest.changes.changed.includes(p.path) && p.containsText?.length && p.notContainsText?.length)!;
    const progress = await crawlToTheEnd();
    expect(progress.status).toBe('COMPLETED');
    expect(await searchText(changed.containsText![0]!)).toContain(`${site.baseUrl}${changed.path}`);
    expect(await searchText(changed.notContainsText![0]!)).toEqual([]);
    for (const removed of site.manifest.changes.removed) {
      const { body } = await openSearch.count({
        index: KNOWLEDGE_INDEX_ALIAS,
        body: { query: { bool: { filter: [{ term: { sourceId } }, { term: { pageUrl: `${site.baseUrl}${removed}` } }] } } },
      });
      expect(body.count, removed).toBe(0);
    }
  }, 300_000);

  it('survives its worker being killed mid-crawl: a new worker finishes the run, every page indexed exactly once', async () => {
    site.mutate('first-version');
    const added = await as('mutation($i: AddSourceInput!) { addSource(input: $i) { id } }', {
      i: { startUrl: `${site.baseUrl}/docs/`, scope: 'PATH_PREFIX', jsRendering: 'NEVER', maxPages: 120, maxDepth: 6 },
    });
    const killedSource = added.body.data!.addSource.id as string;
    const client = wsClient(gateway.baseUrl, { authorization: `Bearer ${curator.accessToken}` });
    try {
      const events = collect(client, `subscription($s: ID!) { crawlProgress(sourceId: $s) { ${PROGRESS} } }`, { s: killedSource });
      await waitForChannelSubscribers(subscriptionTopic('crawlProgress', { sourceId: killedSource }, curator.orgId), 1);
      expect((await as('mutation($s: ID!) { startCrawl(sourceId: $s) { runId } }', { s: killedSource })).body.errors).toBeUndefined();
      // Kill the worker hard once a few pages are in, with activities in flight.
      for (;;) {
        const progress = (await events.next(60_000)).data!.crawlProgress;
        if (progress.indexed >= 5) break;
      }
      process.kill(worker.pid, 'SIGKILL');
      process.kill(embeddingWorker.pid, 'SIGKILL');
      await Promise.all([worker.exited, embeddingWorker.exited]);
      worker = await startIngestionWorker(workerEnv());
      embeddingWorker = await startEmbeddingWorker();
      const final = await untilFinished(events, 180_000);
      expect(final.status).toBe('COMPLETED');
      const docsPages = site.manifest.pages.filter((p) => p.expected === 'indexed' && p.path.startsWith('/docs/'));
      expect(final.indexed).toBe(docsPages.length);
      // Exactly once: each page's chunks are numbered 0..n-1 with no gaps or repeats, whatever was retried.
      await openSearch.indices.refresh({ index: KNOWLEDGE_INDEX_ALIAS });
      const { body } = await openSearch.search({
        index: KNOWLEDGE_INDEX_ALIAS,
        body: {
          size: 10_000,
          _source: ['pageUrl', 'chunkIndex'],
          query: { bool: { filter: [{ term: { sourceId: killedSource } }, { term: { kind: 'chunk' } }] } },
        },
      });
      const byPage = new Map<string, number[]>();
      for (const hit of body.hits.hits) {
        const doc = hit._source as { pageUrl: string; chunkIndex: number };
        byPage.set(doc.pageUrl, [...(byPage.get(doc.pageUrl) ?? []), doc.chunkIndex]);
      }
      expect(byPage.size).toBe(docsPages.length);
      for (const [page, indexes] of byPage)
        expect(
          indexes.sort((a, b) => a - b),
          page,
        ).toEqual(indexes.map((_, i) => i));
    } finally {
      await client.dispose();
    }
  }, 300_000);

  it('keeps a Temporal schedule in step with the source’s re-crawl setting, and a triggered schedule crawls', async () => {
    const connection = await Connection.connect({ address: stackEnv().TEMPORAL_ADDRESS! });
    const temporal = new TemporalClient({ connection });
    try {
      const added = await as('mutation($i: AddSourceInput!) { addSource(input: $i) { id } }', {
        i: { startUrl: `${site.baseUrl}/billing/`, scope: 'PATH_PREFIX', jsRendering: 'NEVER', recrawlSchedule: '0 3 * * *' },
      });
      expect(added.body.errors).toBeUndefined();
      const scheduled = added.body.data!.addSource.id as string;
      const schedule = temporal.schedule.getHandle(`recrawl-source-${scheduled}`);
      expect((await schedule.describe()).spec.calendars?.[0]).toMatchObject({ hour: [{ start: 3, end: 3, step: 1 }] });

      await as('mutation($id: ID!, $i: SourceSettingsInput!) { updateSource(id: $id, input: $i) { id } }', {
        id: scheduled,
        i: { recrawlSchedule: '30 4 * * 1' },
      });
      expect((await schedule.describe()).spec.calendars?.[0]).toMatchObject({
        hour: [{ start: 4, end: 4, step: 1 }],
        minute: [{ start: 30, end: 30, step: 1 }],
      });

      // Run it now, as the schedule would at 04:30 on Monday; the run appears among the source's crawls and completes.
      await schedule.trigger();
      await expect
        .poll(async () => (await as('query($s: ID!) { crawlRuns(sourceId: $s) { status } }', { s: scheduled })).body.data!.crawlRuns[0]?.status, {
          timeout: 60_000,
          interval: 500,
        })
        .toBe('COMPLETED');

      await as('mutation($id: ID!, $i: SourceSettingsInput!) { updateSource(id: $id, input: $i) { id } }', { id: scheduled, i: { recrawlSchedule: '' } });
      await expect(schedule.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);

      await as('mutation($id: ID!, $i: SourceSettingsInput!) { updateSource(id: $id, input: $i) { id } }', { id: scheduled, i: { recrawlSchedule: '@daily' } });
      expect((await schedule.describe()).spec).toBeDefined();
      expect((await as('mutation($id: ID!) { deleteSource(id: $id) }', { id: scheduled })).body.data).toEqual({ deleteSource: true });
      await expect(schedule.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    } finally {
      await connection.close();
    }
  }, 120_000);
});
