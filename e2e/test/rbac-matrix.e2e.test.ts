import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { subscriptionTopic } from '@scs/contracts/subscription-topics';
import {
  buildSchema,
  getNamedType,
  GraphQLID,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  collect,
  createApiKey,
  graphqlRequest,
  REPO_ROOT,
  registerAdmin,
  startSystem,
  waitForChannelSubscribers,
  wsClient,
  type GraphQLResponse,
  type ServiceProcess,
  type Session,
  GENEROUS_RATE_LIMITS,
} from '@scs/test-support';
import { DEFAULT_ROLE_PERMISSIONS, type Permission, type Role } from '@scs/contracts/permissions';
import { permissionMessage } from '@scs/graphql-kit/auth/authorize';
import { POLICY, type Requirement } from '@scs/contracts/policy';
import { guardFor, namesARecord } from '../../gateway/src/subscriptions/subscription-guards.js';

/**
 * Every root field of the public API × every kind of principal, checked against THE policy table.
 * Operations are generated from schema/api.graphql, so a new root field is covered (and must have
 * a policy) without touching this file.
 */

// ---------------------------------------------------------------------------------------------
// The public API schema and its root fields
// ---------------------------------------------------------------------------------------------

const API_SDL = readFileSync(join(REPO_ROOT, 'schema/api.graphql'), 'utf8');
const SUPERGRAPH_SDL = readFileSync(join(REPO_ROOT, 'schema/supergraph.graphql'), 'utf8');
const apiSchema = buildSchema(API_SDL);

type OperationKind = 'query' | 'mutation' | 'subscription';
const ROOTS: [OperationKind, GraphQLObjectType | null | undefined][] = [
  ['query', apiSchema.getQueryType()],
  ['mutation', apiSchema.getMutationType()],
  ['subscription', apiSchema.getSubscriptionType()],
];

interface RootField {
  coordinate: string;
  kind: OperationKind;
  field: GraphQLField<unknown, unknown>;
}

const ROOT_FIELDS: RootField[] = ROOTS.flatMap(([kind, type]) =>
  type ? Object.values(type.getFields()).map((field) => ({ coordinate: `${type.name}.${field.name}`, kind, field })) : [],
);

/**
 * Mutations that act on the caller's own session, membership, role mapping or keys. Their
 * placeholder arguments (random ids, tokens) never name the test's principals, but they run last
 * all the same, so a mistake there cannot disturb the cases before them.
 */
const SELF_AFFECTING = new Set([
  'Mutation.logout',
  'Mutation.resetPassword',
  'Mutation.changeRole',
  'Mutation.removeMember',
  'Mutation.setRolePermissions',
  'Mutation.revokeApiKey',
  'Mutation.switchOrganization',
]);
/**
 * Subscriptions on one record (an `ID` argument: a conversation, a source): after the policy, the
 * gateway asks the owning subgraph whether the subscriber may read that record, and a placeholder id
 * names none, so passing the policy shows as NOT_FOUND instead of a subscription.
 */
const GUARDED_SUBSCRIPTIONS = new Set(ROOT_FIELDS.filter((f) => f.kind === 'subscription' && namesARecord(f.field)).map((f) => f.coordinate));
const ORDER: Record<OperationKind, number> = { query: 0, subscription: 1, mutation: 2 };
const MATRIX_FIELDS = [...ROOT_FIELDS].sort(
  (a, b) => ORDER[a.kind] - ORDER[b.kind] || Number(SELF_AFFECTING.has(a.coordinate)) - Number(SELF_AFFECTING.has(b.coordinate)),
);

// ---------------------------------------------------------------------------------------------
// Generic operations: required arguments filled with placeholders, `__typename` selected
// ---------------------------------------------------------------------------------------------

const FUTURE = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

/** A placeholder value of `type`, as a JSON variable value. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType as GraphQLInputType)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, placeholder(f.type)]),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return randomUUID();
      case 'String':
        return 'x';
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      default:
        // DateTimeISO and other custom scalars: a date-time in the future.
        return FUTURE;
    }
  }
  throw new Error(`no placeholder for ${String(type)}`);
}

interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

/** A minimal valid operation for one root field: required arguments as variables, `__typename` for objects. */
function operationFor({ kind, field }: RootField): Operation {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const variables = Object.fromEntries(required.map((a) => [a.name, placeholder(a.type)]));
  const definitions = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return {
    query: `${kind} Rbac${definitions ? `(${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
    variables,
  };
}

// ---------------------------------------------------------------------------------------------
// Principals and what the policy table expects for them
// ---------------------------------------------------------------------------------------------

const PRINCIPALS = ['anonymous', 'admin', 'curator', 'agent', 'customer', 'partner', 'partnerKey', 'serviceKey', 'foreignAdmin'] as const;
type PrincipalName = (typeof PRINCIPALS)[number];

interface Principal {
  name: PrincipalName;
  /** Null for anonymous. */
  role: Role | null;
  orgId: string | null;
  /** The Authorization header value, or undefined for anonymous. */
  authorization?: string;
}

const ROLE_OF: Record<PrincipalName, Role | null> = {
  anonymous: null,
  admin: 'admin',
  curator: 'curator',
  agent: 'agent',
  customer: 'customer',
  partner: 'partner',
  partnerKey: 'partner',
  serviceKey: 'service',
  foreignAdmin: 'admin',
};

type Expectation = { outcome: 'pass' } | { outcome: 'UNAUTHENTICATED' } | { outcome: 'FORBIDDEN'; permissions: readonly Permission[] };

function expectationFor(requirement: Requirement, role: Role | null): Expectation {
  if ('public' in requirement) return { outcome: 'pass' };
  if ('gateway' in requirement) throw new Error('gateway-only fields are not in the public schema');
  if (role === null) return { outcome: 'UNAUTHENTICATED' };
  if ('authenticated' in requirement) return { outcome: 'pass' };
  return requirement.permissions.some((p) => DEFAULT_ROLE_PERMISSIONS[role].includes(p))
    ? { outcome: 'pass' }
    : { outcome: 'FORBIDDEN', permissions: requirement.permissions };
}

const SIGN_IN_MESSAGE = 'You must sign in to do this.';
type ResponseError = NonNullable<GraphQLResponse['errors']>[number];

/**
 * The errors of a response, plus the subgraph errors the gateway wrapped into `extensions.response`
 * when a subgraph answered with a non-2xx status (see the "denials reach the client" test).
 */
function withWrapped(errors: readonly ResponseError[]): ResponseError[] {
  return errors.flatMap((e) => {
    const inner = (e.extensions?.response as { body?: GraphQLResponse } | undefined)?.body?.errors ?? [];
    return [e, ...inner];
  });
}

/** Errors the policy itself produced (as opposed to the resolver refusing placeholder input). */
function policyErrors(errors: readonly ResponseError[]): ResponseError[] {
  return withWrapped(errors).filter(
    (e) =>
      (e.extensions?.code === 'UNAUTHENTICATED' && e.message === SIGN_IN_MESSAGE) ||
      (e.extensions?.code === 'FORBIDDEN' &&
        (/^This requires (the|one of the) \S+( \S+)* permissions?\.$/.test(e.message) ||
          /has no access policy/.test(e.message) ||
          e.message === 'You do not have permission to do this.')),
  );
}

function policyMessage(expectation: Exclude<Expectation, { outcome: 'pass' }>): string {
  return expectation.outcome === 'UNAUTHENTICATED' ? SIGN_IN_MESSAGE : permissionMessage(expectation.permissions);
}

/** Checks that the policy decided as expected: denials carry the policy's code (and, possibly wrapped, its message). */
function checkOutcome(expectation: Expectation, errors: readonly ResponseError[], context: string): void {
  const codes = withWrapped(errors).map((e) => e.extensions?.code);
  const dump = `${context}: ${JSON.stringify(errors)}`;
  expect(codes, dump).not.toContain('RATE_LIMITED');
  expect(codes, dump).not.toContain('INTERNAL_SERVER_ERROR');
  expect(codes, dump).not.toContain('GRAPHQL_VALIDATION_FAILED');
  if (expectation.outcome === 'pass') {
    expect(policyErrors(errors), `${context} should pass the policy`).toEqual([]);
    return;
  }
  expect(errors.length, dump).toBeGreaterThan(0);
  for (const error of errors) expect(error.extensions?.code, dump).toBe(expectation.outcome);
  expect(
    withWrapped(errors).map((e) => e.message),
    dump,
  ).toContain(policyMessage(expectation));
}

/** One subscription's first answer: an event, an error, or (after `waitMs`) nothing. */
function firstAnswer(client: Client, operation: Operation) {
  let answer: { kind: 'next'; value: GraphQLResponse } | { kind: 'error'; errors: ResponseError[] } | undefined;
  const unsubscribe = client.subscribe(
    { query: operation.query, variables: operation.variables },
    {
      next: (value) => void (answer ??= { kind: 'next', value: value as GraphQLResponse }),
      error: (error) =>
        void (answer ??= {
          kind: 'error',
          errors: Array.isArray(error)
            ? (error as ResponseError[])
            : [{ message: String((error as { reason?: string }).reason ?? error), extensions: { code: 'SOCKET_CLOSED' } }],
        }),
      complete: () => undefined,
    },
  );
  return {
    unsubscribe,
    get answer() {
      return answer;
    },
    async wait(timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (!answer && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      return answer;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe('RBAC matrix: every public root field × every principal, against the policy table', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let gateway: ServiceProcess;
  let users: ServiceProcess;
  let admin: Session;
  let foreignAdmin: Session;
  const sessions = {} as Record<'admin' | 'curator' | 'agent' | 'customer' | 'partner' | 'foreignAdmin', Session>;
  const keys = {} as Record<'partnerKey' | 'serviceKey', { id: string; secret: string }>;
  const principals = {} as Record<PrincipalName, Principal>;
  let membersBefore: unknown;
  /** Every denial the HTTP matrix saw, for the check of what clients are shown. */
  const denials: { context: string; message: string; code: string; status: number; body: GraphQLResponse }[] = [];

  beforeAll(async () => {
    // Generous limits: this file sends several hundred requests from one address in a minute.
    // The matrix signs in as `x` once per principal from one address: that is not an attack to back off from.
    system = await startSystem(1, { ...GENEROUS_RATE_LIMITS, LOCKOUT_THRESHOLD: '1000' });
    gateway = system.gateways[0]!;
    users = system.subgraphs.users;

    admin = await registerAdmin(gateway, 'Rbac Admin');
    foreignAdmin = await registerAdmin(gateway, 'Foreign Admin');
    sessions.admin = admin;
    sessions.foreignAdmin = foreignAdmin;
    for (const role of ['curator', 'agent', 'customer', 'partner'] as const) {
      sessions[role] = await addMember(gateway, users, admin, role.toUpperCase());
    }
    keys.partnerKey = await createApiKey(gateway, admin, 'PARTNER', [...DEFAULT_ROLE_PERMISSIONS.partner]);
    keys.serviceKey = await createApiKey(gateway, admin, 'SERVICE', [...DEFAULT_ROLE_PERMISSIONS.service]);

    for (const name of PRINCIPALS) {
      const role = ROLE_OF[name];
      if (name === 'anonymous') principals[name] = { name, role, orgId: null };
      else if (name === 'partnerKey' || name === 'serviceKey')
        principals[name] = { name, role, orgId: admin.orgId, authorization: `ApiKey ${keys[name].secret}` };
      else principals[name] = { name, role, orgId: sessions[name].orgId, authorization: `Bearer ${sessions[name].accessToken}` };
    }

    const { body } = await graphqlRequest(gateway.baseUrl, '{ members { user { id } role } }', undefined, admin.headers);
    membersBefore = body.data?.members;
    expect(membersBefore).toHaveLength(5);
  });
  afterAll(() => system?.stop());

  const headersOf = (p: Principal): Record<string, string> => (p.authorization ? { authorization: p.authorization } : {});

  describe('the policy table matches the public API schema', () => {
    it('has a policy for every root field of Query, Mutation and Subscription', () => {
      expect(ROOT_FIELDS.length).toBeGreaterThan(20);
      const missing = ROOT_FIELDS.map((f) => f.coordinate).filter((c) => !(c in POLICY));
      expect(missing, 'root fields without an entry in POLICY (packages/contracts/src/policy.ts)').toEqual([]);
    });

    it('has no stale entries: every non-gateway policy names a field of the public API (or an internal, @inaccessible one)', () => {
      const inApi = new Set(ROOT_FIELDS.map((f) => f.coordinate));
      // Internal fields one subgraph calls on another with the caller's identity (chat's `_retrieve`) keep a permission policy.
      const internal = (coordinate: string) => new RegExp(`\\b${coordinate.split('.')[1]}\\([^)]*\\)[^\\n]*@inaccessible`).test(SUPERGRAPH_SDL);
      const stale = Object.entries(POLICY)
        .filter(([, requirement]) => !('gateway' in requirement))
        .map(([coordinate]) => coordinate)
        .filter((c) => !inApi.has(c) && !internal(c));
      expect(stale, 'POLICY entries for fields the public API does not have').toEqual([]);
    });

    it('keeps gateway-only fields out of the public API (and @inaccessible in the supergraph)', () => {
      const gatewayOnly = Object.entries(POLICY)
        .filter(([, requirement]) => 'gateway' in requirement)
        .map(([coordinate]) => coordinate);
      expect(gatewayOnly.length).toBeGreaterThan(0);
      const inApi = new Set(ROOT_FIELDS.map((f) => f.coordinate));
      for (const coordinate of gatewayOnly) {
        expect(inApi.has(coordinate), `${coordinate} is gateway-only but in the public API`).toBe(false);
        const field = coordinate.split('.')[1]!;
        expect(SUPERGRAPH_SDL, `${coordinate} should be @inaccessible in the supergraph`).toMatch(new RegExp(`\\b${field}\\([^)]*\\)[^\\n]*@inaccessible`));
      }
    });

    it('every subscription field that names a record (an ID argument) is checked by the query field that reads the record', () => {
      expect([...GUARDED_SUBSCRIPTIONS].sort()).toEqual(['Subscription.crawlProgress', 'Subscription.messageAdded', 'Subscription.messageStream']);
      const readers = Object.fromEntries(
        ROOT_FIELDS.filter((f) => GUARDED_SUBSCRIPTIONS.has(f.coordinate)).map((f) => [f.coordinate, guardFor(apiSchema, f.field)?.recordField]),
      );
      expect(readers, 'name the record argument <record>Id after a Query.<record>(id: ID!) field, and add a record-level case below').toEqual({
        'Subscription.crawlProgress': 'source',
        'Subscription.messageAdded': 'conversation',
        'Subscription.messageStream': 'conversation',
      });
    });

    it('a subscription naming a record that no query field reads is refused to everyone', () => {
      const field = { name: 'secretFeed', args: [{ name: 'vaultId', type: GraphQLID }] } as unknown as Parameters<typeof guardFor>[1];
      expect(() => guardFor(apiSchema, field)).toThrow('Subscription.secretFeed has no record-level check.');
    });

    it('every generated operation is valid against the public API schema', async () => {
      const { validate, parse } = await import('graphql');
      for (const rootField of ROOT_FIELDS) {
        const { query } = operationFor(rootField);
        expect(
          validate(apiSchema, parse(query)).map((e) => e.message),
          query,
        ).toEqual([]);
      }
    });
  });

  describe.each(MATRIX_FIELDS.map((f) => [f.coordinate, f] as const))('%s', (coordinate, rootField) => {
    it.each(PRINCIPALS.map((p) => [p]))(`as %s`, async (name) => {
      const principal = principals[name];
      const requirement = POLICY[coordinate];
      expect(requirement, `${coordinate} has no policy`).toBeDefined();
      const expectation = expectationFor(requirement!, principal.role);
      const operation = operationFor(rootField);
      const context = `${coordinate} as ${name} (${operation.query} ${JSON.stringify(operation.variables)})`;

      if (rootField.kind !== 'subscription') {
        const { status, body } = await graphqlRequest(gateway.baseUrl, operation.query, operation.variables, headersOf(principal));
        expect(status, context).not.toBe(429);
        checkOutcome(expectation, body.errors ?? [], context);
        if (expectation.outcome === 'pass') expect(status, context).toBeLessThan(500);
        else denials.push({ context, message: policyMessage(expectation), code: expectation.outcome, status, body });
        return;
      }

      const client = wsClient(gateway.baseUrl, principal.authorization ? { authorization: principal.authorization } : undefined);
      const subscription = firstAnswer(client, operation);
      try {
        if (expectation.outcome === 'pass' && GUARDED_SUBSCRIPTIONS.has(coordinate)) {
          const answer = await subscription.wait(10_000);
          expect(answer, `${context}: no answer`).toBeDefined();
          const errors = answer!.kind === 'error' ? answer!.errors : (answer!.value.errors ?? []);
          checkOutcome(expectation, errors, context);
          expect(
            errors.map((e) => e.extensions?.code),
            context,
          ).toEqual(['NOT_FOUND']);
        } else if (expectation.outcome === 'pass') {
          // Passing the policy means the gateway really listens on the principal's org-scoped topic.
          const topic = subscriptionTopic(rootField.field.name, operation.variables, principal.orgId!);
          await waitForChannelSubscribers(topic, 1, 10_000).catch((error: unknown) => {
            throw new Error(`${context}: not subscribed (${String(error)}); answer: ${JSON.stringify(subscription.answer)}`);
          });
          const answer = await subscription.wait(200);
          const errors = answer?.kind === 'error' ? answer.errors : (answer?.value.errors ?? []);
          checkOutcome(expectation, errors, context);
        } else {
          const answer = await subscription.wait(10_000);
          expect(answer, `${context}: no answer`).toBeDefined();
          const errors = answer!.kind === 'error' ? answer!.errors : (answer!.value.errors ?? []);
          if (answer!.kind === 'next') expect(answer!.value.data ?? null, context).toBeNull();
          checkOutcome(expectation, errors, context);
        }
      } finally {
        subscription.unsubscribe();
        await client.dispose();
      }
    });
  });

  it('denials reach the client as the policy’s own error and status, without subgraph internals', (ctx) => {
    // Checks what the matrix above recorded; nothing to check when it was filtered out (-t).
    if (denials.length === 0) return ctx.skip();
    const violations = denials.flatMap(({ context, message, code, status, body }) => {
      const text = JSON.stringify(body);
      const first = body.errors?.[0];
      const problems = [
        first?.message !== message && `message is ${JSON.stringify(first?.message)}, not ${JSON.stringify(message)}`,
        first?.extensions?.code !== code && `code is ${String(first?.extensions?.code)}`,
        first?.extensions && 'response' in first.extensions && 'extensions.response exposes the subgraph’s HTTP response',
        // Refused as a whole (no data): the HTTP status says why, as for the gateway's own refusals.
        body.data == null && status !== (code === 'UNAUTHENTICATED' ? 401 : 403) && `HTTP status is ${status}`,
        /127\.0\.0\.1:\d+|https?:\/\//.test(text) && 'an internal URL is visible',
      ].filter(Boolean);
      return problems.length ? [`${context}: ${problems.join('; ')}`] : [];
    });
    expect(violations).toEqual([]);
  });

  describe('gateway-only fields cannot be reached through the gateway', () => {
    const gatewayOnly = Object.entries(POLICY)
      .filter(([, requirement]) => 'gateway' in requirement)
      .map(([coordinate]) => coordinate);
    it.each(gatewayOnly.map((c) => [c]))('%s is unknown to every principal', async (coordinate) => {
      const field = coordinate.split('.')[1]!;
      const query =
        field === '_gatewayRolePermissions'
          ? `{ _gatewayRolePermissions(orgId: "${admin.orgId}", role: "admin") }`
          : `{ _gatewayAuthenticateApiKey(key: "${keys.partnerKey.secret}") { apiKeyId orgId role permissions } }`;
      for (const name of PRINCIPALS) {
        const { body } = await graphqlRequest(gateway.baseUrl, query, undefined, headersOf(principals[name]));
        expect(body.data ?? null, name).toBeNull();
        expect(body.errors?.[0]?.extensions?.code, `${name}: ${JSON.stringify(body.errors)}`).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(JSON.stringify(body)).not.toContain(keys.partnerKey.id);
      }
    });

    it('and the users subgraph refuses them without the gateway-signed identity', async () => {
      const { status, body } = await graphqlRequest(users.baseUrl, `{ _gatewayRolePermissions(orgId: "${admin.orgId}", role: "admin") }`, undefined, {
        authorization: `Bearer ${admin.accessToken}`,
      });
      expect(status).toBe(401);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      expect(body.data ?? null).toBeNull();
    });
  });

  it('the matrix left every principal signed in and the membership untouched', async () => {
    for (const name of PRINCIPALS.filter((n) => n !== 'anonymous')) {
      const { body } = await graphqlRequest(gateway.baseUrl, '{ me { role organization { id } } }', undefined, headersOf(principals[name]));
      expect(body.errors, name).toBeUndefined();
      expect(body.data!.me).toEqual({ role: ROLE_OF[name]!.toUpperCase(), organization: { id: principals[name].orgId } });
    }
    const { body } = await graphqlRequest(gateway.baseUrl, '{ members { user { id } role } }', undefined, admin.headers);
    expect(body.data!.members).toEqual(membersBefore);
    const roles = await graphqlRequest(gateway.baseUrl, '{ rolePermissions { role isDefault } }', undefined, admin.headers);
    expect(roles.body.data!.rolePermissions.every((r: { isDefault: boolean }) => r.isDefault)).toBe(true);
    const apiKeys = await graphqlRequest(gateway.baseUrl, '{ apiKeys { id revokedAt } }', undefined, admin.headers);
    expect(apiKeys.body.data!.apiKeys).toEqual(
      expect.arrayContaining([
        { id: keys.partnerKey.id, revokedAt: null },
        { id: keys.serviceKey.id, revokedAt: null },
      ]),
    );
  });

  describe('tenant isolation: a foreign organization’s admin sees nothing of organization A', () => {
    const conversationId = randomUUID();
    let messageId: string;
    let keyOfA: { id: string; secret: string };
    let keyOfB: { id: string; secret: string };

    const asB = (query: string, variables?: Record<string, unknown>) => graphqlRequest(gateway.baseUrl, query, variables, foreignAdmin.headers);
    const asA = (query: string, variables?: Record<string, unknown>) => graphqlRequest(gateway.baseUrl, query, variables, admin.headers);

    beforeAll(async () => {
      const posted = await asA('mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }', { i: { conversationId, text: 'secret of org A' } });
      expect(posted.body.errors).toBeUndefined();
      messageId = posted.body.data!.postMessage.id;
      keyOfA = await createApiKey(gateway, admin, 'PARTNER', ['search:query']);
      keyOfB = await createApiKey(gateway, foreignAdmin, 'PARTNER', ['search:query']);
    });

    it('chatMessages(conversationId) of A’s conversation is empty for B', async () => {
      const { body } = await asB('query($c: ID!) { chatMessages(conversationId: $c) { id text } }', { c: conversationId });
      expect(body.errors).toBeUndefined();
      expect(body.data!.chatMessages).toEqual([]);
      // Control: A sees it.
      const own = await asA('query($c: ID!) { chatMessages(conversationId: $c) { id text } }', { c: conversationId });
      expect(own.body.data!.chatMessages).toEqual([{ id: messageId, text: 'secret of org A' }]);
    });

    it('chatMessage(id) of A’s message is null for B', async () => {
      const { body } = await asB('query($id: ID!) { chatMessage(id: $id) { id text } }', { id: messageId });
      expect(body.errors).toBeUndefined();
      expect(body.data!.chatMessage).toBeNull();
    });

    it('user(id) of A’s admin is null for B', async () => {
      const { body } = await asB('query($id: ID!) { user(id: $id) { id displayName email } }', { id: admin.userId });
      expect(body.errors).toBeUndefined();
      expect(body.data!.user).toBeNull();
    });

    it('members and users list only B’s own members', async () => {
      const { body } = await asB('{ members { user { id email } role } users { id } }');
      expect(body.errors).toBeUndefined();
      expect(body.data!.members).toEqual([{ user: { id: foreignAdmin.userId, email: foreignAdmin.email }, role: 'ADMIN' }]);
      expect(body.data!.users).toEqual([{ id: foreignAdmin.userId }]);
    });

    it('apiKeys lists only B’s keys', async () => {
      const { body } = await asB('{ apiKeys { id } }');
      expect(body.errors).toBeUndefined();
      expect(body.data!.apiKeys).toEqual([{ id: keyOfB.id }]);
    });

    it('auditLog holds only B’s entries', async () => {
      const { body } = await asB('{ auditLog(first: 100) { entries { actorId targetId } } }');
      expect(body.errors).toBeUndefined();
      const text = JSON.stringify(body.data!.auditLog);
      for (const id of [admin.userId, keyOfA.id, keys.partnerKey.id, sessions.customer.userId]) expect(text).not.toContain(id);
    });

    it('revokeApiKey(A’s key) is NOT_FOUND for B, and the key keeps working', async () => {
      const { body } = await asB('mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', { id: keyOfA.id });
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      const stillWorks = await graphqlRequest(gateway.baseUrl, '{ me { apiKeyId organization { id } } }', undefined, {
        authorization: `ApiKey ${keyOfA.secret}`,
      });
      expect(stillWorks.body.errors).toBeUndefined();
      expect(stillWorks.body.data!.me).toEqual({ apiKeyId: keyOfA.id, organization: { id: admin.orgId } });
    });

    it('changeRole and removeMember on A’s members are NOT_FOUND for B, and A is unchanged', async () => {
      const changed = await asB('mutation($u: ID!) { changeRole(userId: $u, role: CUSTOMER) { role } }', { u: sessions.agent.userId });
      expect(changed.body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      const removed = await asB('mutation($u: ID!) { removeMember(userId: $u) }', { u: sessions.customer.userId });
      expect(removed.body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      const { body } = await asA('{ members { user { id } role } }');
      expect(body.data!.members).toEqual(membersBefore);
    });

    it('B cannot post into A’s conversation', async () => {
      const { body } = await asB('mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }', { i: { conversationId, text: 'intruder' } });
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      const own = await asA('query($c: ID!) { chatMessages(conversationId: $c) { text } }', { c: conversationId });
      expect(own.body.data!.chatMessages).toEqual([{ text: 'secret of org A' }]);
    });

    it('B’s messageAdded subscription on A’s conversation is refused (NOT_FOUND) and receives nothing when A posts', async () => {
      const query = 'subscription($c: ID!) { messageAdded(conversationId: $c) { id text author { id } } }';
      const clientA = wsClient(gateway.baseUrl, { authorization: `Bearer ${admin.accessToken}` });
      const clientB = wsClient(gateway.baseUrl, { authorization: `Bearer ${foreignAdmin.accessToken}` });
      try {
        const onA = collect(clientA, query, { c: conversationId });
        const onB = collect(clientB, query, { c: conversationId });
        await waitForChannelSubscribers(subscriptionTopic('messageAdded', { conversationId }, admin.orgId), 1);
        expect((await onB.next()).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
        const posted = await asA('mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }', { i: { conversationId, text: 'second secret' } });
        expect(posted.body.errors).toBeUndefined();
        expect(await onA.next()).toEqual({
          data: { messageAdded: { id: posted.body.data!.postMessage.id, text: 'second secret', author: { id: admin.userId } } },
        });
        await new Promise((r) => setTimeout(r, 500));
        expect(onB.received).toHaveLength(1);
      } finally {
        await Promise.all([clientA.dispose(), clientB.dispose()]);
      }
    });
  });

  /**
   * Record level, for every subscription field that names a record: the same caller gets the same
   * answer over WebSocket as over HTTP — refused (NOT_FOUND) where the record's query is null for
   * them, live where it is not. Customer A vs customer B of one organization, a widget visitor vs a
   * member, another organization's admin.
   */
  describe('record level: each subscription on one record is allowed exactly to those whose query reads it', () => {
    type Who = 'customerA' | 'customerB' | 'visitor' | 'agent' | 'admin' | 'curator' | 'foreignAdmin';
    const who = {} as Record<Who, Session>;
    const records = {} as { conversationOfA: string; conversationOfVisitor: string; sourceOfA: string; sourceOfB: string };
    const post = (session: Session, conversationId: string, text: string) =>
      graphqlRequest(gateway.baseUrl, 'mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }', { i: { conversationId, text } }, session.headers);
    const addSourceAs = async (session: Session, startUrl: string) => {
      const { body } = await graphqlRequest(
        gateway.baseUrl,
        'mutation($i: AddSourceInput!) { addSource(input: $i) { id } }',
        { i: { startUrl } },
        session.headers,
      );
      expect(body.errors).toBeUndefined();
      return body.data!.addSource.id as string;
    };

    beforeAll(async () => {
      who.customerA = sessions.customer;
      who.customerB = await addMember(gateway, users, admin, 'CUSTOMER');
      who.agent = sessions.agent;
      who.admin = admin;
      who.curator = sessions.curator;
      who.foreignAdmin = foreignAdmin;
      const widget = await graphqlRequest(
        gateway.baseUrl,
        'mutation { updateWidgetSettings(input: { enabled: true, allowedOrigins: [] }) { enabled } }',
        undefined,
        admin.headers,
      );
      expect(widget.body.errors).toBeUndefined();
      const started = await graphqlRequest(
        gateway.baseUrl,
        'mutation($o: ID!) { startVisitorSession(organizationId: $o) { accessToken user { id } organization { id } } }',
        { o: admin.orgId },
      );
      expect(started.body.errors).toBeUndefined();
      const visitor = started.body.data!.startVisitorSession;
      who.visitor = {
        ...admin,
        accessToken: visitor.accessToken,
        userId: visitor.user.id,
        headers: { authorization: `Bearer ${visitor.accessToken}` },
      } as Session;

      records.conversationOfA = randomUUID();
      records.conversationOfVisitor = randomUUID();
      expect((await post(who.customerA, records.conversationOfA, 'private question of customer A')).body.errors).toBeUndefined();
      expect((await post(who.visitor, records.conversationOfVisitor, 'private question of the visitor')).body.errors).toBeUndefined();
      records.sourceOfA = await addSourceAs(who.curator, 'https://93.184.216.34/rbac-record-level/');
      records.sourceOfB = await addSourceAs(foreignAdmin, 'https://93.184.216.34/rbac-record-level/');
    });

    interface RecordCase {
      field: string;
      argument: string;
      record: keyof typeof records;
      /** The query that reads the record over HTTP: its answer decides the subscription's. */
      query: string;
      allowed: Who[];
      refused: Who[];
      /** Makes the owner produce an event on the record (conversations). */
      produce?: { by: Who; expect: (data: Record<string, any>) => boolean };
    }
    const conversationQuery = 'query($id: ID!) { conversation(id: $id) { id } }';
    const sourceQuery = 'query($id: ID!) { source(id: $id) { id } }';
    const CASES: RecordCase[] = [
      ...(['messageAdded', 'messageStream'] as const).flatMap((field): RecordCase[] => [
        {
          field,
          argument: 'conversationId',
          record: 'conversationOfA',
          query: conversationQuery,
          allowed: ['customerA', 'agent', 'admin'],
          refused: ['customerB', 'visitor', 'foreignAdmin'],
          produce: { by: 'customerA', expect: () => true },
        },
        {
          field,
          argument: 'conversationId',
          record: 'conversationOfVisitor',
          query: conversationQuery,
          allowed: ['visitor', 'agent'],
          refused: ['customerA', 'customerB', 'foreignAdmin'],
          produce: { by: 'visitor', expect: () => true },
        },
      ]),
      { field: 'crawlProgress', argument: 'sourceId', record: 'sourceOfA', query: sourceQuery, allowed: ['curator', 'admin'], refused: ['foreignAdmin'] },
      { field: 'crawlProgress', argument: 'sourceId', record: 'sourceOfB', query: sourceQuery, allowed: ['foreignAdmin'], refused: ['curator', 'admin'] },
    ];
    const SELECTIONS: Record<string, string> = {
      messageAdded: '{ id text conversationId }',
      messageStream: '{ seq kind conversationId message { text } }',
      crawlProgress: '{ status }',
    };

    /** Subscriptions of `field` this gateway has started so far (its Prometheus counter). */
    const subscriptionsStarted = async (field: string): Promise<number> => {
      const metrics = await (await fetch(`${gateway.baseUrl}/metrics`)).text();
      const line = metrics.split('\n').find((l) => l.startsWith('graphql_subscriptions_started_total{') && l.includes(`field="${field}"`));
      return line ? Number(line.split(' ').pop()) : 0;
    };

    it('has a case for every guarded subscription field', () => {
      expect([...new Set(CASES.map((c) => `Subscription.${c.field}`))].sort()).toEqual([...GUARDED_SUBSCRIPTIONS].sort());
    });

    it.each(CASES.map((c) => [`${c.field}(${c.argument}: ${c.record})`, c] as const))('%s', async (_name, c) => {
      const id = records[c.record];
      // Over HTTP first: the query's answer is what the subscription must match.
      for (const name of [...c.allowed, ...c.refused]) {
        const { body } = await graphqlRequest(gateway.baseUrl, c.query, { id }, who[name].headers);
        const readable = Object.values(body.data ?? {})[0] != null;
        expect(readable, `${name} reads ${c.record} over HTTP: ${JSON.stringify(body)}`).toBe(c.allowed.includes(name));
      }
      const query = `subscription($id: ID!) { ${c.field}(${c.argument}: $id) ${SELECTIONS[c.field]} }`;
      const startedBefore = await subscriptionsStarted(c.field);
      const clients = Object.fromEntries(
        [...c.allowed, ...c.refused].map((name) => [name, wsClient(gateway.baseUrl, { authorization: `Bearer ${who[name].accessToken}` })]),
      );
      try {
        const streams = Object.fromEntries(Object.entries(clients).map(([name, client]) => [name, collect(client, query, { id })]));
        for (const name of c.refused) {
          const first = await streams[name]!.next();
          expect(first.data ?? null, name).toBeNull();
          expect(
            first.errors?.map((e) => e.extensions?.code),
            `${name} on ${c.field}`,
          ).toEqual(['NOT_FOUND']);
        }
        // Every allowed subscriber is listening (the gateway counts a subscription once its topic is subscribed).
        await expect.poll(() => subscriptionsStarted(c.field), { timeout: 10_000 }).toBeGreaterThanOrEqual(startedBefore + c.allowed.length);
        if (c.produce) {
          const text = `event for ${c.field} ${randomUUID()}`;
          expect((await post(who[c.produce.by], id, text)).body.errors).toBeUndefined();
          for (const name of c.allowed) {
            const event = await streams[name]!.next();
            expect(event.errors, name).toBeUndefined();
            expect(JSON.stringify(event.data), name).toContain(text);
          }
          await new Promise((r) => setTimeout(r, 300));
        } else {
          await new Promise((r) => setTimeout(r, 300));
          for (const name of c.allowed) expect(streams[name]!.received, name).toEqual([]);
        }
        // The refused got their refusal and nothing else.
        for (const name of c.refused) expect(streams[name]!.received, name).toHaveLength(1);
      } finally {
        await Promise.all(Object.values(clients).map((client) => client.dispose()));
      }
    });
  });
});
