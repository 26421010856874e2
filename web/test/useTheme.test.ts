import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

// useTheme keeps one state per page; each test loads a fresh copy of the module.
async function freshTheme() {
  vi.resetModules();
  return import('../src/composables/useTheme');
}

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('useTheme', () => {
  it('applies the stored choice and persists a new one', async () => {
    localStorage.setItem('scs.theme', 'dark');
    const { useTheme } = await freshTheme();
    const theme = useTheme();
    expect(theme.preference.value).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');

    theme.setPreference('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(localStorage.getItem('scs.theme')).toBe('light');

    theme.setPreference('system');
    expect(localStorage.getItem('scs.theme')).toBeNull();
    expect(theme.theme.value).toBe(window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  });

  it('follows a choice made in another tab', async () => {
    const { useTheme } = await freshTheme();
    const theme = useTheme();
    localStorage.setItem('scs.theme', 'dark');
    window.dispatchEvent(new StorageEvent('storage', { key: 'scs.theme', newValue: 'dark' }));
    expect(theme.preference.value).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('the switcher is a labelled select that changes the theme', async () => {
    await freshTheme();
    const { default: ThemeSwitcher } = await import('../src/components/ThemeSwitcher.vue');
    const view = mount(ThemeSwitcher);
    const select = view.find('select');
    expect(view.find(`label[for="${select.attributes('id')}"]`).text()).toBe('Theme');
    await select.setValue('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('scs.theme')).toBe('dark');
    view.unmount();
  });
});
