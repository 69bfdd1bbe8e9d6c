/**
 * "Download image" on an embed page. Without JavaScript the link fetches the chart's social card; with it, the link
 * opens a small menu that renders the chart as it looks right now (state, theme) to SVG or PNG, in the browser.
 * The page wires only the toggle (page.ts); this module and the renderer (./image.ts) load the first time a reader
 * opens the menu, so an embed that nobody downloads from ships neither.
 */
import { downloadChartImage } from './image';

/** Wires the menu's keys and buttons; returns what a click on the toggle does (open or close the menu). */
export function imageMenu(root: HTMLElement, widget: string, toggle: HTMLElement): () => void {
  const menu = root.querySelector<HTMLElement>('#embed-image-menu');
  const status = menu?.querySelector<HTMLElement>('.embed-image-status');
  if (!menu || !status) return () => {};
  menu.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    menu.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.focus();
  });
  for (const button of menu.querySelectorAll<HTMLButtonElement>('button[data-embed-image]')) {
    button.addEventListener('click', async () => {
      const format = button.dataset.embedImage === 'svg' ? 'svg' : 'png';
      status.textContent = 'Preparing…';
      try {
        await downloadChartImage(root, widget, format);
        status.textContent = `${format.toUpperCase()} saved.`;
      } catch (err) {
        console.warn('The Reset: could not render the image', err);
        status.textContent = 'Sorry, this browser could not make the image.';
      }
    });
  }
  return () => {
    menu.hidden = !menu.hidden;
    toggle.setAttribute('aria-expanded', String(!menu.hidden));
    if (!menu.hidden) menu.querySelector<HTMLButtonElement>('button')?.focus();
  };
}
