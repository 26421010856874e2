import { afterEach, describe, expect, it } from 'vitest';
import App from '../src/App.vue';
import { graphqlErrors, meHandler } from './support/fakeGateway';
import { cleanupScreens, renderScreen } from './support/renderScreen';

afterEach(() => cleanupScreens());

async function renderAt(path: string, permissions: string[], role: 'ADMIN' | 'AGENT' = 'AGENT') {
  const { view, gateway } = await renderScreen(path, {
    component: App,
    handlers: {
      SessionViewer: meHandler(permissions, role),
      SystemStatus: () => graphqlErrors({ message: 'You do not have permission to do this.', extensions: { code: 'FORBIDDEN' } }),
    },
    role,
    attach: false,
  });
  return { view, gateway };
}

describe('App access', () => {
  it('shows "You do not have access" on the status screen without system:read, and hides its link', async () => {
    const { view, gateway } = await renderAt('/', ['conversation:read:own', 'chat:ask']);
    expect(view.find('h1').text()).toBe('You do not have access');
    expect(view.text()).toContain('system:read');
    expect(view.text()).toContain('your role (Agent) in Acme');
    const navLinks = view.findAll('nav[aria-label="Main"] a').map((a) => a.text());
    expect(navLinks).toEqual(['Chat']);
    expect(gateway.named('SystemStatus')).toHaveLength(0); // the screen is not even mounted
  });

  it('shows the user, the organization switcher and sign-out in the header', async () => {
    const { view } = await renderAt('/', ['system:read', 'conversation:read:own'], 'ADMIN');
    const header = view.find('header.app-header');
    expect(header.text()).toContain('Ada Lovelace');
    const options = header
      .find('.account select')
      .findAll('option')
      .map((o) => o.text());
    expect(options).toEqual(['Acme (Admin)', 'Globex (Agent)']);
    expect(header.find('button').text()).toBe('Sign out');
    expect(view.findAll('nav[aria-label="Main"] a').map((a) => a.text())).toEqual(['System status']);
    expect(view.find('h1').text()).toBe('System status');
  });
});
