/*
 * The browser side's one helper that is not about state (live-dom.ts uses it). Scales, ticks and text widths live in
 * the chart kit, ../kit/, and run at build time only.
 */

/**
 * Inside a scroll sequence on a narrow screen the sticky graphic has about half the viewport, so a chart there drops
 * its controls and hints (the steps set its state; WidgetFrame.astro drops title and key by the same breakpoint).
 * Calls `on` with true/false now and whenever the screen crosses the breakpoint; returns the clean-up.
 */
export function compactInStory(el: Element | undefined, on: (compact: boolean) => void): () => void {
  if (!el?.closest('[data-state-host]') || typeof matchMedia !== 'function') return () => {};
  const mq = matchMedia('(max-width: 52rem)');
  const f = () => on(mq.matches);
  f();
  mq.addEventListener('change', f);
  return () => mq.removeEventListener('change', f);
}
