/** The embed page's script: state from the URL, height reports, the toggle of the image menu (image-menu.ts). */
import { startEmbedPage } from './child';

const root = document.querySelector<HTMLElement>('[data-embed-root]');
const host = root?.querySelector<HTMLElement>('[data-embed-host]');
const toggle = root?.querySelector<HTMLElement>('[data-embed-image-toggle]');
if (root && host) {
  const widget = root.dataset.embedWidget ?? '';
  const page = startEmbedPage(window, { widget, rules: JSON.parse(root.dataset.embedRules ?? '{}'), root, host });
  // WordPress's sandbox refuses downloads: there "Download image" opens the data page (child.ts) instead of the menu.
  if (toggle && !page.inWordPress) {
    toggle.setAttribute('role', 'button');
    toggle.setAttribute('aria-expanded', 'false');
    let menu: Promise<() => void> | undefined;
    toggle.addEventListener('click', (e) => {
      e.preventDefault();
      void (menu ??= import('./image-menu').then((m) => m.imageMenu(root, widget, toggle))).then((flip) => flip());
    });
  }
}
