import { computed, readonly, ref } from 'vue';

export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

/** Same key and values as the pre-paint script in index.html. */
export const THEME_STORAGE_KEY = 'scs.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function readPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system'; // storage blocked (e.g. a third-party iframe with strict settings)
  }
}

const systemDark = () => typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;

// One state for the page: the header's switcher, the charts and every tab's other windows agree.
const preference = ref<ThemePreference>(readPreference());
const system = ref<Theme>(systemDark() ? 'dark' : 'light');
const effective = computed<Theme>(() => (preference.value === 'system' ? system.value : preference.value));
let started = false;

function apply() {
  document.documentElement.dataset.theme = effective.value;
}

function start() {
  if (started) return;
  started = true;
  apply();
  window.matchMedia?.(DARK_QUERY).addEventListener?.('change', (event) => {
    system.value = event.matches ? 'dark' : 'light';
    apply();
  });
  // A choice made in another tab applies here too.
  window.addEventListener('storage', (event) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    preference.value = readPreference();
    apply();
  });
}

/**
 * The colour theme: the person's choice (light, dark, or the system's), stored in this browser,
 * applied as `<html data-theme>` which the design tokens in styles.css follow.
 */
export function useTheme() {
  start();
  function setPreference(value: ThemePreference) {
    preference.value = value;
    try {
      if (value === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, value);
    } catch {
      // Not persisted; still applies to this page.
    }
    apply();
  }
  return { preference: readonly(preference), theme: effective, setPreference };
}
