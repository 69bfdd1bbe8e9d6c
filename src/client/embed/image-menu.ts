/**
 * "Download image" on an embed page. Without JavaScript the link fetches the chart's social card; with it, the link
 * opens a small menu that renders the chart as it looks right now (state, theme) to SVG or PNG, in the browser.
 * The renderer (./image.ts) loads only when someone asks for an image.
 */
/** The renderer, loaded the first time a reader asks for an image (its own chunk). */
const renderer = () => import('./image').then((m) => m.downloadChartImage);

export function wireImageMenu(root: HTMLElement, widget: string): void {
  const toggle = root.querySelector<HTMLAnchorElement>('[data-embed-image-toggle]');
  const menu = root.querySelector<HTMLElement>('#embed-image-menu');
  const status = menu?.querySelector<HTMLElement>('.embed-image-status');
  if (!toggle || !menu || !status) return;
  toggle.setAttribute('role', 'button');
  toggle.setAttribute('aria-expanded', 'false');
  toggle.addEventListener('click', (e) => {
    e.preventDefault();
    menu.hidden = !menu.hidden;
    toggle.setAttribute('aria-expanded', String(!menu.hidden));
    if (!menu.hidden) menu.querySelector<HTMLButtonElement>('button')?.focus();
  });
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
        await (await renderer())(root, widget, format);
        status.textContent = `${format.toUpperCase()} saved.`;
      } catch (err) {
        console.warn('The Reset: could not render the image', err);
        status.textContent = 'Sorry, this browser could not make the image.';
      }
    });
  }
}
