/** The embed page's script: state from the URL, height reports, the image menu. */
import { startEmbedPage } from './child';
import { wireImageMenu } from './image-menu';

const root = document.querySelector<HTMLElement>('[data-embed-root]');
const host = root?.querySelector<HTMLElement>('[data-embed-host]');
if (root && host) {
  const widget = root.dataset.embedWidget ?? '';
  const page = startEmbedPage(window, { widget, rules: JSON.parse(root.dataset.embedRules ?? '{}'), root, host });
  // WordPress's sandbox refuses downloads: there "Download image" opens the data page (child.ts) instead of the menu.
  if (!page.inWordPress) wireImageMenu(root, widget);
}
