/**
 * "Link to this paragraph": the buttons beside a chapter's paragraphs (written at build time by
 * LinkedParagraph.astro, shown on hover and on keyboard focus) copy the address of their spot (…/#p-12, or …/#step-3
 * for a step's first paragraph, whose link also sets the chart to that step's state) and say "Link copied". One
 * listener on the chapter serves every button, so waking the page touches no paragraph.
 */

export function wireParagraphLinks(root: HTMLElement, status: HTMLElement): void {
  let timer = 0;
  const say = (text: string) => {
    status.textContent = text;
    status.classList.add('is-shown');
    window.clearTimeout(timer);
    timer = window.setTimeout(() => status.classList.remove('is-shown'), 2200);
  };

  root.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button.plink');
    const target = button?.dataset.target;
    if (!target) return;
    const url = `${location.origin}${location.pathname}#${target}`;
    history.replaceState(null, '', `#${target}`);
    const { copyText } = await import('./cite-ui');
    const ok = await copyText(url);
    say(ok ? 'Link copied' : 'Link in the address bar');
  });
}
