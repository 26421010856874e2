// JavaScript rendering for pages whose text only exists after their scripts ran: a shared Chromium pool and a
// sandboxed, policy-checked renderPage.
export { CHROMIUM_ARGS, createBrowserPool, type BrowserPool, type BrowserPoolOptions, type BrowserPoolStats } from './browser-pool.js';
export { renderPage, type InterceptedRequest, type RenderFailureReason, type RenderOptions, type RenderResult } from './render-page.js';
