import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, registerAdmin, type Session } from '@scs/test-support';
import type { FixtureSite } from '../../workflows/test/fixture-site/site.js';
import { app, SHOTS, signIn, startBrowserStack, type BrowserStack } from './browserStack.js';

/**
 * The web app in real headless Chromium against the real stack: an admin signs in, adds the
 * fixture site, watches the crawl finish, asks a question, sees a streamed, cited answer, rates it
 * and finds both in analytics; a customer hands a conversation to a person and the admin answers
 * it from the inbox; a customer cannot open staff screens. Screenshots of each step go to
 * test-output/web-e2e/ (look at them).
 */
describe('the web app in a real browser', { timeout: 300_000 }, () => {
  let stack: BrowserStack;
  let site: FixtureSite;
  let system: BrowserStack['system'];
  let browser: Browser;
  let admin: Session;

  beforeAll(async () => {
    stack = await startBrowserStack();
    ({ site, system, browser } = stack);
    admin = await registerAdmin(stack.gateway, 'Browser');
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  });

  /** Reloads until the page shows every text: analytics arrive through a Redis stream, a moment later. */
  async function reloadUntilText(page: Page, texts: string[], timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const shown = await page
        .waitForFunction((wanted: string[]) => wanted.every((t) => document.body.innerText.includes(t)), { timeout: 5_000 }, texts)
        .then(
          () => true,
          () => false,
        );
      if (shown) return;
      if (Date.now() > deadline) throw new Error(`page never showed ${JSON.stringify(texts)}; it shows: ${await page.evaluate(() => document.body.innerText)}`);
      await page.reload();
    }
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
    // The pages the run indexed are listed without a reload.
    await page.waitForFunction(() => document.body.innerText.includes('/docs/accounts/password-reset'), { timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, '3-crawl-completed.png'), fullPage: true });
    expect(await page.evaluate(() => document.body.innerText)).toContain('Open in Temporal UI');

    await page.goto(app('/chat'));
    await page.locator('textarea').fill('How long is the password reset link valid?');
    await page.locator('::-p-text(Send)').click();
    // Words appear while the answer is still being written (tokens as the model writes them).
    await page.waitForFunction(
      () => {
        const answer = document.querySelector('.msg__text[aria-busy=true]');
        return answer !== null && (answer.textContent ?? '').replace('Writing…', '').trim().length > 0;
      },
      { timeout: 120_000 },
    );
    await page.screenshot({ path: path.join(SHOTS, '4-streaming-answer.png'), fullPage: true });
    // The answer streams in and ends with its sources: a link to the page that answers it.
    const citation = await page
      .waitForSelector(`ol[aria-label=Sources] a[href^="${site.baseUrl}/docs/accounts/password-reset"]`, { timeout: 120_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: path.join(SHOTS, '4-failed-answer.png'), fullPage: true });
        throw error;
      });
    expect(citation).not.toBeNull();
    await page.waitForFunction(
      () => [...document.querySelectorAll('button')].some((b) => /thumbs up|👍|helpful/i.test(b.textContent ?? '') || b.getAttribute('aria-pressed') !== null),
      { timeout: 60_000 },
    );
    await page.screenshot({ path: path.join(SHOTS, '4-cited-answer.png'), fullPage: true });
    const answeredConversation = page.url();
    const thumbsUp = await page.$$('button.rate__btn');
    await thumbsUp[0]!.click();
    await page.waitForFunction(() => document.querySelector('button.rate__btn[aria-pressed=true]') !== null, { timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, '5-rated.png'), fullPage: true });

    // The same answers, as staff read them: the question and the thumbs up in analytics.
    await page.goto(app('/analytics?period=24h'));
    await reloadUntilText(page, ['How long is the password reset link valid?', '1 thumb up'], 90_000);
    const tiles = await page.evaluate(() => document.querySelector('dl[aria-label]')?.textContent ?? '');
    expect(tiles).toContain('Questions');
    await page.screenshot({ path: path.join(SHOTS, '6-analytics.png'), fullPage: true });

    // The same chat in the dark theme and on a phone (look at these for contrast and layout).
    await page.goto(answeredConversation);
    await page.waitForSelector('ol[aria-label=Sources]', { timeout: 30_000 });
    await page.select('.theme select', 'dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.screenshot({ path: path.join(SHOTS, '7-chat-dark.png'), fullPage: true });
    await page.setViewport({ width: 390, height: 844, isMobile: true }); // reloads the page
    await page.waitForSelector('ol[aria-label=Sources]', { timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, '8-chat-phone-dark.png'), fullPage: true });
    await page.select('.theme select', 'system');
    await page.close();
  });

  it('a customer asks for a person; the admin takes it over from the inbox and the customer sees the reply live', async () => {
    const customer = await addMember(system.gateways[0]!, system.subgraphs.users, admin, 'CUSTOMER');
    const customerContext = await browser.createBrowserContext();
    const customerPage = await customerContext.newPage();
    await customerPage.setViewport({ width: 1100, height: 800 });
    await signIn(customerPage, customer);
    await customerPage.goto(app('/chat'));
    await customerPage.locator('textarea').fill('My invoice shows the wrong company name');
    await customerPage.locator('::-p-text(Send)').click();
    await customerPage.waitForFunction(() => /\/chat\/[0-9a-f-]{36}$/.test(location.pathname), { timeout: 60_000 });
    // The assistant's answer ends (it offers a person), then the customer asks for one.
    await customerPage.waitForSelector('button.rate__btn', { timeout: 60_000 });
    await customerPage.locator('::-p-text(Talk to a person)').click();
    await customerPage
      .waitForFunction(() => /a person will answer/i.test(document.body.innerText), { timeout: 30_000 })
      .catch(async (error: unknown) => {
        await customerPage.screenshot({ path: path.join(SHOTS, '9-failed-handoff.png'), fullPage: true });
        throw error;
      });

    const agentContext = await browser.createBrowserContext(); // its own storage: a session of its own
    const agentPage = await agentContext.newPage();
    await agentPage.setViewport({ width: 1280, height: 900 });
    await signIn(agentPage, admin);
    await agentPage.goto(app('/inbox'));
    const row = await agentPage.waitForSelector('::-p-text(My invoice shows the wrong company name)', { timeout: 30_000 });
    await agentPage.screenshot({ path: path.join(SHOTS, '9-inbox-waiting.png'), fullPage: true });
    await row!.click();
    await agentPage.waitForFunction(() => /\/inbox\/[0-9a-f-]{36}/.test(location.pathname), { timeout: 30_000 });
    await agentPage.locator('textarea').fill('Hello, I can fix the company name on your invoice.');
    await agentPage.locator('::-p-text(Take over and reply)').click();
    await agentPage.waitForFunction(() => document.body.innerText.includes('With an agent'), { timeout: 30_000 });
    await agentPage.screenshot({ path: path.join(SHOTS, '10-inbox-replied.png'), fullPage: true });

    // Pushed to the customer over the subscription: no reload.
    await customerPage.waitForFunction(() => document.body.innerText.includes('I can fix the company name on your invoice'), { timeout: 30_000 });
    await customerPage.waitForFunction(() => document.querySelector('.chat__conversation-status')?.textContent === 'With a person', { timeout: 10_000 });
    await customerPage.screenshot({ path: path.join(SHOTS, '11-customer-sees-agent.png'), fullPage: true });
    await agentContext.close();
    await customerContext.close();
  });

  it('a customer cannot open curator, agent or admin screens, nor see links to them', async () => {
    const customer = await addMember(system.gateways[0]!, system.subgraphs.users, admin, 'CUSTOMER');
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await signIn(page, customer);
    for (const screen of ['/sources', '/inbox', '/analytics', '/admin/members', '/admin/api-keys', '/admin/widget']) {
      await page.goto(app(screen));
      await page.waitForFunction(() => document.body.innerText.includes('You do not have access'), { timeout: 30_000 });
    }
    const links = await page.$$eval('nav[aria-label=Main] a', (anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/chat']);
    await page.screenshot({ path: path.join(SHOTS, '12-customer-no-access.png') });
    await context.close();
  });

  // Last: it stops the LLM server.
  it('with the LLM server down, the answer is a quoted passage the chat marks as one', async () => {
    await stack.llm.stop();
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await signIn(page, admin);
    await page.goto(app('/chat'));
    await page.locator('textarea').fill('How many recovery codes do I get with two-factor authentication?');
    await page.locator('::-p-text(Send)').click();
    const marker = await page.waitForSelector('[data-testid=answer-fallback]', { timeout: 120_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: path.join(SHOTS, '13-failed-fallback.png'), fullPage: true });
      throw error;
    });
    expect(await marker!.evaluate((e) => e.textContent)).toContain('The assistant is unavailable, so this is a quote from our help pages.');
    // The quote still names its source.
    await page.waitForSelector(`ol[aria-label=Sources] a[href^="${site.baseUrl}/docs/accounts/two-factor-authentication"]`, { timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, '13-fallback-answer.png'), fullPage: true });
    await context.close();
  });
});
