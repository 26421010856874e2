/** Whether one dependency of a service (a database, Redis, OpenSearch, Temporal) answered, and how fast. */
export interface DependencyStatus {
  name: string;
  ok: boolean;
  /** Round trip of the check in milliseconds. */
  latencyMs: number;
  /** Version or error message reported by the dependency. */
  detail?: string | null;
}

/** A service and the state of its dependencies. */
export interface ServiceStatus {
  service: string;
  /** True when every dependency answered. */
  ready: boolean;
  dependencies: DependencyStatus[];
}

/** A named probe; resolves with an optional detail (e.g. a version) or throws. */
export interface DependencyCheck {
  name: string;
  check: () => Promise<string | void>;
}

const CHECK_TIMEOUT_MS = 2_000;

async function runCheck({ name, check }: DependencyCheck): Promise<DependencyStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { name, ok: true, latencyMs: performance.now() - started, detail: detail ?? null };
  } catch (error) {
    return { name, ok: false, latencyMs: performance.now() - started, detail: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkService(service: string, checks: DependencyCheck[]): Promise<ServiceStatus> {
  const dependencies = await Promise.all(checks.map(runCheck));
  return { service, ready: dependencies.every((d) => d.ok), dependencies };
}
