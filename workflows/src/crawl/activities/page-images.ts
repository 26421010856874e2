import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { IMAGE_CONTENT_TYPES, originOf, safeFetch } from '../../fetching/index.js';
import { prepareImage } from '../../images/index.js';
import type { ParsedPage } from '../../parsing/index.js';
import type { CrawlRequest } from '@scs/contracts/crawl';
import type { CrawlDependencies } from './dependencies.js';
import { claimOnce } from './frontier.js';
import type { StagedImage } from './page-stage.js';

/** Stable per source and image URL: an image shown on many pages is one document. */
function imageId(orgId: string, sourceId: string, imageUrl: string): string {
  return createHash('sha256').update(`${orgId}\n${sourceId}\nimage\n${imageUrl}`).digest('hex');
}

function count(counts: Record<string, number>, reason: string): void {
  counts[reason] = (counts[reason] ?? 0) + 1;
}

/**
 * Fetches the images of a page's main content under the crawler's rules (URL policy, robots,
 * politeness, size and type limits), validates and resizes them, stores their thumbnails and
 * returns them ready for embedding. Each image URL is handled once per run, by the first page
 * that shows it; failures come back counted by reason.
 */
export async function stagePageImages(
  deps: CrawlDependencies,
  input: { request: CrawlRequest; runId: string; page: ParsedPage; documentBase: Record<string, unknown> },
): Promise<{ images: StagedImage[]; failures: Record<string, number> }> {
  const { request, runId, page } = input;
  const candidates = page.images.slice(0, deps.maxImagesPerPage);
  const { workflowExecution, activityId } = Context.current().info;
  const fresh = new Set(
    await claimOnce(
      deps.redis,
      `${runId}:images`,
      `${workflowExecution?.runId}:${activityId}`,
      candidates.map((i) => i.src),
    ),
  );
  const images: StagedImage[] = [];
  const failures: Record<string, number> = {};

  for (const image of candidates) {
    if (!fresh.has(image.src)) continue;
    Context.current().heartbeat({ url: page.url, step: 'image', image: image.src });
    if (!(await deps.robots.isAllowed(image.src))) {
      count(failures, 'robots');
      continue;
    }
    const release = await deps.politeness.acquire(new URL(image.src).host, { crawlDelaySeconds: await deps.robots.crawlDelay(originOf(image.src)) });
    let fetched;
    try {
      fetched = await safeFetch(image.src, {
        userAgent: deps.userAgent,
        policy: deps.urlPolicy,
        robots: deps.robots,
        allowedContentTypes: IMAGE_CONTENT_TYPES,
        maxBodyBytes: deps.maxImageBytes,
        headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8' },
      });
    } finally {
      await release();
    }
    if (!fetched.ok) {
      count(
        failures,
        fetched.reason === 'http_error' ? `http_${fetched.status ?? 'error'}` : fetched.reason === 'robots_disallowed' ? 'robots' : fetched.reason,
      );
      continue;
    }
    const prepared = await prepareImage(fetched.body, { maxPixels: deps.maxImagePixels });
    if (!prepared.ok) {
      count(failures, prepared.reason);
      continue;
    }
    await deps.thumbnails.put(request.orgId, prepared.thumbnail);
    images.push({
      id: imageId(request.orgId, request.sourceId, image.src),
      source: {
        ...input.documentBase,
        kind: 'image',
        imageUrl: image.src,
        thumbnailKey: prepared.thumbnail.sha256,
        alt: image.alt,
        caption: image.caption,
        text: image.surroundingText,
      },
      embedText: [image.alt, image.caption, image.surroundingText].filter(Boolean).join('\n'),
      modelInput: prepared.modelInput.toString('base64'),
    });
  }
  return { images, failures };
}
