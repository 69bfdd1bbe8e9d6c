// Shared by the bench and the browser tests (runs in the page, so it must stay self-contained).
/**
 * True when every chart that CAN wake has: the chart runtime marks its `<reset-chart>` element `data-awake` once
 * the chart follows its state (src/lib/chart-protocol.ts AWAKE). A chart whose figure has no box (inside hidden,
 * e.g. print-only, markup) never comes near the viewport, so it never wakes.
 */
export function hydratableIslandsDone() {
  return [...document.querySelectorAll('reset-chart:not([data-awake])')].every((el) => {
    const box = el.closest('figure')?.getBoundingClientRect();
    return !box || (box.width === 0 && box.height === 0);
  });
}
