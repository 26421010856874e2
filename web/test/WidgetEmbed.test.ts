import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boot, CLOSE_MESSAGE, mountWidget, optionsFrom, type MountedWidget } from '../src/widget/embed';

const APP = 'https://support.example.com';
let mounted: MountedWidget | null = null;

beforeEach(() => {
  // happy-dom does not load iframes (the panel's app is absent here) and says so on the console each time.
  const error = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('Iframe page loading is disabled')) error(...args);
  });
});
afterEach(() => {
  mounted?.destroy();
  mounted = null;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function scriptTag(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  // Not appended: a tag whose src loaded would run the script for real.
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  return script;
}

function parts(widget: MountedWidget) {
  const launcher = widget.root.querySelector<HTMLButtonElement>('button.launcher')!;
  const panel = widget.root.querySelector<HTMLElement>('.panel')!;
  return { launcher, panel, frame: () => widget.root.querySelector('iframe'), close: widget.root.querySelector<HTMLButtonElement>('button.close')! };
}

describe('the embed script', () => {
  it('reads its script tag: organization, the app origin from its src, position and label', () => {
    expect(optionsFrom(scriptTag({ src: `${APP}/widget.js`, 'data-organization': ' org-1 ' }))).toEqual({
      organization: 'org-1',
      appOrigin: APP,
      position: 'right',
      label: 'Chat with us',
    });
    expect(
      optionsFrom(scriptTag({ src: `${APP}:8443/static/widget.js?v=2`, 'data-organization': 'org-1', 'data-position': 'left', 'data-label': 'Help' })),
    ).toMatchObject({
      appOrigin: `${APP}:8443`,
      position: 'left',
      label: 'Help',
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(optionsFrom(scriptTag({ src: `${APP}/widget.js` }))).toBeNull();
    expect(optionsFrom(null)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('adds a launcher in a shadow root; opening it makes the panel with the chat iframe for this page', () => {
    mounted = boot(scriptTag({ src: `${APP}/widget.js`, 'data-organization': 'org-1' }));
    expect(mounted).not.toBeNull();
    expect(document.querySelectorAll('[data-scs-chat-widget]')).toHaveLength(1);
    expect(document.querySelector('button')).toBeNull(); // nothing outside the shadow root
    const { launcher, panel, frame } = parts(mounted!);
    expect(launcher.textContent).toBe('Chat with us');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(launcher.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.hidden).toBe(true);
    expect(frame()).toBeNull(); // the app is loaded only when someone opens the chat

    launcher.click();
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(panel.getAttribute('role')).toBe('dialog');
    const iframe = frame()!;
    expect(iframe.getAttribute('title')).toBe('Support chat');
    const src = new URL(iframe.src);
    expect(`${src.origin}${src.pathname}`).toBe(`${APP}/widget`);
    expect(Object.fromEntries(src.searchParams)).toEqual({ organization: 'org-1', origin: window.location.origin });
    expect(iframe.referrerPolicy).toBe('origin');

    launcher.click();
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
    launcher.click();
    expect(frame()).toBe(iframe); // the same conversation comes back
    // A second copy of the script does nothing.
    expect(boot(scriptTag({ src: `${APP}/widget.js`, 'data-organization': 'org-1' }))).toBeNull();
    expect(document.querySelectorAll('[data-scs-chat-widget]')).toHaveLength(1);
  });

  it('closes on Escape and on the close button, and gives focus back to the launcher', () => {
    mounted = mountWidget(optionsFrom(scriptTag({ src: `${APP}/widget.js`, 'data-organization': 'org-1' }))!);
    const { launcher, panel, close } = parts(mounted);
    launcher.click();
    close.focus();
    close.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(panel.hidden).toBe(true);
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(mounted.root.activeElement).toBe(launcher);

    launcher.click();
    close.click();
    expect(panel.hidden).toBe(true);
    expect(mounted.root.activeElement).toBe(launcher);
  });

  it('closes when the panel says Escape was pressed inside it, and only then', () => {
    mounted = mountWidget(optionsFrom(scriptTag({ src: `${APP}/widget.js`, 'data-organization': 'org-1' }))!);
    const { launcher, panel, frame } = parts(mounted);
    launcher.click();
    const source = frame()!.contentWindow;
    window.dispatchEvent(new MessageEvent('message', { data: { type: CLOSE_MESSAGE }, origin: 'https://evil.example', source }));
    expect(panel.hidden).toBe(false);
    // Another frame of the app's origin (or the page itself) is not the panel.
    window.dispatchEvent(new MessageEvent('message', { data: { type: CLOSE_MESSAGE }, origin: APP, source: window }));
    expect(panel.hidden).toBe(false);
    window.dispatchEvent(new MessageEvent('message', { data: { type: CLOSE_MESSAGE }, origin: APP, source }));
    expect(panel.hidden).toBe(true);
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
  });

  it('never parses the page’s attributes as HTML, and goes to the left when asked', () => {
    mounted = mountWidget(
      optionsFrom(
        scriptTag({ src: `${APP}/widget.js`, 'data-organization': 'org-1', 'data-label': '<img src=x onerror="alert(1)">Help', 'data-position': 'left' }),
      )!,
    );
    expect(mounted.root.querySelector('img')).toBeNull();
    const { launcher, panel } = parts(mounted);
    expect(launcher.textContent).toBe('<img src=x onerror="alert(1)">Help');
    expect(panel.getAttribute('aria-label')).toBe('<img src=x onerror="alert(1)">Help');
    expect(mounted.root.querySelector('.root')!.className).toBe('root left');
    // The panel is full-screen on phones.
    expect(mounted.root.querySelector('style')!.textContent).toMatch(/@media \(max-width: 479\.98px\)[^}]*\.panel/);
  });

  it('on a phone the full-screen panel is modal and keeps Tab inside it; beside the page it does not', () => {
    const viewport = (width: number) =>
      (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({ width, height: 800 });
    viewport(400);
    try {
      mounted = mountWidget(optionsFrom(scriptTag({ src: `${APP}/widget.js`, 'data-organization': 'org-1' }))!);
      const { launcher, panel, frame, close } = parts(mounted);
      launcher.click();
      expect(panel.getAttribute('aria-modal')).toBe('true');
      const [start, end] = [...panel.querySelectorAll<HTMLElement>('.focus-stop')];
      expect([start!.tabIndex, end!.tabIndex]).toEqual([0, 0]);
      // The stops surround the bar and the chat.
      expect(panel.firstElementChild).toBe(start);
      expect(panel.lastElementChild).toBe(end);
      end!.focus();
      expect(mounted.root.activeElement).toBe(close);
      start!.focus();
      expect(mounted.root.activeElement).toBe(frame());
      mounted.destroy();

      viewport(1280);
      mounted = mountWidget(optionsFrom(scriptTag({ src: `${APP}/widget.js`, 'data-organization': 'org-1' }))!);
      const desktop = parts(mounted);
      desktop.launcher.click();
      expect(desktop.panel.hasAttribute('aria-modal')).toBe(false);
      expect([...desktop.panel.querySelectorAll('.focus-stop')].every((stop) => !stop.hasAttribute('tabindex'))).toBe(true);
    } finally {
      viewport(1024);
    }
  });
});
