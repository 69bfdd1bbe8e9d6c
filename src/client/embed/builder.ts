/**
 * The embed builder's client (/embed/): form ⇄ URL ⇄ previews ⇄ codes. Every value it shows comes out of
 * parseBuilderParams/parseState, so the codes it hands out only ever carry valid state.
 */
import { parseState } from '../../lib/widget-state';
import { parseBuilderParams, parseTheme, parseView } from '../../lib/embed/params';
import { builderCodes, builderHeight, builderSearch, previewSrc, type BuilderWidget } from '../../lib/embed/builder';
import type { BuilderParams } from '../../lib/embed/params';
import { isWidgetId, type WidgetId } from '../../lib/widgets';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const human = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
};

async function copy(text: string, area: HTMLTextAreaElement, status: HTMLElement): Promise<void> {
  let done = false;
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      done = true;
    }
  } catch {
    done = false;
  }
  area.focus();
  area.select();
  if (!done) {
    try {
      done = document.execCommand('copy');
    } catch {
      done = false;
    }
  }
  status.classList.toggle('ok', done);
  status.textContent = done ? 'Copied' : 'Selected: press Ctrl+C (⌘C on a Mac) to copy';
  window.setTimeout(() => {
    if (status.textContent?.startsWith(done ? 'Copied' : 'Selected')) {
      status.textContent = '';
      status.classList.remove('ok');
    }
  }, 4000);
}

export function startBuilder(doc: Document): void {
  const section = doc.querySelector<HTMLElement>('[data-builder]');
  const dataEl = doc.getElementById('embed-builder-data');
  const form = doc.querySelector<HTMLFormElement>('[data-builder-form]');
  if (!section?.dataset.siteOrigin || !dataEl || !form) return;
  // The codes name the public origin (SITE_URL, from the page), as the no-JavaScript list and oEmbed do.
  const origin = section.dataset.siteOrigin;
  const widgets = JSON.parse(dataEl.textContent ?? '[]') as BuilderWidget[];
  if (widgets.length === 0) return;
  const byId = new Map(widgets.map((w) => [w.id, w]));
  const available = widgets.map((w) => w.id);
  const rulesOf = (id: WidgetId) => byId.get(id)!.rules;

  const el = {
    widget: form.elements.namedItem('widget') as HTMLSelectElement,
    asOf: form.elements.namedItem('asOf') as HTMLInputElement,
    highlight: form.elements.namedItem('highlight') as HTMLSelectElement,
    plain: form.elements.namedItem('plain') as HTMLInputElement,
    themes: Array.from(form.querySelectorAll<HTMLInputElement>('input[name="theme"]')),
    views: Array.from(form.querySelectorAll<HTMLInputElement>('input[name="view"]')),
    hint: section.querySelector<HTMLElement>('[data-asof-hint]')!,
    oembedNote: section.querySelector<HTMLElement>('[data-oembed-note]')!,
    snippet: doc.getElementById('code-snippet') as HTMLTextAreaElement,
    iframe: doc.getElementById('code-iframe') as HTMLTextAreaElement,
    url: doc.getElementById('code-url') as HTMLTextAreaElement,
    previews: Array.from(section.querySelectorAll<HTMLIFrameElement>('iframe[data-preview]')),
  };

  let current = parseBuilderParams(location.search, available, rulesOf)!;

  /** Puts a state into the form (options of the highlight list and date limits follow the chart). */
  function fill(p: BuilderParams): void {
    const w = byId.get(p.widget)!;
    el.widget.value = p.widget;
    el.asOf.min = w.rules.min;
    el.asOf.max = w.rules.max;
    el.asOf.value = p.state.asOf;
    el.hint.textContent = `Any day from ${human(w.rules.min)} to ${human(w.rules.max)}. The chart’s own default is ${human(w.rules.defaultAsOf)}.`;
    el.highlight.replaceChildren(new Option('Nothing', ''), ...w.highlights.map((h) => new Option(h.label, h.id)));
    el.highlight.value = p.state.highlight ?? '';
    for (const r of el.themes) r.checked = r.value === p.theme;
    for (const r of el.views) r.checked = r.value === p.view;
    el.plain.checked = p.plain;
  }

  /** Reads the form back, validated like any URL. */
  function read(): BuilderParams {
    const id = isWidgetId(el.widget.value) && byId.has(el.widget.value) ? el.widget.value : available[0]!;
    const sameWidget = id === current.widget;
    return {
      widget: id,
      state: sameWidget ? parseState({ asOf: el.asOf.value, highlight: el.highlight.value || undefined }, rulesOf(id)) : parseState({}, rulesOf(id)),
      theme: parseTheme(el.themes.find((r) => r.checked)?.value),
      plain: el.plain.checked,
      view: parseView(el.views.find((r) => r.checked)?.value),
    };
  }

  function render(p: BuilderParams, { pushUrl = true } = {}): void {
    const w = byId.get(p.widget)!;
    const codes = builderCodes(origin, w, p);
    el.snippet.value = codes.snippet;
    el.iframe.value = codes.iframe;
    el.url.value = codes.url;
    el.oembedNote.hidden = codes.src === codes.url;
    const preview = previewSrc(codes.src);
    for (const f of el.previews) {
      if (f.getAttribute('src') !== preview) {
        f.setAttribute('title', `Preview: ${w.title}`);
        f.style.height = '';
        f.height = String(builderHeight(w, p));
        f.setAttribute('src', preview);
      }
    }
    if (pushUrl) history.replaceState(null, '', `${location.pathname}${builderSearch(p, w)}${location.hash}`);
  }

  fill(current);
  render(current, { pushUrl: location.search !== '' });
  section.hidden = false;

  let timer = 0;
  form.addEventListener('input', (e) => {
    const next = read();
    if (next.widget !== current.widget) fill(next);
    else if ((e.target as HTMLElement) === el.asOf && el.asOf.value && next.state.asOf !== el.asOf.value) {
      // Half-typed or out-of-range dates wait for the reader to finish; the codes keep the last valid state.
      return;
    }
    current = next;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => render(current), 150);
  });
  form.addEventListener('submit', (e) => e.preventDefault());

  for (const button of section.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.addEventListener('click', () => {
      const area = doc.getElementById(button.dataset.copy ?? '') as HTMLTextAreaElement | null;
      const status = button.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
      if (area && status) void copy(area.value, area, status);
    });
  }
}
