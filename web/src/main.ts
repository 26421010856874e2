import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import App from './App.vue';
import { SessionKey } from './composables/useSession';
import { GraphqlWsClientKey, createGraphqlClients } from './graphql/client';
import { createAppRouter } from './router';
import { createSessionStore } from './session/sessionStore';
import './styles.css';

const session = createSessionStore();
const { apollo, ws } = createGraphqlClients(session);
// A refresh token from an earlier visit becomes a session before the first screen decides.
void session.restore();

createApp(App)
  .provide(DefaultApolloClient, apollo)
  .provide(GraphqlWsClientKey, ws)
  .provide(SessionKey, session)
  .use(createAppRouter(session))
  .mount('#app');
