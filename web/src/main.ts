import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import App from './App.vue';
import { GraphqlWsClientKey, createGraphqlClients } from './graphql/client';
import { createAppRouter } from './router';
import './styles.css';

const { apollo, ws } = createGraphqlClients();

createApp(App)
  .provide(DefaultApolloClient, apollo)
  .provide(GraphqlWsClientKey, ws)
  .use(createAppRouter())
  .mount('#app');
