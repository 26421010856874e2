import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GENEROUS_RATE_LIMITS,
  graphqlRequest,
  registerAdmin,
  REPO_ROOT,
  startGateway,
  startLlmServer,
  startWebPreview,
  startSubgraph,
  TEST_PASSWORD,
  TEST_PORTS,
  type ServiceProcess,
  type Session,
} from '@scs/test-support';

/**
 * The embeddable chat widget in real headless Chromium: an admin turns it on for one site; a plain
 * page of that site (another origin than the app) carries only the script tag; a visitor opens the
 * launcher, asks, and a streamed answer arrives in the panel. A page of a site that is not allowed
 * says so. Needs the built app (`npm run build -w @scs/web` makes web/dist with widget.js).
 * Screenshots go to test-output/web-e2e/widget-*.png (look at them).
 */
const SHOTS = path.join(REPO_ROOT, 'test-output', 'web-e2e');
const WEB_PORT = TEST_PORTS.web;
const SHOP_PORT = TEST_PORTS.shopSite;
const OTHER_PORT = TEST_PORTS.otherSite;
const APP = `http://127.0.0.1:${WEB_PORT}`;

/** A customer's page: its own content and styles (some hostile to widgets), and the one script tag. */
function shopPage(organizationId: string, title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { margin: 0; font: 18px/1.6 Georgia, serif; background: #fdf6e3; color: #333; }
  header { background: #073642; color: #fdf6e3; padding: 24px 40px; }
  main { padding: 24px 40px; max-width: 46rem; }
  /* Styles that would break a widget living in the page's own DOM. */
  button { background: hotpink !important; font-size: 40px !important; border: 5px dashed lime !important; }
  iframe { display: none !important; }
  div { display: none !important; }
</style>
</head>
<body>
<header><h1>${title}</h1></header>
<main>
  <p>Hand-made teapots, shipped worldwide. Questions about your order? Ask us in the chat.</p>
  <p>Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore.</p>
</main>
<script src="${APP}/widget.js" data-organization="${organizationId}" async></script>
</body>
</html>`;
}

function serve(port: number, html: () => string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html());
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** The widget's parts inside its shadow root, as the page's own scripts would reach them. */
const widgetState = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('scs-chat-widget')?.shadowRoot;
    const launcher = root?.querySelector('button.launcher');
    const panel = root?.querySelector<HTMLElement>('.panel');
    const box = panel && !panel.hidden ? panel.getBoundingClientRect() : null;
    return {
      expanded: launcher?.getAttribute('aria-expanded') ?? null,
      panelOpen: Boolean(panel && !panel.hidden),
      panel: box && { x: box.x, y: box.y, width: box.width, height: box.height },
      launcherFocused: root?.activeElement === launcher,
    };
  });

describe('the chat widget on a customer’s site, in a real browser', { timeout: 300_000 }, () => {
  const services: ServiceProcess[] = [];
  const servers: Server[] = [];
  let browser: Browser;
  let admin: Session;
  let shopOrigin: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const llm = await startLlmServer();
    services.push(llm);
    const env = {
      ...GENEROUS_RATE_LIMITS,
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      KNOWLEDGE_SUBGRAPH_URL: `http://127.0.0.1:${TEST_PORTS.knowledge}/graphql`,
      OPENAI_BASE_URL: `${llm.baseUrl}/v1`,
      CHAT_MAX_ANSWER_TOKENS: '64',
    };
    // Only what a chat needs: no analytics consumer, no crawl workers.
    for (const name of ['users', 'knowledge', 'chat'] as const) services.push(await startSubgraph(name, env));
    const gateway = await startGateway(undefined, env);
    services.push(gateway);
    services.push(await startWebPreview(gateway.baseUrl, '/widget.js'));

    admin = await registerAdmin(gateway, 'Teapot Shop');
    shopOrigin = `http://127.0.0.1:${SHOP_PORT}`;
    const enabled = await graphqlRequest(
      gateway.baseUrl,
      'mutation($i: WidgetSettingsInput!) { updateWidgetSettings(input: $i) { enabled allowedOrigins } }',
      { i: { enabled: true, allowedOrigins: [shopOrigin] } },
      admin.headers,
    );
    expect(enabled.body.data?.updateWidgetSettings).toEqual({ enabled: true, allowedOrigins: [shopOrigin] });

    servers.push(await serve(SHOP_PORT, () => shopPage(admin.orgId, 'Teapot Shop')));
    servers.push(await serve(OTHER_PORT, () => shopPage(admin.orgId, 'Somebody Else’s Site')));
    browser = await puppeteer.launch({ executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    for (const service of services.reverse()) await service.stop();
  });

  async function openPanel(page: Page): Promise<Frame> {
    await page.locator('::-p-aria(Chat with us)').click();
    const handle = await page.waitForSelector('pierce/iframe[title="Support chat"]');
    const frame = await handle!.contentFrame();
    return frame!;
  }

  it('a visitor opens the launcher, asks, and a streamed answer arrives in the panel; Escape closes it', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 860 });
    await page.goto(`${shopOrigin}/`);
    await page.locator('::-p-aria(Chat with us)').wait();
    expect(await widgetState(page)).toMatchObject({ expanded: 'false', panelOpen: false });
    await page.screenshot({ path: path.join(SHOTS, 'widget-1-launcher.png') });

    const frame = await openPanel(page);
    expect(await widgetState(page)).toMatchObject({ expanded: 'true', panelOpen: true, panel: { width: 380, height: 600 } });
    const box = await frame.waitForSelector('textarea', { timeout: 30_000 });
    expect(await frame.evaluate(() => document.querySelector('h1')?.textContent)).toBe('New conversation');
    await page.screenshot({ path: path.join(SHOTS, 'widget-2-open.png') });

    await box!.type('Do you ship teapots to Norway?');
    await frame.locator('::-p-text(Send)').click();
    // The question, then the assistant's answer streamed into the panel (the default local model
    // and an organization without sources: "I don't know" is a fine answer here).
    await frame.waitForFunction(() => document.querySelector('article.msg--user')?.textContent?.includes('Do you ship teapots to Norway?'), {
      timeout: 30_000,
    });
    await frame
      .waitForFunction(
        () => {
          const answer = document.querySelector('article.msg--assistant');
          const text = answer?.querySelector('.msg__text')?.textContent?.replace('Writing…', '').trim() ?? '';
          return answer !== null && !answer.classList.contains('msg--generating') && text.length > 0;
        },
        { timeout: 120_000 },
      )
      .catch(async (error: unknown) => {
        await page.screenshot({ path: path.join(SHOTS, 'widget-3-failed-answer.png') });
        throw error;
      });
    const answer = await frame.evaluate(() => document.querySelector('article.msg--assistant .msg__text')?.textContent?.trim());
    expect(answer?.length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'widget-3-answer.png') });

    // Escape inside the panel closes it; focus goes back to the launcher.
    await box!.focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('scs-chat-widget')?.shadowRoot?.querySelector('.panel')?.hasAttribute('hidden'), {
      timeout: 5_000,
    });
    expect(await widgetState(page)).toMatchObject({ expanded: 'false', panelOpen: false, launcherFocused: true });
    await page.screenshot({ path: path.join(SHOTS, 'widget-4-closed.png') });

    // Another page of the site: the same visitor, back in the same conversation.
    await page.reload();
    const again = await openPanel(page);
    await again.waitForFunction(() => document.querySelector('article.msg--user')?.textContent?.includes('Do you ship teapots to Norway?'), {
      timeout: 30_000,
    });
    await context.close();
  });

  it('on a phone the panel takes the whole screen', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await page.goto(`${shopOrigin}/`);
    const frame = await openPanel(page);
    await frame.waitForSelector('textarea', { timeout: 30_000 });
    expect((await widgetState(page)).panel).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    await page.screenshot({ path: path.join(SHOTS, 'widget-5-phone.png') });
    // The launcher is under the panel now: the panel's own close button (in the page, outside the frame) closes it.
    await page.locator('::-p-aria(Close chat)').click();
    expect(await widgetState(page)).toMatchObject({ expanded: 'false', panelOpen: false });
    await context.close();
  });

  it('the admin’s settings screen shows the allowed site and the snippet to paste', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${APP}/sign-in`);
    await page.locator('::-p-aria(Email)').fill(admin.email);
    await page.locator('::-p-aria(Password)').fill(TEST_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.waitForFunction(() => !location.pathname.startsWith('/sign-in'), { timeout: 30_000 });
    await page.goto(`${APP}/admin/widget`);
    const snippet = await page.waitForSelector('pre code', { timeout: 30_000 });
    expect(await snippet!.evaluate((el) => el.textContent)).toBe(`<script src="${APP}/widget.js" data-organization="${admin.orgId}" async></script>`);
    expect(await page.$eval('textarea', (el) => (el as HTMLTextAreaElement).value)).toBe(shopOrigin);
    expect(await page.$eval('input[type=checkbox]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'widget-7-settings.png'), fullPage: true });
    await context.close();
  });

  it('on a site the organization did not allow, the browser does not show the panel at all (frame-ancestors)', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 860 });
    await page.goto(`http://127.0.0.1:${OTHER_PORT}/`);
    const frame = await openPanel(page);
    // /widget names only the allowed sites in frame-ancestors, so Chromium shows its error page in the frame instead.
    // (The API refuses such a page's visitor session too: e2e/test/widget.e2e.test.ts.)
    await expect.poll(() => frame.url(), { timeout: 30_000 }).toMatch(/^chrome-error:/);
    expect(await frame.$('textarea').catch(() => null)).toBeNull();
    await page.screenshot({ path: path.join(SHOTS, 'widget-6-refused.png') });
    await context.close();
  });
});
