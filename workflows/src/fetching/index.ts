// The crawler's web-fetching layer: URL policy (SSRF guard), safe fetching, robots.txt and per-host politeness.
export {
  checkAddress,
  checkUrl,
  describeRefusal,
  embeddedIPv4,
  normalizeHostname,
  refusedWithoutLookup,
  urlPolicyEnvSchema,
  urlPolicyFromEnv,
  type Resolver,
  type UrlCheckReason,
  type UrlCheckResult,
  type UrlPolicy,
  type VettedAddress,
} from '@scs/runtime/url-policy';
export {
  IMAGE_CONTENT_TYPES,
  PAGE_CONTENT_TYPES,
  safeFetch,
  type RobotsGate,
  type SafeFetchFailure,
  type SafeFetchFailureReason,
  type SafeFetchOptions,
  type SafeFetchResult,
  type SafeFetchSuccess,
} from './safe-fetch.js';
export { createRobots, originOf, robotsVerdict, RobotsTxt, type RobotsOptions, type RobotsRecord } from './robots.js';
export { createPoliteness, Politeness, PolitenessTimeoutError, type AcquireOptions, type PolitenessOptions, type Release } from './politeness.js';
