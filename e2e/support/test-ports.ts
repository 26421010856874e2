/**
 * Test ports, the one list: apart from the development ports (4000–4020) so a running dev system is left
 * alone. SCS_TEST_PORT_BASE moves them all, so two test runs on one machine do not collide.
 */
const BASE = Number(process.env.SCS_TEST_PORT_BASE ?? 4100);
export const TEST_PORTS = {
  gateway: BASE,
  users: BASE + 1,
  knowledge: BASE + 2,
  chat: BASE + 3,
  analytics: BASE + 4,
  gatewayB: BASE + 5,
  worker: BASE + 6,
  embeddingWorker: BASE + 7,
  llmServer: BASE + 8,
  web: BASE + 9,
  /** Two customer sites embedding the widget (web/e2e/widget.e2e.test.ts). */
  shopSite: BASE + 10,
  otherSite: BASE + 11,
  /** The test run's own Redis server (test-redis.ts). */
  redis: BASE + 12,
} as const;
