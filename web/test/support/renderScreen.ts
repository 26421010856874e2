import type { ApolloLink } from '@apollo/client/core';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { defineComponent, h, type Component } from 'vue';
import { createMemoryHistory, RouterView, type Router } from 'vue-router';
import { SessionKey } from '../../src/composables/useSession';
import type { AuthPayloadFieldsFragment } from '../../src/gql/graphql';
import { GraphqlWsClientKey } from '../../src/graphql/client';
import { createAppRouter } from '../../src/router';
import type { SessionStore, SessionStoreOptions } from '../../src/session/sessionStore';
import { authPayload, fakeGateway, sessionWithGateway, type Handler } from './fakeGateway';

export interface RenderScreenOptions {
  /** Answers by operation name (include `SessionViewer`, e.g. `meHandler(...)`). */
  handlers: Record<string, Handler>;
  /** The component to mount; without one, the route's own (lazily loaded) screen in a RouterView. */
  component?: Component;
  props?: Record<string, unknown>;
  /** Signs in with this role before opening `path`; `null` stays signed out. Default: authPayload's own. */
  role?: AuthPayloadFieldsFragment['role'] | null;
  sessionOptions?: SessionStoreOptions;
  /** Puts another link in front of the fake gateway (e.g. subscriptions to a link the test drives). */
  link?: (gateway: ApolloLink) => ApolloLink;
  /** Provided as the graphql-ws client (its events); not provided when absent. */
  socket?: unknown;
  /** Mount into document.body (focus, dialogs); default true. */
  attach?: boolean;
  /** How many rounds of flushPromises after mounting; default 1. */
  settle?: number;
}

const mounted: VueWrapper[] = [];
const sessions: SessionStore[] = [];

/**
 * Opens `path` in the app's real router and mounts a screen there, the way main.ts wires it: a
 * session store and a real ApolloClient whose network is the fake gateway. Call
 * `cleanupScreens()` after each test.
 */
export async function renderScreen(path: string, options: RenderScreenOptions) {
  const gateway = fakeGateway(options.handlers);
  const wired = sessionWithGateway(options.link ? { ...gateway, link: options.link(gateway.link) } : gateway, options.sessionOptions);
  const { session, apollo } = wired;
  sessions.push(session);
  if (options.role !== null) await session.start(authPayload(options.role ? { role: options.role } : {}));
  const router: Router = createAppRouter(session, createMemoryHistory());
  await router.push(path);
  const provide: Record<string | symbol, unknown> = { [DefaultApolloClient]: apollo, [SessionKey]: session };
  if (options.socket !== undefined) provide[GraphqlWsClientKey as symbol] = options.socket;
  const view = mount(options.component ?? defineComponent({ render: () => h('main', [h(RouterView)]) }), {
    ...(options.attach === false ? {} : { attachTo: document.body }),
    props: options.props,
    global: { plugins: [router], provide },
  }) as VueWrapper;
  mounted.push(view);
  for (let round = 0; round < (options.settle ?? 1); round += 1) await flushPromises();
  return { view, gateway, router, session, apollo };
}

/** Unmounts what renderScreen mounted, ends its sessions and empties the page. */
export function cleanupScreens() {
  mounted.splice(0).forEach((view) => view.unmount());
  sessions.splice(0).forEach((session) => session.dispose());
  document.body.innerHTML = '';
}
