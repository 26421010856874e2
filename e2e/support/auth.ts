import { randomUUID } from 'node:crypto';
import { graphqlRequest } from './graphql-client.js';
import type { ServiceProcess } from './service-process.js';

export const AUTH_PAYLOAD_FIELDS = 'accessToken accessTokenExpiresAt refreshToken user { id displayName email } organization { id slug name } role';

export interface Session {
  accessToken: string;
  refreshToken: string;
  userId: string;
  orgId: string;
  email: string;
  password: string;
  role: string;
  /** `{ authorization: 'Bearer …' }`, for graphqlRequest. */
  headers: Record<string, string>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

export function bearer(accessToken: string): Record<string, string> {
  return { authorization: `Bearer ${accessToken}` };
}

function toSession(payload: Record<string, any>, email: string, password: string): Session {
  return {
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    userId: payload.user.id,
    orgId: payload.organization.id,
    email,
    password,
    role: payload.role,
    headers: bearer(payload.accessToken),
  };
}

/** Registers a new person with a new organization (they are its admin) and returns their session. */
export async function registerAdmin(gateway: ServiceProcess, name = 'Admin'): Promise<Session> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID()}@example.com`;
  const { body } = await graphqlRequest(gateway.baseUrl, `mutation($i: RegisterInput!) { register(input: $i) { ${AUTH_PAYLOAD_FIELDS} } }`, {
    i: { email, password: TEST_PASSWORD, displayName: name, organizationName: `${name} Inc` },
  });
  if (body.errors || !body.data) throw new Error(`register failed: ${JSON.stringify(body.errors)}`);
  return toSession(body.data.register, email, TEST_PASSWORD);
}

export async function login(gateway: ServiceProcess, email: string, password: string, organizationId?: string): Promise<Session> {
  const { body } = await graphqlRequest(gateway.baseUrl, `mutation($i: LoginInput!) { login(input: $i) { ${AUTH_PAYLOAD_FIELDS} } }`, {
    i: { email, password, organizationId },
  });
  if (body.errors || !body.data) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
  return toSession(body.data.login, email, password);
}

/** The newest mail the users service wrote to its log for `to`, and the token in its link. */
export async function lastMailToken(users: ServiceProcess, to: string, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = users.logLines().filter((l) => (l.mail as { to?: string } | undefined)?.to === to);
    const text = (mails.at(-1)?.mail as { text?: string } | undefined)?.text;
    const token = text && /token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
    if (token) return token;
    if (Date.now() > deadline) throw new Error(`no mail with a token to ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Invites `role` into the admin's organization and accepts as a new person; returns their session. */
export async function addMember(gateway: ServiceProcess, users: ServiceProcess, admin: Session, role: string): Promise<Session> {
  const email = `${role.toLowerCase()}-${randomUUID()}@example.com`;
  const invited = await graphqlRequest(
    gateway.baseUrl,
    'mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }',
    { i: { email, role } },
    admin.headers,
  );
  if (invited.body.errors) throw new Error(`invite failed: ${JSON.stringify(invited.body.errors)}`);
  const token = await lastMailToken(users, email);
  const { body } = await graphqlRequest(gateway.baseUrl, `mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { ${AUTH_PAYLOAD_FIELDS} } }`, {
    i: { token, displayName: `${role} person`, password: TEST_PASSWORD },
  });
  if (body.errors || !body.data) throw new Error(`accept failed: ${JSON.stringify(body.errors)}`);
  return toSession(body.data.acceptInvitation, email, TEST_PASSWORD);
}

/** Creates an API key in the admin's organization; returns the secret and its id. */
export async function createApiKey(
  gateway: ServiceProcess,
  admin: Session,
  role: 'PARTNER' | 'SERVICE',
  scopes: string[],
): Promise<{ id: string; secret: string }> {
  const { body } = await graphqlRequest(
    gateway.baseUrl,
    'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id } } }',
    { i: { name: `${role} key`, role, scopes } },
    admin.headers,
  );
  if (body.errors || !body.data) throw new Error(`createApiKey failed: ${JSON.stringify(body.errors)}`);
  return { id: body.data.createApiKey.apiKey.id, secret: body.data.createApiKey.secret };
}
