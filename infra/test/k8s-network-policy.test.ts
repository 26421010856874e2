import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

// The Kubernetes NetworkPolicies are the boundary that replaces authentication for OpenSearch and
// Temporal inside a cluster (docs/security.md). These checks keep them in step with the workloads
// and with the code: a new Deployment, or a service that starts reading OPENSEARCH_URL, fails here.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const K8S = path.join(ROOT, 'infra/k8s');

interface Doc {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec: any;
}
const docs: Doc[] = readdirSync(K8S)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parseAllDocuments(readFileSync(path.join(K8S, f), 'utf8')).map((d) => d.toJS() as Doc))
  .filter(Boolean);
const deployments = docs.filter((d) => d.kind === 'Deployment' && d.metadata.namespace === 'scs');
const policies = docs.filter((d) => d.kind === 'NetworkPolicy');

const nameOf = (d: Doc): string => d.spec.template.metadata.labels['app.kubernetes.io/name'];
const selects = (policy: Doc, name: string): boolean => {
  const sel = policy.spec.podSelector ?? {};
  if (!sel.matchLabels && !sel.matchExpressions) return true;
  if (sel.matchLabels?.['app.kubernetes.io/name'] === name) return true;
  return (sel.matchExpressions ?? []).some((e: any) => e.key === 'app.kubernetes.io/name' && e.operator === 'In' && e.values.includes(name));
};
/** The app.kubernetes.io/name values an ingress rule's `from` admits from namespace scs. */
const admittedFromScs = (policy: Doc): string[] =>
  policy.spec.ingress.flatMap((rule: any) =>
    (rule.from ?? []).flatMap((peer: any) => peer.podSelector?.matchExpressions?.find((e: any) => e.key === 'app.kubernetes.io/name')?.values ?? []),
  );
/** The TypeScript entry point of a Deployment's command (dist/x.js -> src/x.ts). */
const sourceOf = (d: Doc): string => {
  const entry = (d.spec.template.spec.containers[0].command as string[]).find((a) => /dist\/.*\.js$/.test(a) && !a.includes('preload'))!;
  return readFileSync(path.join(ROOT, entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts')), 'utf8');
};

describe('infra/k8s network policies', () => {
  it('deny all ingress to the app namespace by default', () => {
    const deny = policies.find((p) => p.metadata.namespace === 'scs' && Object.keys(p.spec.podSelector).length === 0 && !p.spec.ingress);
    expect(deny?.spec.policyTypes).toEqual(['Ingress']);
  });

  it('open every serving port of every Deployment to someone, and only the gateway to everyone', () => {
    expect(deployments.length).toBeGreaterThanOrEqual(8);
    for (const d of deployments) {
      const name = nameOf(d);
      const mine = policies.filter((p) => p.metadata.namespace === 'scs' && p.spec.ingress && selects(p, name));
      expect(mine.length, `${name} has no ingress policy`).toBeGreaterThan(0);
      const fromAnywhere = mine.some((p) => p.spec.ingress.some((r: any) => !r.from));
      expect(fromAnywhere, `${name}: reachable from anywhere`).toBe(name === 'gateway');
    }
  });

  it('let exactly the services that use OpenSearch reach it', () => {
    const users = deployments
      .filter((d) => /OPENSEARCH_URL|knowledgeIndexEnvSchema/.test(sourceOf(d)))
      .map(nameOf)
      .sort();
    expect(users.length).toBeGreaterThan(0);
    const policy = policies.find((p) => p.metadata.namespace === 'scs-data' && selects(p, 'opensearch') && p.spec.podSelector.matchLabels)!;
    expect(admittedFromScs(policy).sort()).toEqual(users);
  });

  it('let exactly the services that use Temporal reach its frontend', () => {
    const users = deployments
      .filter((d) => /TEMPORAL_ADDRESS|temporalEnvSchema/.test(sourceOf(d)))
      .map(nameOf)
      .sort();
    const policy = policies.find((p) => p.metadata.namespace === 'scs-data' && selects(p, 'temporal-frontend'))!;
    expect(admittedFromScs(policy).sort()).toEqual(users);
  });
});
