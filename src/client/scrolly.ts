/**
 * Wires every scroll sequence on the page: when a step crosses the trigger line, the chart takes that step's state.
 * A #step-N link opens the chapter in that step's state.
 */
// The package's ES source: its `main` is a UMD build that brings a CommonJS wrapper along.
import scrollama from 'scrollama/index.js';
import { HOST_AS_OF, HOST_HIGHLIGHT, STATE_EVENT } from '../lib/widget-state';

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
    scrollama()
      .setup({ step: steps, offset: 0.6 })
      .onStepEnter(({ element }) => apply(host, element as HTMLElement, steps));
  }
  addEventListener('hashchange', () => {
    const step = location.hash ? root.querySelector<HTMLElement>(`[data-step]#${CSS.escape(location.hash.slice(1))}`) : null;
    const section = step?.closest<HTMLElement>('[data-scrolly]');
    const host = section?.querySelector<HTMLElement>('[data-state-host]');
    if (step && section && host) apply(host, step, [...section.querySelectorAll<HTMLElement>('[data-step]')]);
  });
}
