import { graphqlRequest } from './graphql-client.js';
import type { ServiceProcess } from './service-process.js';
import type { Session } from './auth.js';

/**
 * Adds a source as `session` and crawls it to the end through the public API (the ingestion and
 * embedding workers must be running); returns the source id and the run's final counts.
 */
export async function addAndCrawlSource(
  gateway: ServiceProcess,
  session: Session,
  input: Record<string, unknown>,
  timeoutMs = 240_000,
): Promise<{ sourceId: string; progress: Record<string, any> }> {
  const as = (query: string, variables: Record<string, unknown>) => graphqlRequest(gateway.baseUrl, query, variables, session.headers);
  const added = await as('mutation($i: AddSourceInput!) { addSource(input: $i) { id } }', {
    i: { jsRendering: 'NEVER', maxPages: 200, maxDepth: 8, ...input },
  });
  if (added.body.errors) throw new Error(`addSource failed: ${JSON.stringify(added.body.errors)}`);
  const sourceId = added.body.data!.addSource.id as string;
  const started = await as('mutation($s: ID!) { startCrawl(sourceId: $s) { runId } }', { s: sourceId });
  if (started.body.errors) throw new Error(`startCrawl failed: ${JSON.stringify(started.body.errors)}`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const runs = await as('query($s: ID!) { crawlRuns(sourceId: $s) { status progress { indexed failed skipped imagesIndexed } } }', { s: sourceId });
    const run = runs.body.data?.crawlRuns?.[0];
    if (run?.status === 'COMPLETED') return { sourceId, progress: run.progress };
    if (run && run.status !== 'RUNNING') throw new Error(`crawl of ${String(input.startUrl)} ended ${run.status}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`crawl of ${String(input.startUrl)} did not complete within ${timeoutMs} ms`);
}
