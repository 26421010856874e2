import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SignInScreen from '../src/screens/auth/SignInScreen.vue';
import { authPayload, graphqlErrors, httpError, meHandler, type Handler } from './support/fakeGateway';
import { cleanupScreens, renderScreen } from './support/renderScreen';

afterEach(() => cleanupScreens());

async function render(login: Handler) {
  const { view, gateway, router, session } = await renderScreen('/sign-in?redirect=/chat', {
    component: SignInScreen,
    handlers: { Login: login, SessionViewer: meHandler() },
    role: null,
    settle: 0,
  });
  return { view, gateway, router, session };
}

async function signIn(view: VueWrapper, email: string, password: string) {
  await view.find('input[type="email"]').setValue(email);
  await view.find('input[type="password"]').setValue(password);
  await view.find('form').trigger('submit');
  await flushPromises();
}

describe('SignInScreen', () => {
  it('says in words that the email or password is wrong (UNAUTHENTICATED), and focuses the message', async () => {
    const {
      view,
      gateway,
      session: store,
    } = await render(() => httpError(401, [{ message: 'Email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } }]));
    await signIn(view, 'ada@example.com', 'not the password');

    const alert = view.find('[role="alert"]');
    expect(alert.text()).toBe('Email or password is incorrect.');
    expect(document.activeElement).toBe(alert.element);
    expect((view.find('input[type="password"]').element as HTMLInputElement).value).toBe('');
    expect(gateway.named('Login')[0]!.variables).toEqual({ input: { email: 'ada@example.com', password: 'not the password' } });
    expect(gateway.named('RefreshSession')).toHaveLength(0);
    expect(store.state.status).toBe('signed-out');
  });

  it('shows BAD_USER_INPUT next to its field, tied with aria-describedby, and focuses the field', async () => {
    const { view } = await render(() =>
      graphqlErrors({ message: 'No account can sign in with this address.', path: ['login'], extensions: { code: 'BAD_USER_INPUT', field: 'email' } }),
    );
    await signIn(view, 'ada@example.com', 'correct horse battery');

    const email = view.find('input[type="email"]');
    expect(email.attributes('aria-invalid')).toBe('true');
    const describedBy = email.attributes('aria-describedby')!.split(' ');
    const message = view.find(`#${CSS.escape(describedBy[0]!)}`);
    expect(message.text()).toContain('No account can sign in with this address.');
    expect(document.activeElement).toBe(email.element);
    expect(view.find('[role="alert"]').exists()).toBe(false);

    // Editing the field clears its error.
    await email.setValue('ada@example.org');
    expect(email.attributes('aria-invalid')).toBeUndefined();
  });

  it('maps the API’s argument validation errors to fields too', async () => {
    const { view } = await render(() =>
      graphqlErrors({
        message: 'Argument Validation Error',
        extensions: {
          code: 'BAD_USER_INPUT',
          validationErrors: [{ property: 'email', constraints: { isEmail: 'email must be a valid email address' } }],
        },
      }),
    );
    await signIn(view, 'ada@example', 'correct horse battery');
    expect(view.text()).toContain('Must be a valid email address.');
  });

  it('checks the form before sending anything', async () => {
    const { view, gateway } = await render(() => ({ data: { login: authPayload() } }));
    await view.find('form').trigger('submit');
    await flushPromises();
    expect(view.text()).toContain('Enter your email address.');
    expect(view.text()).toContain('Enter your password.');
    expect(document.activeElement).toBe(view.find('input[type="email"]').element);
    expect(gateway.named('Login')).toHaveLength(0);
  });

  it('tells how long to wait when rate limited', async () => {
    const { view } = await render(() =>
      httpError(429, [{ message: 'Too many requests; try again later.', extensions: { code: 'RATE_LIMITED', retryAfter: 30 } }]),
    );
    await signIn(view, 'ada@example.com', 'correct horse battery');
    expect(view.find('[role="alert"]').text()).toBe('Too many attempts. Try again in 30 seconds.');
  });

  it('signs in and goes where the user was headed', async () => {
    const { view, router, session: store } = await render(() => ({ data: { login: authPayload() } }));
    expect(view.find('button[type="submit"]').text()).toBe('Sign in');
    await signIn(view, 'ada@example.com', 'correct horse battery');
    expect(store.state.status).toBe('signed-in');
    expect(store.state.viewer?.permissions).toContain('system:read');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/chat'));
  });
});
