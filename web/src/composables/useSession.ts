import { computed, inject, type InjectionKey } from 'vue';
import type { SessionStore } from '../session/sessionStore';

/** The app's one session store (created in main.ts, provided to every component). */
export const SessionKey: InjectionKey<SessionStore> = Symbol('session');

/**
 * The signed-in session for components: who, where, what they may do, and the actions that
 * change it. State is reactive and read-only; change it through the store's methods.
 */
export function useSession() {
  const store = inject(SessionKey);
  if (!store) throw new Error('No session provided; see createSessionStore() in main.ts.');
  const state = store.state;
  return {
    store,
    state,
    signedIn: computed(() => state.status === 'signed-in'),
    user: computed(() => state.viewer?.user ?? state.user),
    organization: computed(() => state.viewer?.organization ?? state.organization),
    role: computed(() => state.viewer?.role ?? state.role),
    /** Null until `me` has loaded. */
    permissions: computed<readonly string[] | null>(() => state.viewer?.permissions ?? null),
    memberships: computed(() => state.viewer?.memberships ?? []),
    can: (permission: string) => state.viewer?.permissions.includes(permission) ?? false,
    signOut: () => store.signOut(),
    switchOrganization: (organizationId: string) => store.switchOrganization(organizationId),
  };
}
