/** The embed page's script: state from the URL, height reports, the image menu. */
import { startEmbedPage } from './child';
import { wireImageMenu } from './image-menu';

const root = document.querySelector<HTMLElement>('[data-embed-root]');
const host = root?.querySelector<HTMLElement>('[data-embed-host]');
if (root && host) {
  const widget = root.dataset.embedWidget ?? '';
  startEmbedPage(window, { widget, rules: JSON.parse(root.dataset.embedRules ?? '{}'), root, host });
  wireImageMenu(root, widget);
}
