/**
 * Citation boxes in the browser: sets each access date to the reader's own day, shows the copy buttons, and
 * copies a citation as plain text (and as HTML with its italics where the browser allows).
 */
import { formatCiteDate, todayIso, type DateFormat } from '../lib/cite-date';

/** Copies text (and HTML, if given and supported). Resolves false when the browser refuses. */
export async function copyText(text: string, html?: string): Promise<boolean> {
  try {
    if (html && typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) })]);
      return true;
    }
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through to the selection fallback */
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;opacity:0;';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Makes a rendered citation list live. Safe to call twice on the same root. */
export function wireCiteBox(root: HTMLElement, today = todayIso()): void {
  if (root.dataset.citeWired) return;
  root.dataset.citeWired = '1';
  root.querySelectorAll<HTMLElement>('[data-cite-accessed]').forEach((el) => {
    el.textContent = formatCiteDate(today, el.dataset.citeAccessed as DateFormat);
  });
  const status = root.querySelector<HTMLElement>('.cite-status');
  root.querySelectorAll<HTMLButtonElement>('[data-cite-copy]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const target = document.getElementById(button.dataset.citeCopy ?? '');
      if (!target) return;
      const label = button.closest('.cite-item')?.querySelector('.cite-label')?.textContent ?? '';
      const ok = await copyText(target.textContent ?? '', target.tagName === 'PRE' ? undefined : target.innerHTML);
      const first = button.firstChild;
      if (first?.nodeType === Node.TEXT_NODE) {
        first.textContent = ok ? 'Copied' : 'Copy';
        window.setTimeout(() => (first.textContent = 'Copy'), 2000);
      }
      if (status) status.textContent = ok ? `${label} citation copied.` : 'Could not copy: select the text and copy it yourself.';
    });
  });
}
