import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import StatusScreen from './screens/status/StatusScreen.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown in the document title. */
    title?: string;
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'status', component: StatusScreen, meta: { title: 'System status' } },
  {
    path: '/playground',
    name: 'playground',
    component: () => import('./screens/playground/PlaygroundScreen.vue'),
    meta: { title: 'Live conversation' },
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · Smart Customer Support` : 'Smart Customer Support';
  });
  return router;
}
