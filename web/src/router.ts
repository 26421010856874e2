import {
  createRouter,
  createWebHistory,
  START_LOCATION,
  type NavigationGuard,
  type RouteLocationRaw,
  type Router,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import StatusScreen from './screens/status/StatusScreen.vue';
import type { SessionStore } from './session/sessionStore';

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown in the document title. */
    title?: string;
    /**
     * Who may open the route: `signed-in` (default; others go to /sign-in and come back),
     * `guest` (signed-in users go on to the app) or `public` (anyone, e.g. links from mails).
     */
    access?: 'signed-in' | 'guest' | 'public';
    /** Permission (from `me`) the screen needs; without it the app shows "You do not have access". */
    permission?: string;
    /** `bare`: no app header (the embeddable widget's panel). */
    layout?: 'app' | 'bare';
  }
}

/** The administration screens, in the order of their tabs; the header's link opens the first one you may. */
export const ADMIN_TABS = [
  { path: '/admin/members', title: 'Members', permission: 'user:read', component: () => import('./screens/admin/MembersScreen.vue') },
  { path: '/admin/roles', title: 'Roles', permission: 'role:manage', component: () => import('./screens/admin/RolesScreen.vue') },
  { path: '/admin/api-keys', title: 'API keys', permission: 'apikey:manage', component: () => import('./screens/admin/ApiKeysScreen.vue') },
  { path: '/admin/audit', title: 'Audit log', permission: 'audit:read', component: () => import('./screens/admin/AuditLogScreen.vue') },
  { path: '/admin/widget', title: 'Chat widget', permission: 'apikey:manage', component: () => import('./screens/widget/WidgetSettingsScreen.vue') },
] as const;

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'status', component: StatusScreen, meta: { title: 'System status', permission: 'system:read' } },
  {
    // A new organization's first source, crawl and question; opened instead of `/` while it has no source.
    path: '/welcome',
    name: 'first-run',
    component: () => import('./screens/onboarding/FirstRunScreen.vue'),
    meta: { title: 'Get started', permission: 'source:write' },
  },
  {
    path: '/chat/:conversationId?',
    name: 'chat',
    component: () => import('./screens/chat/ChatScreen.vue'),
    meta: { title: 'Chat', permission: 'chat:ask' },
  },
  {
    path: '/sources',
    name: 'sources',
    component: () => import('./screens/sources/SourcesScreen.vue'),
    meta: { title: 'Sources', permission: 'source:read' },
  },
  {
    path: '/sources/:id',
    name: 'source',
    component: () => import('./screens/sources/SourceDetailScreen.vue'),
    meta: { title: 'Source', permission: 'source:read' },
  },
  {
    path: '/inbox/:conversationId?',
    name: 'inbox',
    component: () => import('./screens/inbox/InboxScreen.vue'),
    meta: { title: 'Inbox', permission: 'conversation:read:any' },
  },
  {
    path: '/analytics',
    name: 'analytics',
    component: () => import('./screens/analytics/AnalyticsScreen.vue'),
    meta: { title: 'Analytics', permission: 'analytics:read' },
  },
  ...ADMIN_TABS.map((tab): RouteRecordRaw => ({
    path: tab.path,
    name: `admin-${tab.path.slice('/admin/'.length)}`,
    component: tab.component,
    meta: { title: tab.title, permission: tab.permission },
  })),
  {
    // Opened in an iframe by the embeddable widget (`web/src/widget/embed.ts`); signs visitors in itself.
    path: '/widget',
    name: 'widget',
    component: () => import('./screens/widget/WidgetChatScreen.vue'),
    meta: { title: 'Chat', access: 'public', layout: 'bare' },
  },
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('./screens/auth/SignInScreen.vue'),
    meta: { title: 'Sign in', access: 'guest' },
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('./screens/auth/RegisterScreen.vue'),
    meta: { title: 'Create an account', access: 'guest' },
  },
  {
    path: '/forgot-password',
    name: 'forgot-password',
    component: () => import('./screens/auth/ForgotPasswordScreen.vue'),
    meta: { title: 'Forgot password', access: 'guest' },
  },
  {
    path: '/reset-password',
    name: 'reset-password',
    component: () => import('./screens/auth/ResetPasswordScreen.vue'),
    meta: { title: 'Choose a new password', access: 'public' },
  },
  {
    path: '/verify-email',
    name: 'verify-email',
    component: () => import('./screens/auth/VerifyEmailScreen.vue'),
    meta: { title: 'Confirm your email', access: 'public' },
  },
  {
    path: '/accept-invitation',
    name: 'accept-invitation',
    component: () => import('./screens/auth/AcceptInvitationScreen.vue'),
    meta: { title: 'Join an organization', access: 'public' },
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

/** The `redirect` query value when it is a path inside this app (never another origin). */
export function safeRedirect(value: unknown): string | null {
  const path = Array.isArray(value) ? value[0] : value;
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : null;
}

/**
 * Where to go after signing in without a `redirect`: the first screen the user may open; with none
 * of these, the status screen, which says "You do not have access".
 */
export function landingPath(session: Pick<SessionStore, 'can'>): string {
  if (session.can('system:read')) return '/';
  if (session.can('chat:ask')) return '/chat';
  if (session.can('source:read')) return '/sources';
  return '/';
}

/**
 * Signed-out users go to /sign-in?redirect=<where they wanted to go>; signed-in users skip the
 * guest screens. Waits for a persisted session to be restored before deciding.
 */
export function sessionGuard(session: SessionStore): NavigationGuard {
  return async (to): Promise<true | RouteLocationRaw> => {
    const access = to.meta.access ?? 'signed-in';
    if (access === 'public') return true;
    await session.restore();
    const signedIn = session.state.status === 'signed-in';
    if (access === 'guest') return signedIn ? (safeRedirect(to.query.redirect) ?? landingPath(session)) : true;
    if (signedIn) return true;
    return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  };
}

/**
 * Opening the app, or arriving from sign-in or registration, on the status screen: the first-run
 * screen instead when `firstRunNeeded` says so (an organization without a source, and a user who
 * may add one). Going to `/` from inside the app (the header's link, "Skip for now") is not redirected.
 */
export function firstRunGuard(firstRunNeeded: () => Promise<boolean>): NavigationGuard {
  return async (to, from): Promise<true | RouteLocationRaw> => {
    const landing = from === START_LOCATION || from.meta.access === 'guest';
    if (to.name !== 'status' || !landing) return true;
    return (await firstRunNeeded()) ? { name: 'first-run' } : true;
  };
}

export interface AppRouterOptions {
  /** Whether to land on the first-run screen (main.ts asks the API; without it, never). */
  firstRunNeeded?: () => Promise<boolean>;
}

export function createAppRouter(
  session: SessionStore,
  history: RouterHistory = createWebHistory(import.meta.env.BASE_URL),
  options: AppRouterOptions = {},
): Router {
  const router = createRouter({ history, routes });
  router.beforeEach(sessionGuard(session));
  if (options.firstRunNeeded) router.beforeEach(firstRunGuard(options.firstRunNeeded));
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · Smart Customer Support` : 'Smart Customer Support';
  });
  // When the session ends (signed out here or elsewhere, refused refresh), leave screens that need it.
  session.on((event) => {
    if (event.type !== 'signed-out') return;
    const current = router.currentRoute.value;
    if ((current.meta.access ?? 'signed-in') !== 'signed-in') return;
    const keep = !event.byUser && current.fullPath !== '/';
    void router.replace({ name: 'sign-in', query: keep ? { redirect: current.fullPath } : {} });
  });
  return router;
}
