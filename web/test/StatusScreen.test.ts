import { ApolloClient, ApolloLink, Observable } from '@apollo/client/core';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceStatusFieldsFragment, SystemStatusQuery as SystemStatusData } from '../src/gql/graphql';
import { createCache } from '../src/graphql/client';
import StatusScreen from '../src/screens/status/StatusScreen.vue';
import { SystemStatusQuery } from '../src/screens/status/status.documents';

/** Fails every request: whatever the screen shows must come from the cache. */
const offline = new ApolloLink(() => new Observable((observer) => observer.error(new TypeError('Failed to fetch'))));

function service(name: string, ready: boolean, dependencies: ServiceStatusFieldsFragment['dependencies']): ServiceStatusFieldsFragment {
  return { __typename: 'ServiceStatus', service: name, ready, dependencies };
}

const data: SystemStatusData = {
  systemStatus: {
    __typename: 'SystemStatus',
    id: 'system',
    users: service('users', true, [{ __typename: 'DependencyStatus', name: 'postgres', ok: true, latencyMs: 1.234, detail: 'PostgreSQL 17.2' }]),
    knowledge: service('knowledge', false, [
      { __typename: 'DependencyStatus', name: 'opensearch', ok: false, latencyMs: 2001, detail: 'connect ECONNREFUSED 127.0.0.1:59200' },
      { __typename: 'DependencyStatus', name: 'temporal', ok: true, latencyMs: 12.6, detail: null },
    ]),
    chat: service('chat', true, []),
    analytics: service('analytics', true, [{ __typename: 'DependencyStatus', name: 'postgres', ok: true, latencyMs: 3, detail: 'PostgreSQL 17.2' }]),
  },
};

let wrapper: ReturnType<typeof mount> | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

function render(client: ApolloClient<unknown>) {
  wrapper = mount(StatusScreen, {
    props: { pollInterval: 60_000 },
    global: { provide: { [DefaultApolloClient]: client } },
  });
  return wrapper;
}

describe('StatusScreen', () => {
  it('renders every service and dependency from the cache', async () => {
    const cache = createCache();
    cache.writeQuery({ query: SystemStatusQuery, data });
    const view = render(new ApolloClient({ cache, link: offline }));
    await flushPromises();

    const cards = view.findAll('article');
    expect(cards.map((c) => c.find('h2').text())).toEqual(['Users', 'Knowledge', 'Chat', 'Analytics']);
    expect(view.text()).toContain('3 of 4 services ready');

    const [users, knowledge, chat] = cards;
    expect(users!.text()).toContain('Ready');
    expect(users!.text()).toContain('postgres');
    expect(users!.text()).toContain('PostgreSQL 17.2');
    expect(users!.text()).toContain('1.2 ms');

    expect(knowledge!.find('header').text()).toContain('Not ready');
    expect(knowledge!.text()).toContain('Failing');
    expect(knowledge!.text()).toContain('connect ECONNREFUSED 127.0.0.1:59200');
    expect(knowledge!.text()).toContain('2001 ms');
    expect(knowledge!.text()).toContain('13 ms');

    expect(chat!.text()).toContain('No dependencies.');
    expect(view.find('[role="alert"]').exists()).toBe(false);
  });

  it('says in words when the gateway cannot be reached', async () => {
    const view = render(new ApolloClient({ cache: createCache(), link: offline }));
    expect(view.text()).toContain('Loading system status');
    await flushPromises();

    const alert = view.find('[role="alert"]');
    expect(alert.text()).toContain('Could not load the system status');
    expect(alert.text()).toContain('The gateway could not be reached (Failed to fetch)');
    expect(view.findAll('article')).toHaveLength(0);
  });
});
