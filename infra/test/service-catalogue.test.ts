import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

// The service list lives in infra/services/*.sh (`stack catalogue` prints it). docker-compose.yml,
// the Kubernetes manifests and the test support describe the same services again; these checks fail
// when one of them disagrees on an entry point, a port or a dependency.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Service {
  name: string;
  kind: string;
  deps: string[];
  ports: number[];
  entry: string;
}
const catalogue: Service[] = execFileSync('bash', [path.join(ROOT, 'infra/bin/stack'), 'catalogue'], { encoding: 'utf8' })
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Service);
const apps = catalogue.filter((s) => s.entry.endsWith('.js') && !s.entry.startsWith('node_modules/'));
const DATA = ['postgres', 'redis', 'opensearch', 'temporal'];

const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, any> };
const commandOf = (svc: any): string => [svc.command ?? []].flat().join(' ');
const composeNameOf = (entry: string) => Object.entries(compose.services).find(([, svc]) => commandOf(svc).includes(entry))?.[0];

const k8s = readdirSync(path.join(ROOT, 'infra/k8s'))
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parseAllDocuments(readFileSync(path.join(ROOT, 'infra/k8s', f), 'utf8')).map((d) => d.toJS()))
  .filter((d: any) => d?.kind === 'Deployment');

describe('the service catalogue (infra/services/*.sh) and its other descriptions', () => {
  it('lists the data services and the apps', () => {
    expect(catalogue.map((s) => s.name)).toEqual(
      expect.arrayContaining([...DATA, 'users', 'knowledge', 'chat', 'analytics', 'gateway', 'web', 'llm-server', 'ingestion-worker', 'embedding-worker']),
    );
    for (const s of apps) expect(readFileSync(path.join(ROOT, s.entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts'))).length).toBeGreaterThan(0);
  });

  it.each(apps.map((s) => [s.name, s] as const))('docker-compose.yml runs %s with the same entry, port and data dependencies', (_name, s) => {
    const name = composeNameOf(s.entry);
    expect(name, `no compose service runs ${s.entry}`).toBeTruthy();
    const svc = compose.services[name!];
    for (const published of svc.ports ?? []) expect(Number(String(published).split(':').pop())).toBe(s.ports[0]);
    const dependsOn = Object.keys(svc.depends_on ?? {});
    for (const dep of s.deps) {
      const depEntry = catalogue.find((c) => c.name === dep)!.entry;
      const composeDep = DATA.includes(dep) ? dep : composeNameOf(depEntry);
      expect(dependsOn, `${name} should depend on ${composeDep}`).toContain(composeDep);
    }
  });

  it.each(apps.map((s) => [s.name, s] as const))('a Kubernetes Deployment runs %s with the same entry and port', (name, s) => {
    const deployment = k8s.find((d: any) => d.spec.template.spec.containers[0].command.includes(s.entry));
    expect(deployment, `no Deployment runs ${s.entry}`).toBeTruthy();
    expect(deployment.metadata.name).toBe(name);
    const ports = deployment.spec.template.spec.containers[0].ports.map((p: any) => p.containerPort);
    expect(ports).toContain(s.ports[0]);
  });

  it('the test support starts only entry points the catalogue has', () => {
    const support = readFileSync(path.join(ROOT, 'e2e/support/service-process.ts'), 'utf8');
    const entries = [...support.matchAll(/'([a-z/.-]+\/dist\/[a-z/.-]+\.js)'/g)].map((m) => m[1]);
    expect(entries.length).toBeGreaterThanOrEqual(7);
    for (const entry of entries)
      expect(
        apps.map((s) => s.entry),
        entry,
      ).toContain(entry);
  });
});
