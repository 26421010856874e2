// The theme before the first paint, so a dark-mode reader never sees a white flash. Keep in step
// with src/composables/useTheme.ts (same storage key and values). A file rather than an inline
// script, so the Content-Security-Policy allows scripts from the app's own origin only.
(function () {
  var stored = null;
  try {
    stored = localStorage.getItem('scs.theme');
  } catch {
    // storage blocked (private mode, policies): the system preference decides
  }
  var dark = stored === 'dark' || (stored !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
