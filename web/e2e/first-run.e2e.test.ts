import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, graphqlRequest, login, registerAdmin, TEST_PASSWORD, type Session } from '@scs/test-support';
import { CRAWL_DEFAULTS } from '../src/screens/onboarding/crawlDefaults.js';
import { app, SHOTS, signIn, startBrowserStack, type BrowserStack } from './browserStack.js';

/**
 * A new organization's first run, in real headless Chromium against the real stack: an admin who
 * signs in to an organization without a source lands on the first-run screen, and so does one who
 * has just registered; that one enters the fixture site's address, watches the crawl to its end and
 * gets a cited first answer on the same screen. A customer of an organization without content is
 * told so in the chat. Screenshots go to test-output/web-e2e/first-run-*.png.
 */
describe('the first run of a new organization, in a real browser', { timeout: 420_000 }, () => {
  let stack: BrowserStack;
  const gateway = () => stack.gateway;

  beforeAll(async () => {
    stack = await startBrowserStack();
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const knowledgeAvailable = async (session: Session) => (await graphqlRequest(gateway().baseUrl, '{ knowledgeAvailable }', {}, session.headers)).body;

  it('an organization without content: its admin lands on the first run, its customer is told there is no content yet', async () => {
    const admin = await registerAdmin(gateway(), 'Empty');
    const customer = await addMember(gateway(), stack.system.subgraphs.users, admin, 'CUSTOMER');
    expect(await knowledgeAvailable(customer)).toEqual({ data: { knowledgeAvailable: false } });

    const adminContext = await stack.browser.createBrowserContext();
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin);
    await adminPage.waitForFunction(() => location.pathname === '/welcome', { timeout: 30_000 });
    // Skipping leads to the status screen, and stays there.
    await adminPage.locator('::-p-text(Skip for now)').click();
    await adminPage.waitForFunction(() => location.pathname === '/' && document.querySelector('h1')?.textContent === 'System status', { timeout: 30_000 });
    await adminContext.close();

    const context = await stack.browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1100, height: 800 });
    await signIn(page, customer);
    await page.goto(app('/chat'));
    await page.waitForFunction(() => document.body.innerText.includes('This help centre has no content yet'), { timeout: 30_000 });
    // A customer is not offered to add content.
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('Add your website');
    await page.screenshot({ path: path.join(SHOTS, 'first-run-0-customer-no-content.png') });
    await context.close();
  });

  it('register → first run → the site’s address → live crawl to the end → a cited first answer', async () => {
    const context = await stack.browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const email = `first-run-${Date.now()}@example.com`;
    await page.goto(app('/register'));
    await page.locator('::-p-aria(Your name)').fill('First Runner');
    await page.locator('::-p-aria(Email)').fill(email);
    await page.locator('::-p-aria(Password)').fill(TEST_PASSWORD);
    await page.locator('::-p-aria(Organization name)').fill('First Run Inc');
    await page.locator('button[type=submit]').click();

    // Registered: the first-run screen, not the status screen, with the crawl's defaults in words.
    await page.waitForFunction(() => location.pathname === '/welcome', { timeout: 30_000 });
    await page.waitForFunction(() => document.body.innerText.includes('robots.txt'), { timeout: 30_000 });
    await page.locator('::-p-aria(Website address)').fill(`${stack.site.baseUrl}/`);
    const words = await page.evaluate(() => document.body.innerText);
    expect(words).toContain(`at most ${CRAWL_DEFAULTS.maxDepth} links away`);
    expect(words).toContain(`At most ${CRAWL_DEFAULTS.maxPages} pages`);
    expect(words).toContain(new URL(stack.site.baseUrl).host);
    await page.screenshot({ path: path.join(SHOTS, 'first-run-1-address.png'), fullPage: true });

    await page.locator('::-p-text(Start crawling)').click();
    // Live counts while it runs, then the end, without a reload.
    await page.waitForFunction(() => /Discovered/.test(document.body.innerText), { timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS, 'first-run-2-crawling.png'), fullPage: true });
    await page
      .waitForFunction(() => document.body.innerText.includes('Your site is read'), { timeout: 300_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: path.join(SHOTS, 'first-run-2-failed-crawl.png'), fullPage: true });
        throw error;
      });
    await page.screenshot({ path: path.join(SHOTS, 'first-run-3-crawled.png'), fullPage: true });

    // The source got exactly the settings the screen explained.
    const admin = await login(gateway(), email, TEST_PASSWORD);
    const { body } = await graphqlRequest(
      gateway().baseUrl,
      '{ sources(first: 5) { startUrl scope includePatterns excludePatterns maxDepth maxPages useSitemap jsRendering recrawlSchedule accessRoles } }',
      {},
      admin.headers,
    );
    expect(body.data?.sources).toEqual([{ startUrl: `${stack.site.baseUrl}/`, ...CRAWL_DEFAULTS }]);
    expect(await knowledgeAvailable(admin)).toEqual({ data: { knowledgeAvailable: true } });

    await page.locator('::-p-aria(Your question)').fill('How long is the password reset link valid?');
    await page.locator('.first-run__composer button[type=submit]').click();
    const citation = await page
      .waitForSelector(`ol[aria-label=Sources] a[href^="${stack.site.baseUrl}/"]`, { timeout: 120_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: path.join(SHOTS, 'first-run-4-failed-answer.png'), fullPage: true });
        throw error;
      });
    expect(citation).not.toBeNull();
    expect(page.url()).toBe(app('/welcome'));
    await page.waitForSelector('button.rate__btn', { timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS, 'first-run-4-first-answer.png'), fullPage: true });

    // With a source, the app opens on the status screen again.
    await page.goto(app('/'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'System status', { timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });
});
