import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import App from './App.vue';
import { SessionKey } from './composables/useSession';
import { useTheme } from './composables/useTheme';
import { GraphqlWsClientKey, createGraphqlClients } from './graphql/client';
import { createAppRouter } from './router';
import { firstRunNeeded } from './screens/onboarding/firstRun';
import { createSessionStore } from './session/sessionStore';
import './styles.css';

// Follow the system's light/dark changes from the start, also on screens without the header's switcher.
useTheme();
const session = createSessionStore();
const { apollo, ws } = createGraphqlClients(session);
// A refresh token from an earlier visit becomes a session before the first screen decides.
void session.restore();

createApp(App)
  .provide(DefaultApolloClient, apollo)
  .provide(GraphqlWsClientKey, ws)
  .provide(SessionKey, session)
  .use(createAppRouter(session, undefined, { firstRunNeeded: () => firstRunNeeded(apollo, session) }))
  .mount('#app');
