/**
 * Small helpers the charts share: the arithmetic money-flows and compute-commitments need, without d3-scale (which
 * would bring d3-interpolate and d3-format into every chart's bundle for a straight line and a few round ticks).
 */
export interface Linear {
  (v: number): number;
  invert(px: number): number;
}

/** A linear map from [d0, d1] to [r0, r1], optionally clamped to the range. */
export function linear(d0: number, d1: number, r0: number, r1: number, clamp = false): Linear {
  const k = (r1 - r0) / (d1 - d0 || 1);
  const lo = Math.min(r0, r1);
  const hi = Math.max(r0, r1);
  const f = ((v: number) => {
    const px = r0 + (v - d0) * k;
    return clamp ? Math.min(hi, Math.max(lo, px)) : px;
  }) as Linear;
  f.invert = (px: number) => d0 + (px - r0) / k;
  return f;
}

/** Round ticks from 0 to max, about `count` of them, stepping 1, 2 or 5 times a power of ten (as d3 does). */
export function ticks(max: number, count: number): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  let step = 10 ** Math.floor(Math.log10(raw));
  const err = raw / step;
  step *= err >= 7.07 ? 10 : err >= 3.16 ? 5 : err >= 1.41 ? 2 : 1;
  const out: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

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
