import { mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  GENEROUS_RATE_LIMITS,
  REPO_ROOT,
  startEmbeddingWorker,
  startIngestionWorker,
  startLlmServer,
  startWebPreview,
  startSystem,
  TEST_PORTS,
  TEST_PASSWORD,
  type ServiceProcess,
  type Session,
} from '@scs/test-support';
import { startFixtureSite, type FixtureSite } from '../../workflows/test/fixture-site/site.js';

/** Where the browser tests put their screenshots (look at them). */
export const SHOTS = path.join(REPO_ROOT, 'test-output', 'web-e2e');

/** The app's URL for a route, on the test web server. */
export const app = (route: string) => `http://127.0.0.1:${TEST_PORTS.web}${route}`;

export interface BrowserStack {
  site: FixtureSite;
  system: Awaited<ReturnType<typeof startSystem>>;
  gateway: ServiceProcess;
  /** The LLM server chat answers with (a test may stop it to see the fallback). */
  llm: ServiceProcess;
  browser: Browser;
  /** Stops everything, in reverse order. */
  stop(): Promise<void>;
}

/**
 * What the browser tests run against: the fixture site (its port allowed to the crawler), the LLM
 * server, one gateway with every subgraph, the ingestion and embedding workers, the built app
 * (web/dist, which `npm test` builds) served by Vite's preview server with its proxy to the test
 * gateway, and headless Chromium. What started is stopped again when a later step fails.
 */
export async function startBrowserStack(): Promise<BrowserStack> {
  mkdirSync(SHOTS, { recursive: true });
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step();
  };
  try {
    const site = await startFixtureSite();
    stops.push(() => site.stop());
    const llm = await startLlmServer();
    stops.push(() => llm.stop());
    const system = await startSystem(1, {
      ...GENEROUS_RATE_LIMITS,
      CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port,
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      KNOWLEDGE_SUBGRAPH_URL: `http://127.0.0.1:${TEST_PORTS.knowledge}/graphql`,
      OPENAI_BASE_URL: `${llm.baseUrl}/v1`,
      CHAT_MAX_ANSWER_TOKENS: '64',
      // The journey looks at the model's own streamed words; on a busy machine the default 20 s would quote a passage instead.
      CHAT_LLM_FIRST_TOKEN_TIMEOUT_MS: '100000',
    });
    stops.push(() => system.stop());
    for (const start of [() => startIngestionWorker({ CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port }), () => startEmbeddingWorker()]) {
      const worker = await start();
      stops.push(() => worker.stop());
    }
    const gateway = system.gateways[0]!;
    const web = await startWebPreview(gateway.baseUrl);
    stops.push(() => web.stop());
    const browser = await puppeteer.launch({ executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    stops.push(() => browser.close());
    return { site, system, gateway, llm, browser, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Signs in on the sign-in screen and waits until the app has moved on. */
export async function signIn(page: Page, session: Session) {
  await page.goto(app('/sign-in'));
  await page.locator('::-p-aria(Email)').fill(session.email);
  await page.locator('::-p-aria(Password)').fill(TEST_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForFunction(() => !location.pathname.startsWith('/sign-in'), { timeout: 30_000 });
}
