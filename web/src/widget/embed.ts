/*
 * The chat widget's embed script, built on its own into dist/widget.js (vite.widget.config.ts).
 * A company puts one tag on its site:
 *
 *   <script src="https://support.example.com/widget.js" data-organization="ORG_ID" async></script>
 *
 * and gets a launcher button in a corner that opens the support chat in a floating panel: an iframe
 * of this app's /widget screen, which signs the visitor in and shows the chat. Everything lives in
 * a shadow root, so the page's styles cannot reach it; nothing the page controls is ever parsed as
 * HTML. Options: data-position="left" (default right), data-label (the button's text).
 */

/** Message the panel sends when Escape is pressed inside it (key events there never reach this page). */
export const CLOSE_MESSAGE = 'scs-widget:close';
/** Narrower than this, the panel takes the whole screen. */
const PHONE_MAX_WIDTH = 480;

const STYLES = `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }
.root {
  position: fixed;
  z-index: 2147483000;
  bottom: 20px;
  right: 20px;
  font: 16px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  color: #1b1f27;
}
.root.left { right: auto; left: 20px; }
.launcher {
  display: inline-flex;
  align-items: center;
  gap: 8px;
  min-height: 52px;
  padding: 0 20px 0 16px;
  border: 0;
  border-radius: 26px;
  background: #2f5bd3;
  color: #fff;
  font: inherit;
  font-weight: 600;
  cursor: pointer;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25);
}
.launcher:hover { background: #2446a8; }
.launcher:focus-visible, .close:focus-visible { outline: 3px solid #ffb400; outline-offset: 2px; }
.launcher svg { width: 22px; height: 22px; flex: none; }
.panel {
  position: fixed;
  bottom: 88px;
  right: 20px;
  width: 380px;
  height: 600px;
  max-height: calc(100vh - 108px);
  display: flex;
  flex-direction: column;
  background: #fff;
  border: 1px solid #d7dbe2;
  border-radius: 12px;
  overflow: hidden;
  box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3);
}
.root.left .panel { right: auto; left: 20px; }
.panel[hidden] { display: none; }
.focus-stop { position: absolute; width: 1px; height: 1px; overflow: hidden; }
.bar {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 8px;
  padding: 4px 4px 4px 14px;
  background: #2f5bd3;
  color: #fff;
  font-weight: 600;
}
.title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.close {
  width: 44px;
  height: 44px;
  border: 0;
  border-radius: 8px;
  background: transparent;
  color: inherit;
  font: inherit;
  font-size: 24px;
  line-height: 1;
  cursor: pointer;
}
.close:hover { background: rgba(255, 255, 255, 0.15); }
iframe { flex: 1; width: 100%; min-height: 0; border: 0; background: #f6f7f9; }
@media (max-width: ${PHONE_MAX_WIDTH - 0.02}px) {
  .panel, .root.left .panel {
    inset: 0;
    width: 100%;
    height: 100%;
    max-height: none;
    border: 0;
    border-radius: 0;
  }
}
`;

const SVG_NS = 'http://www.w3.org/2000/svg';
/** A speech bubble, drawn (no icon font, no image request). */
function bubbleIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Z');
  svg.append(path);
  return svg;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface WidgetOptions {
  organization: string;
  /** Origin of the support app (where widget.js and /widget are served). */
  appOrigin: string;
  position: 'left' | 'right';
  label: string;
}

/** The options of the script tag, or null (with a console warning) when it cannot work. */
export function optionsFrom(script: HTMLScriptElement | null, baseUri: string = document.baseURI): WidgetOptions | null {
  if (!script) {
    console.warn('[support chat] widget.js must be loaded by a classic <script> tag (not a module, not injected after load).');
    return null;
  }
  const organization = (script.dataset.organization ?? '').trim();
  if (!organization) {
    console.warn('[support chat] The script tag needs data-organization="<your organization id>".');
    return null;
  }
  let appOrigin: string;
  try {
    appOrigin = new URL(script.src, baseUri).origin;
  } catch {
    return null;
  }
  if (!/^https?:\/\//.test(appOrigin)) return null;
  const label = (script.dataset.label ?? '').trim().slice(0, 60) || 'Chat with us';
  return { organization, appOrigin, position: script.dataset.position === 'left' ? 'left' : 'right', label };
}

/** The panel's address: the app's /widget screen, told the organization and the page's origin. */
export function panelUrl(options: WidgetOptions, pageOrigin: string): string {
  const url = new URL('/widget', options.appOrigin);
  url.searchParams.set('organization', options.organization);
  url.searchParams.set('origin', pageOrigin);
  return url.toString();
}

export interface MountedWidget {
  host: HTMLElement;
  root: ShadowRoot;
  open: () => void;
  close: (options?: { focusLauncher?: boolean }) => void;
  /** Removes everything it added. */
  destroy: () => void;
}

/** Adds the launcher and the (closed) panel to the page. The iframe is made on first opening. */
export function mountWidget(options: WidgetOptions, doc: Document = document): MountedWidget {
  // An element name of its own: the page's `div { … }` rules do not reach the host either.
  const host = doc.createElement('scs-chat-widget');
  host.setAttribute('data-scs-chat-widget', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = element('style');
  style.textContent = STYLES;

  const container = element('div', { class: options.position === 'left' ? 'root left' : 'root' });
  const panelId = 'scs-chat-panel';
  const launcher = element('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': panelId });
  launcher.append(bubbleIcon(), element('span', {}, options.label));

  const panel = element('div', { id: panelId, class: 'panel', role: 'dialog', 'aria-label': options.label });
  panel.hidden = true;
  const bar = element('div', { class: 'bar' });
  const close = element('button', { type: 'button', class: 'close', 'aria-label': 'Close chat' }, '×');
  bar.append(element('span', { class: 'title' }, options.label), close);
  // On phones the panel covers the page, so it behaves as a modal dialog: Tab stays inside it. The
  // chat itself is another document (the iframe); these two stops catch focus leaving it either way.
  const focusStart = element('span', { class: 'focus-stop' });
  const focusEnd = element('span', { class: 'focus-stop' });
  panel.append(focusStart, bar);
  container.append(launcher, panel);
  root.append(style, container);
  doc.body.append(host);

  let frame: HTMLIFrameElement | null = null;
  const isOpen = () => !panel.hidden;

  function open(): void {
    if (!frame) {
      frame = element('iframe', { title: 'Support chat' });
      // The panel learns the page's origin from the referrer too (the query string alone could be forged).
      frame.referrerPolicy = 'origin';
      frame.src = panelUrl(options, doc.defaultView?.location.origin ?? '');
      panel.append(frame);
    }
    if (!focusEnd.isConnected) panel.append(focusEnd);
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    applyModal();
    frame.focus();
  }

  const phone = doc.defaultView?.matchMedia?.(`(max-width: ${PHONE_MAX_WIDTH - 0.02}px)`) ?? null;
  /** Full screen (a phone): modal, focus kept inside; a floating panel beside the page: neither. */
  function applyModal(): void {
    const modal = !!phone?.matches;
    if (modal) panel.setAttribute('aria-modal', 'true');
    else panel.removeAttribute('aria-modal');
    for (const stop of [focusStart, focusEnd]) {
      if (modal) stop.setAttribute('tabindex', '0');
      else stop.removeAttribute('tabindex');
    }
  }
  phone?.addEventListener?.('change', applyModal);
  // Tabbing past the chat's last control wraps to the close button; Shift+Tab before it, back into the chat.
  focusEnd.addEventListener('focus', () => close.focus());
  focusStart.addEventListener('focus', () => frame?.focus());

  function closePanel({ focusLauncher = true } = {}): void {
    if (!isOpen()) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    if (focusLauncher) launcher.focus();
  }

  launcher.addEventListener('click', () => (isOpen() ? closePanel() : open()));
  close.addEventListener('click', () => closePanel());
  // Escape on the launcher or the panel's own controls (inside the shadow root).
  const onKeydown = (event: Event) => {
    if ((event as KeyboardEvent).key === 'Escape' && isOpen()) {
      event.stopPropagation();
      closePanel();
    }
  };
  root.addEventListener('keydown', onKeydown);
  // Escape inside the panel: the frame tells us (only our frame, from the app's origin, is heard).
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== options.appOrigin || !frame || event.source !== frame.contentWindow) return;
    if ((event.data as { type?: unknown } | null)?.type === CLOSE_MESSAGE) closePanel();
  };
  doc.defaultView?.addEventListener('message', onMessage);

  return {
    host,
    root,
    open,
    close: closePanel,
    destroy: () => {
      doc.defaultView?.removeEventListener('message', onMessage);
      phone?.removeEventListener?.('change', applyModal);
      host.remove();
    },
  };
}

/** Runs when loaded by the script tag (the bundle's entry); a second copy on the page does nothing. */
export function boot(script: HTMLScriptElement | null = document.currentScript as HTMLScriptElement | null): MountedWidget | null {
  const options = optionsFrom(script);
  if (!options || document.querySelector('[data-scs-chat-widget]')) return null;
  if (document.body) return mountWidget(options);
  // In <head> without async/defer: wait for the body.
  document.addEventListener('DOMContentLoaded', () => {
    if (!document.querySelector('[data-scs-chat-widget]')) mountWidget(options);
  });
  return null;
}
