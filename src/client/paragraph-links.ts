/**
 * "Link to this paragraph": a small button beside every paragraph of a chapter, shown on hover and on keyboard focus, that copies the address of that spot (…/#p-12, …/#step-3 for a paragraph inside a scroll step,
 * whose link also sets the chart to that step's state) and says "Link copied". The button comes after the text, so
 * a screen reader reads the paragraph first. (Headings are linked from the table of contents; a button inside a
 * heading would become part of its name.)
 */

export function addParagraphLinks(root: HTMLElement, doc: Document = document): void {
  const live = doc.createElement('p');
  live.className = 'plink-status';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  doc.body.append(live);
  let timer = 0;
  const say = (text: string) => {
    live.textContent = text;
    live.classList.add('is-shown');
    window.clearTimeout(timer);
    timer = window.setTimeout(() => live.classList.remove('is-shown'), 2200);
  };

  root.querySelectorAll<HTMLElement>('p[id]').forEach((el) => {
    if (el.closest('.widget, figure, aside, .takeaways') || el.querySelector('.plink')) return;
    const step = el.closest<HTMLElement>('[data-step][id]');
    // A step's first paragraph links the step; its later paragraphs link themselves.
    const target = step && step.querySelector('p') === el ? step.id : el.id;
    const what = target.startsWith('step-') ? 'this step' : 'this paragraph';
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'plink';
    button.setAttribute('aria-label', `Copy link to ${what}`);
    button.dataset.target = target;
    button.innerHTML = '<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false"><path d="M6.5 9.5l3-3M7 4.5l1.3-1.3a2.5 2.5 0 013.5 3.5L10.5 8M9 11.5l-1.3 1.3a2.5 2.5 0 01-3.5-3.5L5.5 8" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>';
    button.addEventListener('click', async () => {
      const url = `${location.origin}${location.pathname}#${target}`;
      history.replaceState(null, '', `#${target}`);
      const { copyText } = await import('./cite-ui');
      const ok = await copyText(url);
      say(ok ? 'Link copied' : 'Link in the address bar');
    });
    el.classList.add('has-plink');
    el.append(button);
  });
}
