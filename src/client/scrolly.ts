/**
 * Wires every scroll sequence on the page: when a step crosses the trigger line (60% of the way down the screen),
 * the chart takes that step's state. A #step-N link opens the chapter in that step's state.
 *
 * The line is an IntersectionObserver root shrunk to zero height at 60%: a step intersects it exactly while the line
 * runs through the step, in either direction of scrolling and whatever the step's height (no resize tracking), and
 * the browser does the watching off the scroll path. (scrollama, used before, does the same with one observer per
 * step and a ResizeObserver each, plus progress and debug modes this page never used: 1.8 KB gzip on every chapter.)
 */
import { HOST_AS_OF, HOST_HIGHLIGHT, STATE_EVENT } from '../lib/widget-state';

/** The trigger line, as an IntersectionObserver root margin: 60% from the top, 40% from the bottom. */
const TRIGGER_LINE = '-60% 0px -40% 0px';

/**
 * Set on a sequence once the reader moves it: only then do its steps animate (Step.astro). The first step is made
 * active while the page loads, and a border animated then is 400 ms of main-thread repaints for nothing the reader did.
 */
const SCROLLY_MOVED = 'data-scrolly-moved';

function apply(host: HTMLElement, step: HTMLElement, steps: HTMLElement[]): void {
  for (const s of steps) s.classList.toggle('is-active', s === step);
  const asOf = step.dataset.asOf ?? '';
  const highlight = step.dataset.highlight ?? '';
  if (host.getAttribute(HOST_AS_OF) === asOf && host.getAttribute(HOST_HIGHLIGHT) === highlight) return;
  host.setAttribute(HOST_AS_OF, asOf);
  host.setAttribute(HOST_HIGHLIGHT, highlight);
  host.dispatchEvent(new CustomEvent(STATE_EVENT, { detail: { asOf, highlight } }));
}

export function initScrollies(root: Document = document): void {
  for (const section of root.querySelectorAll<HTMLElement>('[data-scrolly]')) {
    if (section.dataset.scrollyReady) continue;
    section.dataset.scrollyReady = '1';
    const host = section.querySelector<HTMLElement>('[data-state-host]');
    const steps = [...section.querySelectorAll<HTMLElement>('[data-step]')];
    if (!host || steps.length === 0) continue;
    const linked = location.hash ? steps.find((s) => `#${s.id}` === location.hash) : undefined;
    apply(host, linked ?? steps[0]!, steps);
    const observer = new IntersectionObserver(
      (entries) => {
        // The line runs through one step at a time (two only where steps touch: then the later one, as scrolling down).
        const entered = entries.filter((e) => e.isIntersecting).at(-1);
        if (!entered) return;
        section.setAttribute(SCROLLY_MOVED, '');
        apply(host, entered.target as HTMLElement, steps);
      },
      { rootMargin: TRIGGER_LINE },
    );
    for (const step of steps) observer.observe(step);
  }
  addEventListener('hashchange', () => {
    const step = location.hash ? root.querySelector<HTMLElement>(`[data-step]#${CSS.escape(location.hash.slice(1))}`) : null;
    const section = step?.closest<HTMLElement>('[data-scrolly]');
    const host = section?.querySelector<HTMLElement>('[data-state-host]');
    if (!step || !section || !host) return;
    section.setAttribute(SCROLLY_MOVED, '');
    apply(host, step, [...section.querySelectorAll<HTMLElement>('[data-step]')]);
  });
}
