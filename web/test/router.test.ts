import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, type Router } from 'vue-router';
import { createAppRouter, safeRedirect } from '../src/router';
import type { SessionStore } from '../src/session/sessionStore';
import { authPayload, fakeGateway, meHandler, memoryStorage, ORG, sessionWithGateway, USER } from './support/fakeGateway';

let session: SessionStore | undefined;
afterEach(() => session?.dispose());

async function setup(options: { signedIn?: boolean; permissions?: string[]; storage?: ReturnType<typeof memoryStorage> } = {}) {
  const gateway = fakeGateway({
    SessionViewer: meHandler(options.permissions),
    RefreshSession: () => ({ data: { refreshSession: authPayload() } }),
    Logout: () => ({ data: { logout: true } }),
  });
  ({ session } = sessionWithGateway(gateway, options.storage ? { storage: options.storage } : {}));
  if (options.signedIn) await session.start(authPayload());
  const router = createAppRouter(session, createMemoryHistory());
  return { router, session, gateway };
}

const at = (router: Router) => ({ path: router.currentRoute.value.path, query: router.currentRoute.value.query });

describe('route guard', () => {
  it('sends signed-out users to /sign-in with a redirect back', async () => {
    const { router } = await setup();
    await router.push('/chat/abc');
    expect(at(router)).toEqual({ path: '/sign-in', query: { redirect: '/chat/abc' } });

    await router.push('/');
    expect(at(router)).toEqual({ path: '/sign-in', query: {} });
  });

  it('lets signed-in users through, and past the guest screens to where they were going', async () => {
    const { router } = await setup({ signedIn: true, permissions: ['conversation:read:own', 'chat:ask'] });
    await router.push('/chat');
    expect(at(router).path).toBe('/chat');

    await router.push('/sign-in?redirect=/chat/x?from=mail');
    expect(at(router)).toEqual({ path: '/chat/x', query: { from: 'mail' } });

    // Without system:read the landing screen is the chat, not the status screen.
    await router.push('/');
    await router.push('/register');
    expect(at(router).path).toBe('/chat');
  });

  it('lands admins on the status screen and never redirects to another origin', async () => {
    const { router } = await setup({ signedIn: true });
    await router.push('/sign-in?redirect=//evil.example/steal');
    expect(at(router).path).toBe('/');
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect('/\\evil.example')).toBeNull();
    expect(safeRedirect('/chat')).toBe('/chat');
  });

  it('opens the links from mails whether signed in or not', async () => {
    const signedOut = await setup();
    await signedOut.router.push('/reset-password?token=t1');
    expect(at(signedOut.router).path).toBe('/reset-password');
    signedOut.session.dispose();

    const signedIn = await setup({ signedIn: true });
    await signedIn.router.push('/verify-email?token=t2');
    expect(at(signedIn.router).path).toBe('/verify-email');
  });

  it('waits for a persisted session to be restored before deciding', async () => {
    const storage = memoryStorage({
      'scs.session': JSON.stringify({ refreshToken: 'r', refreshTokenExpiresAt: '2099-01-01T00:00:00Z', userId: USER.id, organizationId: ORG.id }),
    });
    const { router, session: store } = await setup({ storage });
    expect(store.state.status).toBe('restoring');
    await router.push('/chat');
    expect(at(router).path).toBe('/chat');
    expect(store.state.status).toBe('signed-in');
  });

  it('leaves protected screens when the session ends', async () => {
    const { router, session: store } = await setup({ signedIn: true });
    await router.push('/chat/abc');
    await store.signOut();
    await router.isReady();
    await new Promise((r) => setTimeout(r));
    expect(at(router)).toEqual({ path: '/sign-in', query: {} }); // signed out on purpose: no redirect back
  });
});
