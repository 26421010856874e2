import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '@scs/runtime/config';
import { createLogger } from '@scs/runtime/logger';
import { runService } from '@scs/runtime/run-service';
import { shutdownTracing } from '@scs/runtime/observability/tracing';
import { llmServerEnvSchema } from './config.js';
import { LlmEngine } from './engine.js';
import { createLlmHttpServer } from './server.js';

/**
 * The stack's OpenAI-compatible LLM server. It listens at once (so /healthz answers while a large
 * model loads), answers /readyz 200 and serves completions once the model is loaded.
 */
runService('llm-server', async () => {
  const config = loadConfig(llmServerEnvSchema);
  if (!existsSync(config.LLM_MODEL_PATH)) {
    throw new ConfigError([`LLM_MODEL_PATH: no file at ${config.LLM_MODEL_PATH} (run infra/models/provision-llm-model for the default model)`]);
  }
  const logger = createLogger('llm-server', config.LOG_LEVEL);
  const http = createLlmHttpServer(config, logger);
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject);
    http.server.listen(config.LLM_SERVER_PORT, config.LLM_SERVER_HOST, () => resolve());
  });
  const baseUrl = `http://${config.LLM_SERVER_HOST}:${config.LLM_SERVER_PORT}/v1`;
  logger.info({ url: baseUrl, model: config.LLM_MODEL_NAME, auth: config.LLM_SERVER_API_KEY ? 'bearer' : 'none' }, 'llm server listening; loading the model');

  let stopping = false;
  let engine: LlmEngine | undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'llm server stopping');
    await http.close();
    await engine?.dispose();
    await shutdownTracing();
    logger.info('llm server stopped');
    process.exit(0);
  };
  // `on`, not `once`: a signal-exit handler loaded by node-llama-cpp's dependencies re-raises the signal
  // (killing the process mid-shutdown) when it finds no other listener left.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(signal));

  const started = performance.now();
  engine = await LlmEngine.load(config, logger);
  http.setEngine(engine);
  logger.info({ modelPath: config.LLM_MODEL_PATH, ...engine.info, loadMs: Math.round(performance.now() - started) }, 'model loaded; llm server ready');
});
