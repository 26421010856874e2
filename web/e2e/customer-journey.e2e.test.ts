import { mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  GENEROUS_RATE_LIMITS,
  registerAdmin,
  REPO_ROOT,
  startEmbeddingWorker,
  startIngestionWorker,
  startLlmServer,
  startService,
  startSystem,
  TEST_PORTS,
  TEST_PASSWORD,
  type ServiceProcess,
  type Session,
} from '@scs/test-support';
import { startFixtureSite, type FixtureSite } from '../../workflows/test/fixture-site/site.js';

/**
 * The web app in real headless Chromium against the real stack: a curator signs in, adds the
 * fixture site, watches the crawl finish, asks a question, sees a streamed, cited answer and
 * rates it; a customer cannot open the curator's screens. Screenshots of each step go to
 * test-output/web-e2e/ (look at them).
 */
const SHOTS = path.join(REPO_ROOT, 'test-output', 'web-e2e');
const WEB_PORT = TEST_PORTS.llmServer + 1;

describe('the web app in a real browser', { timeout: 300_000 }, () => {
  let site: FixtureSite;
  let llm: ServiceProcess;
  let system: Awaited<ReturnType<typeof startSystem>>;
  let workers: ServiceProcess[];
  let web: ServiceProcess;
  let browser: Browser;
  let admin: Session;
  const app = (route: string) => `http://127.0.0.1:${WEB_PORT}${route}`;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    site = await startFixtureSite();
    llm = await startLlmServer();
    system = await startSystem(1, {
      ...GENEROUS_RATE_LIMITS,
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      KNOWLEDGE_SUBGRAPH_URL: `http://127.0.0.1:${TEST_PORTS.knowledge}/graphql`,
      OPENAI_BASE_URL: `${llm.baseUrl}/v1`,
      CHAT_MAX_ANSWER_TOKENS: '64',
    });
    workers = [await startIngestionWorker({ CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port }), await startEmbeddingWorker()];
    // The built app (npm test builds web/dist), served by Vite's preview server with its proxy to the test gateway.
    web = await startService({
      name: 'web',
      entry: 'node_modules/vite/bin/vite.js',
      args: ['preview', 'web', '--port', String(WEB_PORT), '--strictPort'],
      port: WEB_PORT,
      healthPath: '/',
      preload: false,
      env: { GATEWAY_URL: system.gateways[0]!.baseUrl },
    });
    browser = await puppeteer.launch({ executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    admin = await registerAdmin(system.gateways[0]!, 'Browser');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    for (const worker of workers ?? []) await worker.stop();
    await system?.stop();
    await llm?.stop();
    await site?.stop();
  });

  async function signIn(page: Page, session: Session) {
    await page.goto(app('/sign-in'));
    await page.locator('::-p-aria(Email)').fill(session.email);
    await page.locator('::-p-aria(Password)').fill(TEST_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.waitForFunction(() => !location.pathname.startsWith('/sign-in'), { timeout: 30_000 });
  }

  it('sign in → add the site → crawl → ask → streamed cited answer → thumbs up', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await signIn(page, admin);
    await page.screenshot({ path: path.join(SHOTS, '1-signed-in.png') });

    await page.goto(app('/sources'));
    await page.locator('::-p-text(Add a source)').click();
    await page.locator('::-p-aria(Start URL)').fill(`${site.baseUrl}/docs/accounts/`);
    await page.locator('input[name=scope][value=PATH_PREFIX]').click();
    await page.select('select', 'NEVER');
    await page.screenshot({ path: path.join(SHOTS, '2-add-source.png') });
    await page.locator('button[type=submit]').click();
    await page.waitForFunction(() => /^\/sources\/[0-9a-f-]{36}$/.test(location.pathname), { timeout: 30_000 });

    await page.locator('::-p-text(Crawl now)').click();
    await page.waitForFunction(() => document.body.innerText.includes('Completed'), { timeout: 180_000 });
    await page.screenshot({ path: path.join(SHOTS, '3-crawl-completed.png'), fullPage: true });
    expect(await page.evaluate(() => document.body.innerText)).toContain('Open in Temporal UI');

    await page.goto(app('/chat'));
    await page.locator('textarea').fill('How long is the password reset link valid?');
    await page.locator('::-p-text(Send)').click();
    // The answer streams in and ends with its sources: a link to the page that answers it.
    const citation = await page
      .waitForSelector(`ol[aria-label=Sources] a[href^="${site.baseUrl}/docs/accounts/password-reset"]`, { timeout: 120_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: path.join(SHOTS, '4-failed-answer.png'), fullPage: true });
        throw error;
      });
    expect(citation).not.toBeNull();
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => /thumbs up|👍|helpful/i.test(b.textContent ?? '') || b.getAttribute('aria-pressed') !== null), { timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS, '4-cited-answer.png'), fullPage: true });
    const thumbsUp = await page.$$('button.rate__btn');
    await thumbsUp[0]!.click();
    await page.waitForFunction(() => document.querySelector('button.rate__btn[aria-pressed=true]') !== null, { timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, '5-rated.png'), fullPage: true });
    await page.close();
  });

  it('a customer cannot open the curator’s screens', async () => {
    const customer = await addMember(system.gateways[0]!, system.subgraphs.users, admin, 'CUSTOMER');
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await signIn(page, customer);
    await page.goto(app('/sources'));
    await page.waitForFunction(() => document.body.innerText.includes('You do not have access'), { timeout: 30_000 });
    expect(await page.$('a[href="/sources"]')).toBeNull();
    await page.screenshot({ path: path.join(SHOTS, '6-customer-no-access.png') });
    await context.close();
  });
});
