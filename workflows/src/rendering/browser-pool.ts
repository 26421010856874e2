// One shared headless Chromium for rendering JavaScript pages.
//
// Why a pool: launching Chromium costs ~0.5–2 s of CPU and ~100 MB of memory, far more than rendering a page, so one
// browser process is kept and reused; every render gets its own throw-away browser context (no cookies, storage or
// renderer process shared between pages). A semaphore bounds the pages open at once (`maxPages`), the browser is
// relaunched when it crashed or was killed, and closed after `idleCloseMs` without work so an idle worker holds no
// Chromium at all.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, type Browser, type BrowserContext, type Page } from 'puppeteer-core';

export interface BrowserPoolOptions {
  /** Chromium binary; default `PUPPETEER_EXECUTABLE_PATH`, else /usr/bin/chromium. */
  executablePath?: string;
  /** Pages open at once; default 2. */
  maxPages?: number;
  /** Close the browser after this long without pages; default 60 s. 0 closes it as soon as it is idle. */
  idleCloseMs?: number;
  /** Bounds closing one page's context; past it the browser is presumed wedged and closed. Default 5 s. */
  closePageTimeoutMs?: number;
}

export interface BrowserPoolStats {
  /** Pages open now. */
  active: number;
  /** Most pages ever open at once. */
  peak: number;
  /** Renders waiting for a page slot. */
  waiting: number;
  /** Browser processes launched so far. */
  launches: number;
  /** Pid of the running browser, if any. */
  pid: number | undefined;
}

export interface BrowserPool {
  /** Runs `fn` with a fresh page in a fresh browser context; the context is always closed afterwards. */
  withPage<T>(fn: (page: Page) => Promise<T>): Promise<T>;
  stats(): BrowserPoolStats;
  /** Shuts the browser down; later `withPage` calls fail. */
  close(): Promise<void>;
}

/** Flags for a root-run, offline, headless Chromium. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox', // we run as root in a container; the URL policy and per-page contexts are the isolation
  '--headless=new',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--block-new-web-contents', // window.open / target=_blank: popups would escape the page's request interception
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp', // no WebRTC UDP to arbitrary addresses
  '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--mute-audio',
];

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createBrowserPool(options: BrowserPoolOptions = {}): BrowserPool {
  const executablePath = options.executablePath ?? process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
  const maxPages = Math.max(1, options.maxPages ?? 2);
  const idleCloseMs = options.idleCloseMs ?? 60_000;
  const closePageTimeoutMs = options.closePageTimeoutMs ?? 5_000;

  let browser: Promise<Browser> | undefined;
  let current: Browser | undefined;
  let closed = false;
  let active = 0;
  let peak = 0;
  let launches = 0;
  let pid: number | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  const profiles = new WeakMap<Browser, string>();
  /** Chromium may still be writing its profile as it exits; retry. */
  const removeProfile = (dir: string) => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
  const waiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  async function startBrowser(): Promise<Browser> {
    const userDataDir = await mkdtemp(join(tmpdir(), 'scs-chromium-'));
    try {
      const instance = await launch({
        executablePath,
        headless: true,
        args: [...CHROMIUM_ARGS],
        userDataDir,
        pipe: true, // no remote-debugging port on localhost for a page to poke at
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        defaultViewport: { width: 1280, height: 1024 },
      });
      launches++;
      pid = instance.process()?.pid;
      instance.once('disconnected', () => {
        // Crashed, killed or closed: forget it (the next render relaunches) and drop its profile.
        if (current === instance) {
          browser = undefined;
          current = undefined;
          pid = undefined;
        }
        void removeProfile(userDataDir);
      });
      profiles.set(instance, userDataDir);
      current = instance;
      return instance;
    } catch (error) {
      await removeProfile(userDataDir);
      throw error;
    }
  }

  function getBrowser(): Promise<Browser> {
    if (current && !current.connected && browser) browser = undefined;
    if (!browser) {
      const starting = startBrowser();
      browser = starting;
      starting.catch(() => {
        if (browser === starting) browser = undefined;
      });
    }
    return browser;
  }

  async function closeBrowser(): Promise<void> {
    const pending = browser;
    browser = undefined;
    current = undefined;
    if (!pending) return;
    const instance = await pending.catch(() => undefined);
    if (!instance) return;
    const result = await withTimeout(
      instance.close().catch(() => {}),
      5_000,
    );
    if (result === 'timeout') instance.process()?.kill('SIGKILL');
    const profile = profiles.get(instance);
    if (profile) await removeProfile(profile);
    if (!current) pid = undefined;
  }

  function acquire(): Promise<void> {
    if (closed) return Promise.reject(new Error('browser pool is closed'));
    clearTimeout(idleTimer);
    idleTimer = undefined;
    if (active < maxPages) {
      active++;
      peak = Math.max(peak, active);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  }

  function release(): void {
    const next = waiters.shift();
    if (next) {
      next.resolve(); // the slot passes straight to the waiter
      return;
    }
    active--;
    if (active === 0 && !closed) {
      idleTimer = setTimeout(() => void closeBrowser(), idleCloseMs);
      idleTimer.unref();
    }
  }

  return {
    async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
      await acquire();
      let context: BrowserContext | undefined;
      try {
        const instance = await getBrowser();
        context = await instance.createBrowserContext({ downloadBehavior: { policy: 'deny' } });
        const page = await context.newPage();
        return await fn(page);
      } finally {
        if (context) {
          const result = await withTimeout(
            context.close().catch(() => {}),
            closePageTimeoutMs,
          );
          // A renderer stuck in a loop can wedge the close; a fresh browser is cheaper than a leak.
          if (result === 'timeout' && current === context.browser()) await closeBrowser();
        }
        release();
      }
    },
    stats: () => ({ active, peak, waiting: waiters.length, launches, pid }),
    async close() {
      closed = true;
      clearTimeout(idleTimer);
      for (const waiter of waiters.splice(0)) waiter.reject(new Error('browser pool is closed'));
      await closeBrowser();
    },
  };
}
