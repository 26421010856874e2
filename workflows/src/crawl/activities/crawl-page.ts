import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { originOf, PAGE_CONTENT_TYPES, safeFetch, type SafeFetchFailureReason } from '../../fetching/index.js';
import { chunkPage, isPageParseError, parsePage, type ParsedPage } from '../../parsing/index.js';
import { renderPage } from '../../rendering/index.js';
import type { CrawlRequest, PageOutcome } from '@scs/contracts/crawl';
import type { CrawlDependencies } from './dependencies.js';
import { claimOnce } from './frontier.js';
import { stagePageImages } from './page-images.js';
import { stageKeyFor, writeStage, type StagedDocument } from './page-stage.js';
import { scopeOf, sortLinks } from './scope.js';

/** Fetch failures that mean "not for us" (skipped) rather than "broken" (failed). */
const SKIP_REASONS: Partial<Record<SafeFetchFailureReason, string>> = {
  robots_disallowed: 'robots',
  blocked_url: 'blocked_url',
  content_type: 'content_type',
  too_large: 'too_large',
};

const DUPLICATE_TTL_SECONDS = 7 * 24 * 3600;

/** Stable per page and position: re-crawls overwrite their own chunks, never add copies. */
function chunkId(orgId: string, sourceId: string, pageUrl: string, index: number): string {
  return createHash('sha256').update(`${orgId}\n${sourceId}\n${pageUrl}\n${index}`).digest('hex');
}

/**
 * One page up to its index documents: robots and politeness, a safe fetch, parsing, duplicate
 * checks, chunking and its images; the documents are staged in Redis for the embedding worker.
 * Expected problems come back as a skip or failure with a reason; only unexpected errors throw
 * (and are retried by Temporal).
 */
export function crawlPage(deps: CrawlDependencies) {
  return async (input: { request: CrawlRequest; runId: string; url: string }): Promise<PageOutcome> => {
    const { request, runId, url } = input;
    const inScope = scopeOf(request.settings);
    const origin = originOf(url);
    if (!(await deps.robots.isAllowed(url))) return { url, outcome: 'skipped', reason: 'robots', links: [], rejectedLinks: [] };

    const release = await deps.politeness.acquire(new URL(url).host, { crawlDelaySeconds: await deps.robots.crawlDelay(origin) });
    let fetched;
    try {
      Context.current().heartbeat({ url, step: 'fetch' });
      fetched = await safeFetch(url, {
        userAgent: deps.userAgent,
        policy: deps.urlPolicy,
        robots: deps.robots,
        allowedContentTypes: PAGE_CONTENT_TYPES,
        maxBodyBytes: deps.maxPageBytes,
      });
    } finally {
      await release();
    }
    if (!fetched.ok) {
      const skip = SKIP_REASONS[fetched.reason];
      if (skip) return { url, outcome: 'skipped', reason: skip, links: [], rejectedLinks: [] };
      const reason = fetched.reason === 'http_error' ? `http_${fetched.status ?? 'error'}` : fetched.reason;
      return { url, outcome: 'failed', reason, links: [], rejectedLinks: [] };
    }

    // A redirect may land on a page that is out of scope, or one this run already has.
    const landed = inScope(fetched.finalUrl);
    if (!landed.url) return { url, outcome: 'skipped', reason: landed.reason ?? 'out_of_scope', links: [], rejectedLinks: [] };
    if (landed.url !== url) {
      const { workflowExecution, activityId } = Context.current().info;
      const fresh = await claimOnce(deps.redis, runId, `${workflowExecution?.runId}:${activityId}:redirect`, [landed.url]);
      if (fresh.length === 0) return { url, outcome: 'skipped', reason: 'redirect', links: [], rejectedLinks: [] };
    }

    Context.current().heartbeat({ url, step: 'parse' });
    let page: ParsedPage;
    try {
      page = parsePage({ url: landed.url, html: fetched.body, headers: fetched.headers });
      // In `auto` mode only pages whose raw HTML holds little text but scripts go to the browser.
      const render = request.settings.jsRendering === 'always' || (request.settings.jsRendering === 'auto' && page.needsJavaScript);
      if (render) {
        Context.current().heartbeat({ url, step: 'render' });
        const rendered = await renderPage(deps.browsers, landed.url, {
          policy: deps.urlPolicy,
          maxBytes: deps.maxPageBytes,
          userAgent: deps.userAgent,
          initialDocument: { body: fetched.body, contentType: fetched.headers['content-type'] ?? 'text/html' },
        });
        if (!rendered.ok) return { url, outcome: 'failed', reason: rendered.reason, links: [], rejectedLinks: [] };
        page = parsePage({ url: landed.url, html: rendered.html, headers: fetched.headers });
      }
    } catch (error) {
      if (isPageParseError(error))
        return { url, outcome: 'skipped', reason: error.reason === 'too_large' ? 'too_large' : `unparsable_${error.reason}`, links: [], rejectedLinks: [] };
      throw error;
    }
    const { follow: links, rejected: rejectedLinks } = await sortLinks(
      request.settings,
      deps.urlPolicy,
      page.links.map((l) => l.url),
    );
    if (page.canonicalUrl && page.canonicalUrl !== landed.url) {
      const canonical = inScope(page.canonicalUrl).url;
      return { url, outcome: 'skipped', reason: 'duplicate_canonical', links: canonical ? [...links, canonical] : links, rejectedLinks };
    }
    // The first page with this content claims it; a retry of that same page finds its own claim.
    const hashKey = `scs:crawl:hash:${runId}:${page.contentHash}`;
    const claimed = await deps.redis.set(hashKey, landed.url, 'EX', DUPLICATE_TTL_SECONDS, 'NX');
    if (claimed === null && (await deps.redis.get(hashKey)) !== landed.url)
      return { url, outcome: 'skipped', reason: 'duplicate_content', links, rejectedLinks };

    const chunks = chunkPage(page);
    const documentBase = {
      orgId: request.orgId,
      sourceId: request.sourceId,
      accessRoles: request.settings.accessRoles,
      crawlRunId: runId,
      pageUrl: landed.url,
      canonicalUrl: page.canonicalUrl ?? landed.url,
      title: page.title,
      language: page.language,
      contentHash: page.contentHash,
      lastModified: page.lastModified,
      indexedAt: new Date().toISOString(),
    };
    const staged: StagedDocument[] = chunks.map((chunk) => ({
      id: chunkId(request.orgId, request.sourceId, landed.url!, chunk.index),
      source: { ...documentBase, kind: 'chunk', headingPath: chunk.headingPath.join(' › '), anchor: chunk.anchor, chunkIndex: chunk.index, text: chunk.text },
      embedText: chunk.text,
    }));
    const { images, failures } = await stagePageImages(deps, { request, runId, page, documentBase });
    const stageKey = stageKeyFor(runId, landed.url);
    await writeStage(deps.redis, stageKey, { pageUrl: landed.url, chunks: staged, images });
    return { url, outcome: 'staged', stageKey, chunks: staged.length, images: images.length, imageFailures: failures, links, rejectedLinks };
  };
}
