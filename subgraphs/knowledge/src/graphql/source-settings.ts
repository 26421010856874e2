import { badUserInput } from '@scs/graphql-kit/auth/errors';
import { checkUrl, describeRefusal, type UrlPolicy } from '@scs/runtime/url-policy';
import picomatch from 'picomatch';
import type { SourceRecord } from '../entities/source.entity.js';
import type { SourceSettingsInput } from './source.types.js';

export const SOURCE_DEFAULTS = {
  scope: 'host',
  includePatterns: [],
  excludePatterns: [],
  maxDepth: 5,
  maxPages: 500,
  useSitemap: true,
  jsRendering: 'auto',
  recrawlSchedule: null,
  accessRoles: [],
} as const;

const CRON_FIELD = /^[0-9*/,\-A-Za-z?]+$/;
const CRON_MACROS = new Set(['@hourly', '@daily', '@weekly', '@monthly', '@yearly']);

/** A start URL we can crawl: absolute http(s), no credentials, no fragment. Its addresses are vetted by `vetStartUrl`. */
export function normalizeStartUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw badUserInput('startUrl must be an absolute http(s) URL.', 'startUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badUserInput('startUrl must use http or https.', 'startUrl');
  if (url.username || url.password) throw badUserInput('startUrl must not contain credentials.', 'startUrl');
  url.hash = '';
  return url.toString();
}

/**
 * Refuses a start URL the crawler would refuse to fetch — private, loopback, link-local, CGNAT or metadata addresses
 * (host names resolved now), ports other than 80/443 and the configured ones — with the crawler's very policy. The
 * crawler checks again on every fetch, because DNS can change after this.
 */
export async function vetStartUrl(startUrl: string, policy: UrlPolicy): Promise<void> {
  const verdict = await checkUrl(startUrl, policy);
  if (verdict.ok) return;
  const error = badUserInput(describeRefusal('startUrl', verdict), 'startUrl');
  error.extensions.reason = verdict.reason;
  throw error;
}

function checkPatterns(patterns: readonly string[], field: string): string[] {
  return patterns.map((pattern) => {
    const trimmed = pattern.trim();
    if (!trimmed.startsWith('/')) throw badUserInput(`${field}: "${trimmed.slice(0, 50)}" must start with / (a URL path glob).`, field);
    try {
      picomatch(trimmed);
    } catch {
      throw badUserInput(`${field}: "${trimmed.slice(0, 50)}" is not a valid glob pattern.`, field);
    }
    return trimmed;
  });
}

function checkSchedule(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const fields = trimmed.split(/\s+/);
  if (CRON_MACROS.has(trimmed) || (fields.length === 5 && fields.every((f) => CRON_FIELD.test(f)))) return trimmed;
  throw badUserInput('recrawlSchedule must be a 5-field cron expression or @hourly/@daily/@weekly/@monthly.', 'recrawlSchedule');
}

/** Applies the given settings onto a source (new or existing), validating each. */
export function applySettings(target: Partial<SourceRecord>, input: SourceSettingsInput): void {
  if (input.name != null) target.name = input.name.trim();
  if (input.scope != null) target.scope = input.scope;
  if (input.includePatterns != null) target.includePatterns = checkPatterns(input.includePatterns, 'includePatterns');
  if (input.excludePatterns != null) target.excludePatterns = checkPatterns(input.excludePatterns, 'excludePatterns');
  if (input.maxDepth != null) target.maxDepth = input.maxDepth;
  if (input.maxPages != null) target.maxPages = input.maxPages;
  if (input.useSitemap != null) target.useSitemap = input.useSitemap;
  if (input.jsRendering != null) target.jsRendering = input.jsRendering;
  if (input.recrawlSchedule !== undefined) target.recrawlSchedule = input.recrawlSchedule === null ? null : checkSchedule(input.recrawlSchedule);
  if (input.accessRoles != null) target.accessRoles = [...new Set(input.accessRoles)];
}
