/**
 * The search dialog's behaviour, loaded the first time search opens: queries Pagefind (its script and index are
 * fetched from /pagefind/ only now), lists the results as a listbox the input controls (combobox pattern), moves
 * through them with the arrow keys and opens one with Enter.
 */

interface PagefindSubResult { title: string; url: string; excerpt: string; locations?: number[] }
interface PagefindData { url: string; excerpt: string; meta: { title?: string }; sub_results?: PagefindSubResult[] }
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void> | void;
  debouncedSearch: (q: string, o?: unknown, ms?: number) => Promise<{ results: { data: () => Promise<PagefindData> }[] } | null>;
}

const MAX = 8;

/** What kind of page a result is, from its address. */
export function resultType(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  if (path.startsWith('/chapters/')) return 'Chapter';
  if (path.startsWith('/glossary/')) return 'Glossary';
  if (path.startsWith('/sources/')) return 'Source';
  if (path.startsWith('/charts/')) return 'Chart';
  if (path.startsWith('/teach/')) return 'Teaching';
  return 'Page';
}

/** The best place to land: the section with the most matches (and its heading), else the page itself. */
export function bestTarget(d: PagefindData): { url: string; section: string | null; excerpt: string } {
  const subs = (d.sub_results ?? []).filter((s) => s.url !== d.url && s.url.includes('#'));
  const sub = subs.reduce<PagefindSubResult | undefined>((best, s) => (!best || (s.locations?.length ?? 0) > (best.locations?.length ?? 0) ? s : best), undefined);
  return sub ? { url: sub.url, section: sub.title === d.meta.title ? null : sub.title, excerpt: sub.excerpt } : { url: d.url, section: null, excerpt: d.excerpt };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Pagefind's excerpts are escaped text with <mark> around matches; keep only those marks. */
const safeExcerpt = (s: string) => escapeHtml(s.replace(/<\/?mark>/g, '\u0001')).replace(/\u0001([^\u0001]*)\u0001/g, '<mark>$1</mark>').replace(/\u0001/g, '');

export async function startSearch(dialog: HTMLDialogElement): Promise<void> {
  const input = dialog.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const list = dialog.querySelector<HTMLElement>('[role="listbox"]')!;
  const status = dialog.querySelector<HTMLElement>('[role="status"]')!;
  let active = -1;
  let options: HTMLAnchorElement[] = [];

  const setActive = (i: number) => {
    options.forEach((o, k) => o.setAttribute('aria-selected', String(k === i)));
    active = i;
    const o = options[i];
    if (o) {
      input.setAttribute('aria-activedescendant', o.id);
      o.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!options.length) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length);
    } else if (e.key === 'Home' && options.length && e.ctrlKey) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'Enter') {
      const o = options[active] ?? options[0];
      if (o) {
        e.preventDefault();
        o.click();
      }
    }
  });
  list.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a')) dialog.close();
  });

  status.textContent = 'Loading search…';
  let pagefind: Pagefind;
  try {
    const url = '/pagefind/pagefind.js';
    pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ excerptLength: 22 });
    await pagefind.init();
    status.textContent = input.value ? '' : 'Type to search chapters, the glossary, sources and charts.';
  } catch {
    status.textContent = 'Search is not available: its index is built with the site (npm run build).';
    return;
  }

  let seq = 0;
  const run = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) {
      list.replaceChildren();
      options = [];
      setActive(-1);
      input.setAttribute('aria-expanded', 'false');
      status.textContent = 'Type to search chapters, the glossary, sources and charts.';
      return;
    }
    const search = await pagefind.debouncedSearch(q, {}, 180);
    if (!search || mine !== seq) return; // a newer query superseded this one
    const data = await Promise.all(search.results.slice(0, MAX).map((r) => r.data()));
    if (mine !== seq) return;
    list.innerHTML = data
      .map((d, i) => {
        const t = bestTarget(d);
        const section = t.section ? ` <span class="sr-section">› ${escapeHtml(t.section)}</span>` : '';
        return `<a class="sr" role="option" id="sr-${i}" href="${escapeHtml(t.url)}" tabindex="-1" aria-selected="false"><span class="sr-type">${resultType(t.url)}</span><span class="sr-title">${escapeHtml(d.meta.title ?? t.url)}</span>${section}<span class="sr-excerpt">${safeExcerpt(t.excerpt)}</span></a>`;
      })
      .join('');
    options = [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
    setActive(options.length ? 0 : -1);
    input.setAttribute('aria-expanded', String(options.length > 0));
    const n = search.results.length;
    status.textContent = n === 0 ? `Nothing found for “${q}”.` : `${n} result${n === 1 ? '' : 's'}${n > MAX ? `, the first ${MAX} shown` : ''}.`;
  };
  input.addEventListener('input', run);
  if (input.value) void run();
}
