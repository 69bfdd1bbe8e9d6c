/**
 * "Download image" on an embed page. Without JavaScript the link fetches the chart's social card; with it, the link
 * opens a small menu that renders the chart as it looks right now (state, theme) to SVG or PNG, in the browser.
 * The renderer (./image.ts, served as /embed/image.js) loads only when someone asks for an image.
 */
type Renderer = (root: HTMLElement, widget: string, format: 'svg' | 'png') => Promise<void>;

let loading: Promise<Renderer> | null = null;

function renderer(): Promise<Renderer> {
  loading ??= new Promise<Renderer>((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/embed/image.js';
    s.async = true;
    s.onload = () => {
      const r = (window as unknown as { __theResetImage?: Renderer }).__theResetImage;
      if (r) resolve(r);
      else reject(new Error('image renderer missing'));
    };
    s.onerror = () => {
      loading = null;
      reject(new Error('could not load /embed/image.js'));
    };
    document.head.append(s);
  });
  return loading;
}

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
