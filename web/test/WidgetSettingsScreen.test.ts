import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WidgetSettingsScreen from '../src/screens/widget/WidgetSettingsScreen.vue';
import { graphqlErrors, meHandler, type Handler } from './support/fakeGateway';
import { cleanupScreens, renderScreen } from './support/renderScreen';

afterEach(() => {
  cleanupScreens();
  vi.restoreAllMocks();
});

const settings = (fields: { enabled: boolean; allowedOrigins: string[] }) => ({ __typename: 'WidgetSettings' as const, organizationId: 'org-1', ...fields });

async function render(handlers: Record<string, Handler>) {
  const { view, gateway } = await renderScreen('/admin/widget', {
    component: WidgetSettingsScreen,
    handlers: {
      SessionViewer: meHandler(['apikey:manage', 'user:read', 'audit:read'], 'ADMIN'),
      ReadWidgetSettings: () => ({ data: { widgetSettings: settings({ enabled: false, allowedOrigins: [] }) } }),
      ...handlers,
    },
  });
  return { view, gateway };
}

describe('WidgetSettingsScreen', () => {
  it('shows the API’s origin error next to the field, and keeps what was typed', async () => {
    const { view, gateway } = await render({
      UpdateWidgetSettings: () =>
        graphqlErrors({
          message: '"https://shop.example.com/help" must be an origin only, without a path (e.g. https://www.example.com).',
          extensions: { code: 'BAD_USER_INPUT', field: 'allowedOrigins' },
        }),
    });
    expect(view.find('h1').text()).toBe('Chat widget');
    expect(view.find('nav[aria-label="Administration"]').exists()).toBe(true); // the admin tabs
    await view.find('input[type="checkbox"]').setValue(true);
    const textarea = view.find('textarea');
    await textarea.setValue('https://shop.example.com/help\n\n  http://127.0.0.1:8080 ');
    await view.find('form').trigger('submit');
    await flushPromises();

    expect(gateway.named('UpdateWidgetSettings')[0]!.variables).toEqual({
      input: { enabled: true, allowedOrigins: ['https://shop.example.com/help', 'http://127.0.0.1:8080'] },
    });
    const id = textarea.attributes('id')!;
    const error = view.find(`#${id}-error`);
    expect(error.text()).toContain('must be an origin only, without a path');
    expect(textarea.attributes('aria-invalid')).toBe('true');
    expect(textarea.attributes('aria-describedby')).toContain(`${id}-error`);
    expect(document.activeElement).toBe(textarea.element);
    expect((textarea.element as HTMLTextAreaElement).value).toContain('https://shop.example.com/help');
    expect(view.text()).not.toContain('Saved.');

    // Editing clears the message.
    await textarea.setValue('https://shop.example.com');
    expect(view.find(`#${id}-error`).exists()).toBe(false);
  });

  it('saves, then shows the origins as the API normalised them', async () => {
    const { view } = await render({
      UpdateWidgetSettings: ({ variables }) => ({
        data: { updateWidgetSettings: settings({ enabled: (variables.input as { enabled: boolean }).enabled, allowedOrigins: ['https://shop.example.com'] }) },
      }),
    });
    expect(view.text()).toContain('The widget is off');
    await view.find('input[type="checkbox"]').setValue(true);
    await view.find('textarea').setValue('HTTPS://Shop.Example.com:443/');
    await view.find('form').trigger('submit');
    await flushPromises();
    expect(view.find('[role="status"]').text()).toContain('Saved.');
    expect((view.find('textarea').element as HTMLTextAreaElement).value).toBe('https://shop.example.com');
    expect(view.text()).not.toContain('The widget is off');
  });

  it('shows the embed snippet with the organization and this app’s origin, and copies it', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { view } = await render({});
    const expected = `<script src="${window.location.origin}/widget.js" data-organization="org-1" async></script>`;
    expect(view.find('pre code').text()).toBe(expected);
    await view
      .findAll('button')
      .find((b) => b.text() === 'Copy')!
      .trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(expected);
    expect(view.text()).toContain('Copied.');
    vi.unstubAllGlobals();
  });
});
