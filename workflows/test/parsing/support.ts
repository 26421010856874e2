import type { FixtureSite } from '../fixture-site/site.js';

export interface FetchedPage {
  url: string;
  html: Buffer;
  headers: Record<string, string>;
}

/** GET a fixture page with plain fetch (redirects not followed), as the fetch layer would hand it over. */
export async function fetchPage(site: FixtureSite, path: string): Promise<FetchedPage> {
  const res = await fetch(site.baseUrl + path, { redirect: 'manual' });
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  return { url: res.url, html: Buffer.from(await res.arrayBuffer()), headers: Object.fromEntries(res.headers) };
}

/** Entities the fixture's HTML uses, decoded. */
export const decodeEntities = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
