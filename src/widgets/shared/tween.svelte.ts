/**
 * A tiny eased tween for chart geometry, shared by the money-flows, compute-commitments and rpo-exposure widgets.
 * Why not svelte/motion's Tween: importing svelte/motion builds a MediaQuery at module load, which needs `window`
 * and breaks server-render tests; this one touches the browser only when it animates. It jumps straight to the
 * target under prefers-reduced-motion, and at SSR it simply holds its first value.
 */
import { untrack } from 'svelte';

const reduced = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
const easeOut = (t: number) => 1 - (1 - t) ** 3;

export class Eased {
  current = $state(0);
  #raf = 0;

  constructor(value: number) {
    this.current = value;
  }

  /** Move to `target` over `ms` (300–500 ms on this site), or at once when the reader prefers reduced motion. */
  to(target: number, ms = 450): void {
    if (typeof requestAnimationFrame !== 'function') {
      this.current = target;
      return;
    }
    cancelAnimationFrame(this.#raf);
    // Read without subscribing: an effect that calls to() must not re-run on every frame of the tween.
    const from = untrack(() => this.current);
    if (ms <= 0 || from === target || reduced()) {
      this.current = target;
      return;
    }
    const t0 = performance.now();
    const step = (now: number) => {
      const k = Math.min(1, (now - t0) / ms);
      this.current = from + (target - from) * easeOut(k);
      if (k < 1) this.#raf = requestAnimationFrame(step);
    };
    this.#raf = requestAnimationFrame(step);
  }
}
